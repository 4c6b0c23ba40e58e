import BoardModel

/// A small streaming JSON writer with a fixed field order.
///
/// Written by hand rather than with `JSONEncoder` so that field order is stable for scripts and
/// diffs, output is fast at 100,000 issues, and strings are terminal-safe: C0/C1 controls and
/// bidi overrides are written as `\uXXXX` escapes (lossless for JSON readers, inert on a terminal).
public struct JSONWriter {
    /// The UTF-8 written so far. Bytes, not a String: 100,000 issues are 40 MB of JSON, and
    /// growing a String that size costs more than writing the JSON.
    public private(set) var bytes: [UInt8] = []
    private var needsComma = [false]

    public init() {}

    public var output: String { String(decoding: bytes, as: UTF8.self) }

    /// Hands the bytes written so far to `write` and forgets them, keeping its place (open
    /// arrays and objects, where commas go): for output that leaves as it is made.
    public mutating func flush(_ write: ([UInt8]) -> Void) {
        write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    public mutating func beginObject() { valuePrefix(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    public mutating func endObject() { needsComma.removeLast(); bytes.append(UInt8(ascii: "}")) }
    public mutating func beginArray() { valuePrefix(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
    public mutating func endArray() { needsComma.removeLast(); bytes.append(UInt8(ascii: "]")) }

    public mutating func key(_ name: String) {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = false
        JSONWriter.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        pendingKey = true
    }

    public mutating func string(_ value: String) { valuePrefix(); JSONWriter.appendString(value, to: &bytes) }
    public mutating func number(_ value: Int) { valuePrefix(); bytes.append(contentsOf: String(value).utf8) }
    public mutating func number(_ value: Double) {
        valuePrefix()
        bytes.append(contentsOf: (value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)).utf8)
    }
    /// A value that is JSON already (an object `IssueJSON.object` wrote), where a value goes.
    public mutating func json(_ value: UnsafeRawBufferPointer) { valuePrefix(); bytes.append(contentsOf: value) }
    public mutating func bool(_ value: Bool) { valuePrefix(); bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    public mutating func null() { valuePrefix(); bytes.append(contentsOf: "null".utf8) }

    public mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: Int) { key(name); number(value) }
    /// A time as its ISO 8601 string, written without making one.
    public mutating func field(_ name: String, _ time: Timestamp) {
        key(name)
        valuePrefix()
        bytes.append(UInt8(ascii: "\""))
        time.appendISO8601(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }
    public mutating func field(_ name: String, _ values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    private var pendingKey = false

    private mutating func valuePrefix() {
        if pendingKey {
            pendingKey = false
        } else if needsComma[needsComma.count - 1] {
            bytes.append(UInt8(ascii: ","))
        }
        needsComma[needsComma.count - 1] = true
    }

    static func appendString(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escaping: copy their bytes whole.
        let plain = value.utf8.withContiguousStorageIfAvailable { !JSONWriter.mayNeedEscape($0) } ?? false
        if plain {
            bytes.append(contentsOf: value.utf8)
        } else {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": bytes.append(contentsOf: "\\\"".utf8)
                case "\\": bytes.append(contentsOf: "\\\\".utf8)
                case "\n": bytes.append(contentsOf: "\\n".utf8)
                case "\t": bytes.append(contentsOf: "\\t".utf8)
                case "\r": bytes.append(contentsOf: "\\r".utf8)
                default:
                    if needsEscape(scalar) {
                        let hex = String(scalar.value, radix: 16)
                        bytes.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                    } else {
                        bytes.append(contentsOf: String(scalar).utf8)
                    }
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether UTF-8 text may hold a character `needsEscape` names, by its bytes: a quote,
    /// backslash or control, a C1 control (C2 80–9F), or a lead byte of U+061C (D8) or of the
    /// U+2000 block (E2) where the line separators and bidi controls live. A false positive
    /// only sends the string down the exact, slower path.
    static func mayNeedEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        for (index, byte) in utf8.enumerated() {
            switch byte {
            case 0..<0x20, 0x22, 0x5C, 0x7F, 0xD8, 0xE2: return true
            case 0xC2 where index + 1 < utf8.count && utf8[index + 1] <= 0x9F: return true
            default: continue
            }
        }
        return false
    }

    /// Quotes, backslashes, controls and bidi formatting characters are written as escapes.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || v == 0x22 || v == 0x5C || (v >= 0x7F && v <= 0x9F) || (v >= 0x2028 && v <= 0x202E)
            || (v >= 0x2066 && v <= 0x2069) || v == 0x061C || v == 0x200E || v == 0x200F
    }
}
