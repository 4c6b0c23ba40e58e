import BoardModel

/// What Lanes files from one message: who sent it, what it is about, its readable text and
/// its attachments, and what identifies it in a thread.
public struct MailReport: Sendable {
    public var messageID: String
    /// `In-Reply-To` then `References`, nearest first: the messages this one answers.
    public var references: [String]
    public var from: MailAddress?
    /// The decoded Subject, control characters removed.
    public var subject: String
    /// The readable text: text/plain preferred, HTML converted, text parts of a mixed message joined.
    public var text: String
    public var attachments: [MailAttachment]
    /// Whether the message had any header field at all (if not, it is not a mail message).
    public var hasHeaders: Bool

    /// Readable text kept per message; the rest is cut with a note (the message stays with the
    /// mail server; the log is not an archive of 50 MB bodies).
    public static let maximumText = 256 * 1024

    public init(_ bytes: [UInt8]) {
        let root = MailParser.parse(bytes)
        let headers = root.headers
        hasHeaders = !headers.fields.isEmpty
        from = (headers["from"] ?? headers["sender"] ?? headers["reply-to"] ?? headers["return-path"]).flatMap(MailAddress.init(parsing:))
        subject = headers.decoded("subject") ?? ""
        let ids = MailReport.messageIDs(headers["message-id"] ?? "")
        references = (MailReport.messageIDs(headers["in-reply-to"] ?? "") + MailReport.messageIDs(headers["references"] ?? "").reversed())
        var attachments: [MailAttachment] = []
        var text = MailReport.readable(root, attachments: &attachments)
        text = Sanitize.body(text.replacingCRLF).trimmingSpaces
        if text.utf8.count > MailReport.maximumText {
            let kept = String(decoding: Array(text.utf8.prefix(MailReport.maximumText)), as: UTF8.self)
            text = kept + "\n\n[text cut here: the message's text is longer than \(MailReport.maximumText >> 10) KB]"
        }
        self.text = text
        self.attachments = attachments
        messageID = ids.first ?? MailReport.contentID(headers: headers, body: root.body)
    }

    /// The readable text of `part`, adding the parts that are attachments to `attachments`.
    static func readable(_ part: MailPart, attachments: inout [MailAttachment]) -> String {
        if part.parts.isEmpty {
            if part.isAttachment {
                attachments.append(MailAttachment(part))
                return ""
            }
            let charset = part.headers.contentType.parameter("charset") ?? ""
            // Never more than the text kept (with room for a multi-byte charset's expansion):
            // the rest of a 50 MB body is not worth converting only to be cut.
            let text = Charset.decode(part.decodedBody(limit: maximumText * 2)[...], charset: charset)
            return part.contentType == "text/html" ? HTMLText.text(text) : text
        }
        if part.contentType == "multipart/alternative" {
            let choice = part.parts.first { $0.contentType == "text/plain" && !$0.isAttachment && !$0.decodedBody.allSatisfy(isSpace) }
                ?? part.parts.first { $0.contentType == "text/html" && !$0.isAttachment }
                ?? part.parts.first { $0.contentType.hasPrefix("multipart/") }
            guard let choice else { return "" }
            return readable(choice, attachments: &attachments)
        }
        return part.parts.map { readable($0, attachments: &attachments) }.filter { !$0.trimmingSpaces.isEmpty }.joined(separator: "\n\n")
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }

    /// The `<id>` tokens of a Message-ID, In-Reply-To or References field, without brackets.
    static func messageIDs(_ raw: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(raw)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let id = Sanitize.header(String(rest[rest.index(after: open)..<close]))
            if !id.isEmpty, id.utf8.count <= 500, !id.contains(" ") { ids.append(id) }
            rest = rest[rest.index(after: close)...]
            if ids.count >= 200 { break }
        }
        if ids.isEmpty {
            let bare = Sanitize.header(raw)
            if !bare.isEmpty, bare.utf8.count <= 500, !bare.contains(" ") { ids.append(bare) }
        }
        return ids
    }

    /// A stable Message-ID for a message without one: a hash of who sent it, when, about what,
    /// and its body, so the same message piped twice (with the mail server's own headers
    /// added or not) gets the same one.
    static func contentID(headers: MailHeaders, body: ArraySlice<UInt8>) -> String {
        var hash = ContentHash()
        for name in ["from", "date", "subject", "to"] { hash.add(Array((headers[name] ?? "").utf8)[...]); hash.add([0]) }
        // The first megabyte and the length: stable, and quick for a 50 MB body.
        hash.add(body.prefix(1 << 20))
        hash.add(Array(String(body.count).utf8)[...])
        return "\(hash.hex)@content.lanes"
    }
}

/// One attachment: its name, media type and decoded bytes.
public struct MailAttachment: Sendable {
    public var name: String
    public var type: String
    public var bytes: [UInt8]
    public var size: Int { bytes.count }

    /// The name it is saved under: a hash of its content (the same file twice is stored once,
    /// and a second delivery finds it there), then its own name made safe as a file name:
    /// letters, digits, `.`, `-` and `_` only, no leading dot, at most 80 characters.
    public var storedName: String {
        var hash = ContentHash()
        hash.add(bytes[...])
        var safe = String(name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_".unicodeScalars.contains(scalar))
                ? Character(scalar) : "_"
        })
        while safe.hasPrefix(".") { safe.removeFirst() }
        if safe.count > 80 { safe = String(safe.suffix(80)) }
        return String(hash.hex.prefix(16)) + "-" + (safe.isEmpty ? "attachment" : safe)
    }

    init(_ part: MailPart) {
        type = part.contentType
        bytes = part.decodedBody
        name = part.fileName ?? (part.contentType == "message/rfc822" ? "message.eml" : "attachment")
    }
}

/// 128 bits of FNV-1a (two 64-bit lanes): stable across runs and machines, unlike `Hasher`.
struct ContentHash {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x8422_2325_cbf2_9ce4

    mutating func add(_ bytes: ArraySlice<UInt8>) {
        var (a, b) = (self.a, self.b)
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
                b = (b ^ UInt64(byte ^ 0x5c)) &* 0x100_0000_01b3
            }
        }
        (self.a, self.b) = (a, b)
    }

    var hex: String {
        [a, b].map { value in
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }
}

extension String {
    /// Line ends as `\n` (CRLF and lone CR alike).
    var replacingCRLF: String {
        guard contains("\r") else { return self }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" { out.append("\n"); previousCR = true; continue }
            if scalar == "\n", previousCR { previousCR = false; continue }
            previousCR = false
            out.append(scalar)
        }
        return String(out)
    }
}
