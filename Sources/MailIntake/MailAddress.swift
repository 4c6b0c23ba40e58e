/// A mailbox from a From header: `Ana Lima <ana@example.com>`, `"Lima, Ana" <ana@…>`,
/// `ana@example.com (Ana Lima)` or a bare address. Names are RFC 2047 decoded.
public struct MailAddress: Hashable, Sendable {
    public var name: String
    public var address: String

    public init(name: String, address: String) {
        self.name = name
        self.address = address
    }

    /// The first mailbox of a raw header value, or nil if it holds no address.
    public init?(parsing raw: String) {
        var text = Substring(raw)
        // A group (`Team: a@b, c@d;`): its first member.
        if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("<"), !text[..<colon].contains("\""), !text[..<colon].contains("@") {
            text = text[text.index(after: colon)...]
        }
        if let open = text.lastIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            let address = Sanitize.header(String(text[text.index(after: open)..<close]))
            var name = String(text[..<open]).trimmingCharacters(in: " \t")
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = HeaderValue.unquote(String(name.dropFirst().dropLast())) }
            guard MailAddress.isAddress(address) else { return nil }
            self.init(name: EncodedWords.decode(name), address: address)
            return
        }
        let first = text.split(separator: ",").first.map(String.init) ?? ""
        var address = first
        var name = ""
        if let open = first.firstIndex(of: "("), let close = first.lastIndex(of: ")"), open < close {
            name = String(first[first.index(after: open)..<close])
            address = String(first[..<open])
        }
        address = Sanitize.header(address)
        guard MailAddress.isAddress(address) else { return nil }
        self.init(name: EncodedWords.decode(name), address: address)
    }

    static func isAddress(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 320 && text.contains("@") && !text.contains(" ")
    }
}
