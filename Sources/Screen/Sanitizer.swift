/// The one gate between untrusted text and the terminal.
///
/// Titles, bodies, comments, names, labels and column names come from other people and other
/// tools; any of them may hold escape sequences that would move the cursor, retitle the window,
/// write the clipboard (OSC 52) or reorder text (bidi overrides). Everything drawn or printed
/// passes through here first. Dangerous characters become visible placeholders rather than
/// vanishing, so a reader can see that something odd is in the text.
public enum Sanitizer {
    /// Text for one line: every control character, including newline and tab, is replaced.
    public static func line(_ text: String) -> String {
        clean(text, keepNewlines: false)
    }

    /// Text that may span lines (bodies, comments): newlines are kept, everything else as `line`.
    public static func multiline(_ text: String) -> String {
        clean(text, keepNewlines: true)
    }

    /// The placeholder shown for a dangerous scalar, or nil when the scalar is safe to draw.
    public static func placeholder(for scalar: Unicode.Scalar) -> String? {
        let v = scalar.value
        switch v {
        case 0x09:
            return " "
        case 0x00...0x1F:
            return "^" + String(Unicode.Scalar(UInt8(v + 0x40)))
        case 0x7F:
            return "^?"
        case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029, 0x061C, 0x200E, 0x200F,
             0xFFF9...0xFFFB:
            return "<U+" + hex(v) + ">"
        default:
            return nil
        }
    }

    private static func clean(_ text: String, keepNewlines: Bool) -> String {
        // Fast paths: most text is plain, and most plain text (numbers, columns, names, labels,
        // many titles) is printable ASCII, recognised over its bytes in place: walking every
        // cell's scalars was a tenth of a long `lanes list` table's time.
        var bytes = text
        if bytes.withUTF8({ $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }) { return text }
        if !text.unicodeScalars.contains(where: { needsWork($0) }) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if keepNewlines, scalar == "\n" {
                out.append(scalar)
            } else if keepNewlines, scalar == "\r" {
                continue
            } else if let replacement = placeholder(for: scalar) {
                out.append(contentsOf: replacement.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func needsWork(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v <= 0x9F) || (v >= 0x2028 && v <= 0x202E)
            || (v >= 0x2066 && v <= 0x2069) || v == 0x061C || v == 0x200E || v == 0x200F
            || (v >= 0xFFF9 && v <= 0xFFFB)
    }

    private static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
