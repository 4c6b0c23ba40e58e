/// One MIME entity: its headers and either its body bytes (still transfer-encoded) or its parts.
///
/// Parsing works on byte slices of the one message buffer, so a 50 MB message is held once and
/// walked a line at a time; nothing is decoded until the text or an attachment is asked for.
public struct MailPart: Sendable {
    public var headers: MailHeaders
    /// The body as it arrived (transfer-encoded), for a leaf part.
    public var body: ArraySlice<UInt8>
    /// The parts of a multipart entity, in order.
    public var parts: [MailPart]

    /// `text/plain` when absent or unreadable (RFC 2045 §5.2).
    public var contentType: String { headers.contentType.value }
    public var mediaType: String { contentType.split(separator: "/").first.map(String.init) ?? "text" }

    /// The decoded body bytes (base64 and quoted-printable undone).
    public var decodedBody: [UInt8] { decodedBody(limit: Int.max) }

    /// The first `limit` or so decoded bytes (decoding only about as much of the body).
    public func decodedBody(limit: Int) -> [UInt8] {
        let encoding = headers["content-transfer-encoding"]?.lowercased().trimmingSpaces ?? ""
        let raw = limit == Int.max ? body : body.prefix(limit < Int.max / 2 ? limit * 2 : limit)
        return Array(TransferEncoding.decode(raw, encoding: encoding).prefix(limit))
    }

    /// The file name an attachment was given (Content-Disposition `filename`, else the
    /// Content-Type `name`), decoded from RFC 2231 or RFC 2047 form.
    public var fileName: String? {
        headers.contentDisposition?.parameter("filename") ?? headers.contentType.parameter("name")
    }

    /// Whether the sender meant this part as an attachment rather than as the message's text.
    public var isAttachment: Bool {
        if headers.contentDisposition?.value == "attachment" { return true }
        if mediaType == "multipart" { return false }
        if contentType == "text/plain" || contentType == "text/html" { return fileName != nil && headers.contentDisposition?.value != "inline" }
        return true
    }

    /// Every leaf part, depth first, at most `limit` of them.
    public func leaves(limit: Int = MailParser.maximumParts) -> [MailPart] {
        var found: [MailPart] = []
        func walk(_ part: MailPart) {
            guard found.count < limit else { return }
            if part.parts.isEmpty { found.append(part) } else { for child in part.parts { walk(child) } }
        }
        walk(self)
        return found
    }
}
