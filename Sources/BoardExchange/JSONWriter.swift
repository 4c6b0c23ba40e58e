/// A small streaming JSON writer with a fixed field order.
///
/// Written by hand rather than with `JSONEncoder` so that field order is stable for scripts and
/// diffs, output is fast at 100,000 issues, and strings are terminal-safe: C0/C1 controls and
/// bidi overrides are written as `\uXXXX` escapes (lossless for JSON readers, inert on a terminal).
public struct JSONWriter {
    public private(set) var output = ""
    private var needsComma = [false]

    public init() {}

    public mutating func beginObject() { valuePrefix(); output += "{"; needsComma.append(false) }
    public mutating func endObject() { needsComma.removeLast(); output += "}" }
    public mutating func beginArray() { valuePrefix(); output += "["; needsComma.append(false) }
    public mutating func endArray() { needsComma.removeLast(); output += "]" }

    public mutating func key(_ name: String) {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = false
        JSONWriter.appendString(name, to: &output)
        output += ":"
        pendingKey = true
    }

    public mutating func string(_ value: String) { valuePrefix(); JSONWriter.appendString(value, to: &output) }
    public mutating func number(_ value: Int) { valuePrefix(); output += String(value) }
    public mutating func number(_ value: Double) {
        valuePrefix()
        output += value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
    public mutating func bool(_ value: Bool) { valuePrefix(); output += value ? "true" : "false" }
    public mutating func null() { valuePrefix(); output += "null" }

    public mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: Int) { key(name); number(value) }
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
            output += ","
        }
        needsComma[needsComma.count - 1] = true
    }

    static func appendString(_ value: String, to output: inout String) {
        output += "\""
        // Most strings need no escaping: copy them whole.
        if !value.unicodeScalars.contains(where: needsEscape) {
            output += value
            output += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            default:
                let v = scalar.value
                if needsEscape(scalar) {
                    let hex = String(v, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    /// Quotes, backslashes, controls and bidi formatting characters are written as escapes.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || v == 0x22 || v == 0x5C || (v >= 0x7F && v <= 0x9F) || (v >= 0x2028 && v <= 0x202E)
            || (v >= 0x2066 && v <= 0x2069) || v == 0x061C || v == 0x200E || v == 0x200F
    }
}
