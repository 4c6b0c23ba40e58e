/// RFC 2047 encoded words in header text: `=?charset?B?…?=` and `=?charset?Q?…?=` decoded in
/// their charset (`charset*language` accepted), white space between two encoded words
/// dropped, the result cleaned of control characters (`Sanitize.header`).
public enum EncodedWords {
    public static func decode(_ text: String) -> String {
        guard text.contains("=?") else { return Sanitize.header(text) }
        var out = ""
        var pendingSpace = ""
        var lastWasEncoded = false
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let (decoded, after) = word(rest) {
                if !lastWasEncoded { out += pendingSpace }
                pendingSpace = ""
                out += decoded
                lastWasEncoded = true
                rest = after
                continue
            }
            let character = rest.removeFirst()
            if character == " " || character == "\t" {
                pendingSpace.append(character)
                continue
            }
            out += pendingSpace
            pendingSpace = ""
            out.append(character)
            lastWasEncoded = false
        }
        out += pendingSpace
        return Sanitize.header(out)
    }

    /// One encoded word at the start of `text` and what follows it, or nil if it is not one.
    static func word(_ text: Substring) -> (String, Substring)? {
        // RFC 2047 words are at most 75 characters; looking further for the end of one would
        // make a header of a million unterminated `=?` quadratic.
        let body = text.dropFirst(2).prefix(200)
        let parts = body.split(separator: "?", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count <= 60, parts[1].count == 1 else { return nil }
        let payloadAndRest = parts[2]
        guard let end = payloadAndRest.range(of: "?=") else { return nil }
        let payload = payloadAndRest[..<end.lowerBound]
        guard !payload.contains(" ") else { return nil }
        let charset = parts[0].split(separator: "*").first.map(String.init) ?? ""
        let bytes: [UInt8]
        switch parts[1] {
        case "B", "b": bytes = TransferEncoding.base64(Array(payload.utf8)[...])
        case "Q", "q": bytes = TransferEncoding.quotedPrintable(Array(payload.utf8)[...], underscores: true)
        default: return nil
        }
        return (Charset.decode(bytes[...], charset: charset), text[end.upperBound...])
    }
}

extension Substring {
    /// The first occurrence of `needle`, without Foundation.
    func range(of needle: String) -> Range<Index>? {
        let count = needle.count
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) { return index..<self.index(index, offsetBy: count) }
            index = self.index(after: index)
        }
        return nil
    }
}

/// Cleaning what a sender controls before it is stored: header text loses every control
/// character (an escape sequence in a Subject must not be filed), body text keeps line breaks
/// and tabs only. The terminal is protected again at drawing (`Sanitizer`); this keeps the
/// log itself free of them.
public enum Sanitize {
    public static func header(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let space = scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n"
            if space {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            if isControl(scalar) { continue }
            out.append(scalar)
        }
        return String(out).trimmingCharacters(in: " ")
    }

    public static func body(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar == "\n" || scalar == "\t" || !isControl(scalar) {
            out.append(scalar)
        }
        return String(out)
    }

    /// C0, DEL, C1, and the bidirectional overrides that reorder what a reader sees.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (value >= 0x7F && value < 0xA0) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }
}
