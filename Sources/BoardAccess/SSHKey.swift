import BoardModel
import Foundation

/// One public key as OpenSSH writes it (`TYPE BASE64 [COMMENT]`), checked before it goes into
/// `authorized_keys`: a line sshd cannot parse would be skipped silently there, so bad text is
/// refused here with the reason.
///
/// The check is the one sshd makes: the base64 decodes, and the blob starts with the same key
/// type as the line names (a length-prefixed string), so a key pasted into the wrong place or
/// cut short is caught.
public struct SSHKey: Equatable, Sendable {
    /// The algorithm, e.g. `ssh-ed25519`.
    public let type: String
    /// The key blob in base64, exactly as given (the identity of the key).
    public let base64: String
    let blob: [UInt8]

    /// Key types OpenSSH accepts in `authorized_keys` (DSA is disabled by OpenSSH itself).
    public static let types: Set<String> = [
        "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    ]

    /// Parses the text of a `.pub` file or a pasted key: one key, with an optional comment.
    public init(text: String) throws(BoardError) {
        if text.contains("PRIVATE KEY-----") { throw .invalid("this is a private key; give the public one (the .pub file)") }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard let line = lines.first else { throw .invalid("no key in the text given (expected a line like: ssh-ed25519 AAAA… name@host)") }
        guard lines.count == 1 else { throw .invalid("\(lines.count) keys given; add one key at a time") }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.count >= 2 else { throw .invalid("not a public key: expected TYPE BASE64, e.g. ssh-ed25519 AAAA…") }
        try self.init(type: words[0], base64: words[1])
    }

    /// A key from its type and base64 blob (as `SSH_USER_AUTH` and `authorized_keys` hold them).
    public init(type: String, base64: String) throws(BoardError) {
        guard SSHKey.types.contains(type) else {
            throw .invalid("not a public key: unknown key type \"\(type)\" (known: \(SSHKey.types.sorted().joined(separator: ", ")))")
        }
        guard let data = Data(base64Encoded: base64) else { throw .invalid("not a public key: the \(type) key data is not valid base64") }
        let blob = [UInt8](data)
        guard blob.count >= 4 else { throw .invalid("not a public key: the \(type) key data is cut short") }
        let length = Int(blob[0]) << 24 | Int(blob[1]) << 16 | Int(blob[2]) << 8 | Int(blob[3])
        guard length <= blob.count - 4, let inner = String(bytes: blob[4..<(4 + length)], encoding: .utf8) else {
            throw .invalid("not a public key: the \(type) key data is cut short")
        }
        guard inner == type else { throw .invalid("not a public key: the line says \(type) but its data is a \(inner) key") }
        guard blob.count > 4 + length else { throw .invalid("not a public key: the \(type) key data is cut short") }
        self.type = type
        self.base64 = base64
        self.blob = blob
    }

    /// `SHA256:…`, as `ssh-keygen -l` and sshd's log print it.
    public var fingerprint: String {
        var text = Data(SHA256.digest(blob)).base64EncodedString()
        while text.hasSuffix("=") { text.removeLast() }
        return "SHA256:" + text
    }

    /// `TYPE BASE64`: what follows the options in an `authorized_keys` line.
    public var text: String { type + " " + base64 }
}
