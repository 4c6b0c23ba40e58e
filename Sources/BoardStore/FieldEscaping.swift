/// Escaping of text inside one tab-separated field of a log line.
///
/// Backslash, tab, newline, carriage return and the other C0 controls (and DEL) are escaped, so
/// an event is always exactly one line, fields never run together, and `cat` or `grep` on the
/// log never sends a raw control character to a terminal.
enum FieldEscaping {
    static func append(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): out.append(0x5C); out.append(0x5C)
            case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
            case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
            case 0x00...0x1F, 0x7F:
                out.append(0x5C)
                out.append(UInt8(ascii: "x"))
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0xF))
            default: out.append(byte)
            }
        }
    }

    /// Decodes one field. Invalid UTF-8 becomes U+FFFD; a bad escape is an error.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(LineError) -> String {
        // Most fields hold no backslash: one `memchr` says so, many bytes a step.
        guard bytes.firstIndex(ofByte: 0x5C, from: 0) != nil else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte != 0x5C { out.append(byte); i += 1; continue }
            guard i + 1 < bytes.count else { throw LineError("a field ends with a lone backslash") }
            switch bytes[i + 1] {
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "x"):
                guard i + 3 < bytes.count, let high = hexValue(bytes[i + 2]), let low = hexValue(bytes[i + 3]) else {
                    throw LineError("bad \\x escape")
                }
                out.append(high << 4 | low)
                i += 4
                continue
            default:
                throw LineError("unknown escape \\\(Character(Unicode.Scalar(bytes[i + 1])))")
            }
            i += 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 48 + value : 87 + value
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 97...102: byte - 87
        case 65...70: byte - 55
        default: nil
        }
    }
}

/// Why one log line could not be read.
public struct LineError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
