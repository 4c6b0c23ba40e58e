import BoardModel

/// The header fields of one entity, unfolded, in order; looked up by name ignoring case.
///
/// Raw values stay as they arrived (encoded words undecoded): an address list or a Message-ID is
/// parsed from the raw form, and `decoded(_:)` gives text for people.
public struct MailHeaders: Sendable {
    public private(set) var fields: [(name: String, value: String)] = []
    public var contentType: HeaderValue
    public var contentDisposition: HeaderValue?

    /// Header fields kept per entity; a hostile message with more is cut there.
    static let maximumFields = 1_000

    public init(parsing bytes: ArraySlice<UInt8>) {
        contentType = HeaderValue(value: "text/plain", parameters: [:])
        var fields: [(name: String, value: String)] = []
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == 10 {
            lines.append(bytes[start..<index])
            start = index + 1
        }
        if start < bytes.endIndex { lines.append(bytes[start...]) }
        var current: [UInt8] = []
        func flush() {
            guard !current.isEmpty, fields.count < MailHeaders.maximumFields,
                  let colon = current.firstIndex(of: UInt8(ascii: ":")) else { current = []; return }
            let name = Charset.text(current[..<colon]).trimmingSpaces.lowercased()
            let value = Charset.text(current[(colon + 1)...]).trimmingSpaces
            if !name.isEmpty { fields.append((name, value)) }
            current = []
        }
        for var line in lines {
            if line.last == 13 { line = line.dropLast() }
            if let first = line.first, first == 32 || first == 9 {
                if current.count < 1 << 20 { current.append(32); current += line.drop { $0 == 32 || $0 == 9 } }
            } else {
                flush()
                current = Array(line)
            }
        }
        flush()
        self.fields = fields
        if let type = self["content-type"] {
            let parsed = HeaderValue(parsing: type)
            if parsed.value.contains("/") { contentType = parsed }
        }
        contentDisposition = self["content-disposition"].map(HeaderValue.init(parsing:))
    }

    /// The first field called `name` (lowercase), raw.
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// The first field called `name`, encoded words decoded, control characters removed.
    public func decoded(_ name: String) -> String? {
        self[name].map(EncodedWords.decode)
    }
}

/// A structured header value such as `text/plain; charset="utf-8"`: the value, lowercased, and
/// its parameters, RFC 2231 continuations and charsets undone.
public struct HeaderValue: Sendable {
    public var value: String
    public var parameters: [String: String]

    public init(value: String, parameters: [String: String]) {
        self.value = value
        self.parameters = parameters
    }

    public init(parsing text: String) {
        let pieces = HeaderValue.splitOutsideQuotes(text)
        value = (pieces.first ?? "").trimmingSpaces.lowercased()
        var plain: [String: String] = [:]
        var extended: [String: [(index: Int, encoded: Bool, text: String)]] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            var name = piece[..<equals].trimmingSpaces.lowercased()
            var raw = piece[piece.index(after: equals)...].trimmingSpaces
            if raw.hasPrefix("\""), raw.hasSuffix("\""), raw.count >= 2 { raw = HeaderValue.unquote(String(raw.dropFirst().dropLast())) }
            let encoded = name.hasSuffix("*")
            if encoded { name.removeLast() }
            if let star = name.lastIndex(of: "*"), let index = Int(name[name.index(after: star)...]) {
                extended[String(name[..<star]), default: []].append((index, encoded, raw))
            } else if encoded {
                extended[name, default: []].append((0, true, raw))
            } else {
                plain[name] = raw
            }
        }
        for (name, sections) in extended where sections.count <= 1_000 {
            plain[name] = HeaderValue.joinRFC2231(sections.sorted { $0.index < $1.index })
        }
        parameters = plain.mapValues { $0.contains("=?") ? EncodedWords.decode($0) : Sanitize.header($0) }
    }

    public func parameter(_ name: String) -> String? {
        parameters[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// RFC 2231: `charset'language'percent-encoded` in the first encoded section, then more.
    static func joinRFC2231(_ sections: [(index: Int, encoded: Bool, text: String)]) -> String {
        var charset = "utf-8"
        var bytes: [UInt8] = []
        for (position, section) in sections.enumerated() {
            var text = Substring(section.text)
            if section.encoded, position == 0 {
                let parts = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if parts.count == 3 {
                    if !parts[0].isEmpty { charset = String(parts[0]) }
                    text = parts[2]
                }
            }
            bytes += section.encoded ? percentDecoded(text) : Array(text.utf8)
        }
        return Charset.decode(bytes[...], charset: charset)
    }

    static func percentDecoded(_ text: Substring) -> [UInt8] {
        var out: [UInt8] = []
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            if byte == UInt8(ascii: "%"), bytes.count >= 2, let high = hexValue(bytes[bytes.startIndex]), let low = hexValue(bytes[bytes.startIndex + 1]) {
                out.append(high << 4 | low)
                bytes = bytes.dropFirst(2)
            } else {
                out.append(byte)
            }
        }
        return out
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 65...70: byte - 55
        case 97...102: byte - 87
        default: nil
        }
    }

    static func unquote(_ text: String) -> String {
        var out = ""
        var escaped = false
        for character in text {
            if escaped { out.append(character); escaped = false } else if character == "\\" { escaped = true } else { out.append(character) }
        }
        return out
    }

    /// Splits at `;` outside double quotes.
    static func splitOutsideQuotes(_ text: String) -> [Substring] {
        var pieces: [Substring] = []
        var start = text.startIndex
        var quoted = false
        var escaped = false
        for index in text.indices {
            let character = text[index]
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "\"" { quoted.toggle() } else if character == ";", !quoted {
                pieces.append(text[start..<index])
                start = text.index(after: index)
            }
        }
        pieces.append(text[start...])
        return pieces
    }
}
