#if canImport(Glibc)
import Glibc
#endif
import BoardModel

/// Where `lanes intake` reads messages: stdin, a maildir's `new/`, or an mbox file.
struct MailSource {
    struct TooLarge: Error, CustomStringConvertible {
        var description: String
    }

    var name: String
    var bytes: [UInt8]
    /// Why this message is refused before it is read (too large), if it is.
    var refusal: String? = nil
    /// For a maildir message: its `new/` path and the `cur/` path it moves to once filed.
    var maildirFile: (new: String, cur: String)?

    /// Moves a filed maildir message from `new/` to `cur/` (as mail readers do), so a re-scan
    /// skips it; a crash before the move files nothing twice (the Message-ID is on the board).
    func markFiled() throws(BoardError) {
        guard let (new, cur) = maildirFile else { return }
        guard rename(new, cur) == 0 else { throw .io("cannot move \(new) to \(cur): \(String(cString: strerror(errno)))") }
    }

    static func readStandardInput(limit: Int) throws -> [UInt8] {
        try read(fd: STDIN_FILENO, name: "stdin", limit: limit)
    }

    static func read(fd: Int32, name: String, limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { throw BoardError.io("cannot read \(name): \(String(cString: strerror(errno)))") }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
            if bytes.count > limit { throw TooLarge(description: "\(name) is larger than \(limit >> 20) MB; refused") }
        }
    }

    static func readFile(_ path: String, limit: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw BoardError.io("cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        return try read(fd: fd, name: path, limit: limit)
    }

    /// Every message in `DIR/new` (names starting with `.` are being written), oldest name first.
    static func maildir(_ directory: String) throws -> [MailSource] {
        let new = directory + "/new", cur = directory + "/cur"
        guard let handle = opendir(new) else { throw BoardError.io("cannot read \(new): \(String(cString: strerror(errno)))") }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix(".") { names.append(name) }
        }
        closedir(handle)
        return names.sorted().compactMap { name in
            let path = new + "/" + name
            let filed = (path, cur + "/" + (name.contains(":2,") ? name : name + ":2,S"))
            do {
                return MailSource(name: path, bytes: try readFile(path, limit: Intake.maximumMessage), maildirFile: filed)
            } catch let error as TooLarge {
                return MailSource(name: path, bytes: [], refusal: error.description, maildirFile: filed)
            } catch {
                return nil // gone: another reader moved it
            }
        }
    }

    /// The messages of an mbox: each starts at a `From ` line at the start of the file or after
    /// an empty line; `>From ` lines (mboxrd quoting) lose one `>`.
    static func mbox(_ path: String) throws -> [MailSource] {
        let bytes = try readFile(path, limit: Int.max)
        var messages: [MailSource] = []
        var current: [UInt8] = []
        var previousBlank = true
        var started = false
        var lineStart = 0
        func finish() {
            if started { messages.append(MailSource(name: "\(path) message \(messages.count + 1)", bytes: current, maildirFile: nil)) }
            current = []
        }
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
            let line = bytes[lineStart..<min(lineEnd + 1, bytes.count)]
            if previousBlank, line.starts(with: Array("From ".utf8)) {
                finish()
                started = true
            } else if started {
                let quotes = line.prefix { $0 == UInt8(ascii: ">") }.count
                if quotes > 0, line.dropFirst(quotes).starts(with: Array("From ".utf8)) {
                    current += line.dropFirst()
                } else {
                    current += line
                }
            }
            previousBlank = line.allSatisfy { $0 == 10 || $0 == 13 }
            lineStart = lineEnd + 1
        }
        finish()
        return messages
    }
}
