import Foundation
import Testing

/// A board owned by one service account (the test's user) with people as keys, served by a
/// real sshd whose `AuthorizedKeysFile` is the test's file. `authorized_keys` starts with lines
/// of its own (and gets one after the block), which every check compares byte for byte.
final class AccessFixture {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }
    var sshDirectory: String { scratch.path + "/ssh" }
    var authorizedKeys: String { sshDirectory + "/authorized_keys" }
    /// Lines an admin wrote by hand, before the managed block.
    let before: String
    /// A line written by hand after the managed block, once there is one.
    private(set) var after = ""
    private(set) var server: SSHServer!

    /// `people`: name and role, each given a key with `lanes access add` before sshd starts.
    init(_ people: [(String, String)]) throws {
        try FileManager.default.createDirectory(atPath: scratch.path + "/ssh", withIntermediateDirectories: true)
        try SSHServer.makeKey(scratch.path + "/ssh/outside")
        let outsideKey = try String(contentsOfFile: scratch.path + "/ssh/outside.pub", encoding: .utf8)
        before = "# keys added by hand\r\nno-pty \(outsideKey.trimmingCharacters(in: .newlines))  \n\n"
        try before.write(toFile: authorizedKeys, atomically: true, encoding: .utf8)
        #expect(try lanes.run(["init"]).status == 0)
        for (name, role) in people {
            let added = try access(["add", name, "--key", key(name) + ".pub", "--role", role])
            #expect(added.status == 0, "\(added.stderr)")
        }
        after = "from=\"10.9.9.9\" \(outsideKey.trimmingCharacters(in: .newlines))-after\n"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: authorizedKeys))
        handle.seekToEndOfFile()
        handle.write(Data(after.utf8))
        try handle.close()
        let state = scratch.path + "/state"
        server = try SSHServer(directory: scratch.path + "/sshd", authorizedKeys: authorizedKeys, probeKey: key(people[0].0), extraConfig: [
            "ExposeAuthInfo yes", "LogLevel DEBUG1", "AcceptEnv LANG LC_* LANES_USER LANES_BOARD",
            "SetEnv XDG_CONFIG_HOME=\(state)/config XDG_DATA_HOME=\(state)/data XDG_STATE_HOME=\(state)/state",
        ])
        expectOutsideKept()
    }

    /// The private key of `name` (made on first use; `.pub` beside it).
    func key(_ name: String) throws -> String {
        let path = sshDirectory + "/" + name
        if !FileManager.default.fileExists(atPath: path) { try SSHServer.makeKey(path) }
        return path
    }

    /// `lanes access ARGS` run locally, as the service account.
    @discardableResult
    func access(_ arguments: [String]) throws -> LanesProcess.Result {
        try lanes.run(["access"] + arguments + ["--authorized-keys", authorizedKeys])
    }

    /// `ssh HOST REMOTE` with `name`'s key, no terminal.
    func ssh(_ name: String, _ remote: String, options: [String] = [], stdin: String? = nil, quiet: Bool = false) throws -> (status: Int32, output: String) {
        server.run(key: try key(name), remote, options: options, stdin: stdin, quiet: quiet)
    }

    /// The full-screen board over `ssh -tt` in a tmux pane, as `name`.
    func board(_ name: String) throws -> Tmux {
        try lanes.inTmux(server.command(key: try key(name), tty: true).map(Tmux.quote).joined(separator: " "), width: 100, height: 24)
    }

    /// The lines outside the managed block are byte-identical to what was written by hand.
    func expectOutsideKept(sourceLocation: SourceLocation = #_sourceLocation) {
        let text = String(decoding: FileManager.default.contents(atPath: authorizedKeys) ?? Data(), as: UTF8.self)
        guard let begin = text.range(of: "# >>> lanes access"), let end = text.range(of: "# <<< lanes access <<<\n") else {
            Issue.record("no managed block in:\n\(text)", sourceLocation: sourceLocation)
            return
        }
        #expect(String(text[..<begin.lowerBound]) == before, sourceLocation: sourceLocation)
        #expect(String(text[end.upperBound...]) == after, sourceLocation: sourceLocation)
    }

    /// The board's issues as JSON objects, read locally.
    func issues() throws -> [[String: Any]] {
        try json(lanes.run(["list", "--format", "json"]).stdout) as? [[String: Any]] ?? []
    }

    var accessLog: String { scratch.contents(".lanes/access.log") }
    var sshdLog: String { (try? String(contentsOfFile: scratch.path + "/sshd/log", encoding: .utf8)) ?? "" }
}
