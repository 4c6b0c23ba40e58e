import Foundation
import Testing
@testable import BoardExchange
@testable import BoardModel

/// The writer escapes byte by byte (runs copied whole, only the bytes that may start an escape
/// looked at): these compare it with the definition, scalar by scalar, on random text made of
/// the characters that are escaped and their neighbours.
@Suite struct JSONWriterTests {
    /// JSON string escaping by its definition: each scalar that `needsEscape` names as a short
    /// escape or `\uXXXX`, every other scalar as it is.
    func definition(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if JSONWriter.needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Escaped characters, the ones beside them (same lead bytes, neighbouring values) and
    /// ordinary text of every UTF-8 length.
    let alphabet: [Unicode.Scalar] = [
        "a", "Z", " ", "\"", "\\", "\n", "\t", "\r", "\u{0}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{7E}",
        "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{A9}", "\u{C2}", "\u{61B}", "\u{61C}", "\u{61D}", "\u{600}",
        "\u{2000}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{2014}", "\u{2027}", "\u{2028}", "\u{202A}", "\u{202E}",
        "\u{202F}", "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}", "\u{2713}", "\u{2FFF}", "日", "한", "🎉",
    ]

    @Test func stringsAreEscapedAsTheirDefinitionSays() throws {
        var random = SystemRandomNumberGenerator()
        for round in 0..<3_000 {
            // Short strings and ones past the 16-byte blocks, with long plain runs between.
            let length = round % 3 == 0 ? Int.random(in: 0...6, using: &random) : Int.random(in: 0...80, using: &random)
            var value = ""
            for _ in 0..<length {
                if Bool.random(using: &random) {
                    value += String(repeating: "plain text ", count: Int.random(in: 0...3, using: &random))
                }
                value.unicodeScalars.append(alphabet.randomElement(using: &random)!)
            }
            var json = JSONWriter()
            json.string(value)
            let written = json.output
            #expect(written == definition(value), "\(value.unicodeScalars.map { String($0.value, radix: 16) })")
            let decoded = try JSONSerialization.jsonObject(with: Data(written.utf8), options: .fragmentsAllowed) as? String
            #expect(decoded == value, "lossless for JSON readers")
        }
    }

    @Test func numbersAreWrittenAsSwiftWritesThem() {
        var random = SystemRandomNumberGenerator()
        let values = [0, 1, 9, 10, 99, 100, -1, -9, -10, Int.max, Int.min, Int.max - 1, Int.min + 1]
            + (0..<2_000).map { _ in Int.random(in: Int.min...Int.max, using: &random) >> Int.random(in: 0...63, using: &random) }
        for value in values {
            var json = JSONWriter()
            json.number(value)
            #expect(json.output == String(value))
        }
    }

    @Test func fieldsWithNamesFromTheSourceMatchOnesWithNamesEscaped() {
        var literal = JSONWriter(), escaped = JSONWriter()
        literal.beginObject()
        literal.field("title", "x")
        literal.field("archived", true)
        literal.field("due", nil as CalendarDate?)
        literal.endObject()
        escaped.beginObject()
        for (name, value) in [("title", "\"x\""), ("archived", "true"), ("due", "null")] {
            escaped.key(name as String)
            Array(value.utf8).withUnsafeBytes { escaped.json($0) }
        }
        escaped.endObject()
        #expect(literal.output == "{\"title\":\"x\",\"archived\":true,\"due\":null}")
        #expect(literal.output == escaped.output)
    }
}
