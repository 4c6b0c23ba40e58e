import BoardModel

/// An `authorized_keys` file as Lanes edits it: the bytes before and after one clearly marked
/// block are kept exactly as they were; only the lines inside the block are Lanes'.
///
/// Each line in the block pins one key to one person on one board with a forced command:
/// `command="/usr/local/bin/lanes ssh-gateway --user ann --board /srv/board",restrict,pty ssh-ed25519 AAAA…`.
/// `restrict` turns off port, agent and X11 forwarding and the pty; `pty` gives the pty back
/// for the full-screen board.
public struct AuthorizedKeys: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var name: String
        /// The board's directory (the one holding `.lanes/`).
        public var board: String
        public var key: SSHKey
        /// The `lanes` binary sshd runs.
        public var program: String

        public init(name: String, board: String, key: SSHKey, program: String) {
            self.name = name
            self.board = board
            self.key = key
            self.program = program
        }

        public var line: String {
            "command=\"\(program) ssh-gateway --user \(name) --board \(board)\",restrict,pty \(key.text)"
        }
    }

    public static let beginMarker = "# >>> lanes access: the lines up to the end marker are written by `lanes access`; edit them with it, not by hand >>>"
    public static let endMarker = "# <<< lanes access <<<"

    /// Everything before the block's first marker (or the whole file when there is no block).
    public private(set) var before: String
    public var entries: [Entry]
    /// Everything after the block's end marker line.
    public private(set) var after: String

    /// Reads the file's text. A damaged block (a begin marker without its end, a line Lanes did
    /// not write inside it) is refused, never rewritten: someone's hand edit would be lost.
    public init(text: String) throws(BoardError) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let begin = lines.firstIndex(where: { $0 == AuthorizedKeys.beginMarker }) else {
            if lines.contains(where: { $0 == AuthorizedKeys.endMarker }) { throw .invalid("the managed block's end marker has no begin marker") }
            before = text
            entries = []
            after = ""
            return
        }
        guard let end = lines[begin...].firstIndex(where: { $0 == AuthorizedKeys.endMarker }) else {
            throw .invalid("the managed block has no end marker (\(AuthorizedKeys.endMarker))")
        }
        before = lines[..<begin].map { $0 + "\n" }.joined()
        after = lines[(end + 1)...].joined(separator: "\n")
        entries = []
        for (offset, line) in lines[(begin + 1)..<end].enumerated() where !line.isEmpty {
            guard let entry = AuthorizedKeys.parse(String(line)) else {
                throw .invalid("line \(begin + offset + 2) inside the managed block was not written by lanes access; move it outside the block")
            }
            entries.append(entry)
        }
        if lines[(begin + 1)...].contains(where: { $0 == AuthorizedKeys.beginMarker }) {
            throw .invalid("the file has two managed blocks; keep one")
        }
    }

    /// The whole file: the kept bytes around the block, the block in between.
    public var text: String {
        var head = before
        if !head.isEmpty, !head.hasSuffix("\n") { head += "\n" }
        let block = ([AuthorizedKeys.beginMarker] + entries.map(\.line) + [AuthorizedKeys.endMarker]).joined(separator: "\n") + "\n"
        return head + block + after
    }

    /// The entries for one board.
    public func entries(board: String) -> [Entry] { entries.filter { $0.board == board } }

    /// Adds `entry`, unless its key already opens the account for someone or something else.
    /// Returns false when the same person already has the same key on the same board.
    public mutating func add(_ entry: Entry) throws(BoardError) -> Bool {
        if let existing = entries.first(where: { $0.key.base64 == entry.key.base64 }) {
            if existing.name == entry.name, existing.board == entry.board { return false }
            throw .invalid("this key (\(entry.key.fingerprint)) is already \(existing.name)'s"
                           + (existing.board == entry.board ? "" : " on \(existing.board)") + "; one key is one person")
        }
        let outside = (before + after).split(separator: "\n").contains { line in
            !line.hasPrefix("#") && line.split(whereSeparator: { $0 == " " || $0 == "\t" }).contains { $0 == entry.key.base64 }
        }
        if outside { throw .invalid("this key (\(entry.key.fingerprint)) is already in the file outside the managed block; one key is one person") }
        entries.append(entry)
        return true
    }

    /// Reads back a line this type wrote; nil for anything else.
    static func parse(_ line: String) -> Entry? {
        guard line.hasPrefix("command=\"") else { return nil }
        let rest = line.dropFirst("command=\"".count)
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        let command = rest[..<close].split(separator: " ").map(String.init)
        let options = ",restrict,pty "
        let tail = rest[rest.index(after: close)...]
        guard command.count == 6, AccessName.isValid(command[3]), command[1] == "ssh-gateway", command[2] == "--user", command[4] == "--board",
              tail.hasPrefix(options) else { return nil }
        let key = tail.dropFirst(options.count).split(separator: " ")
        guard key.count >= 2, let parsed = try? SSHKey(type: String(key[0]), base64: String(key[1])) else { return nil }
        return Entry(name: command[3], board: command[5], key: parsed, program: command[0])
    }

    /// Paths that go into the forced command unquoted: sshd hands the command to the account's
    /// shell, so anything a shell would interpret is refused rather than escaped.
    public static func checkPath(_ path: String, what: String) throws(BoardError) {
        let allowed = path.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "/._+-@,:".unicodeScalars.contains($0))
        }
        guard path.hasPrefix("/"), allowed else {
            throw .invalid("\(what) \(path) has characters a forced command cannot carry unquoted; use a path of letters, digits and / . _ + - @ , :")
        }
    }
}
