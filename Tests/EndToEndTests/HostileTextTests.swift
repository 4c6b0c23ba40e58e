import Foundation
import Testing

/// Escape sequences, C1 controls and bidi overrides in every text field never reach the
/// terminal raw, from the full-screen board (bytes captured with tmux pipe-pane) or the CLI.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct HostileTextTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    /// Each payload, and the raw bytes that must never appear in output.
    static let payloads: [(text: String, forbidden: [UInt8])] = [
        ("\u{1B}[2J\u{1B}[31mCSI", Array("\u{1B}[31mCSI".utf8)),
        ("\u{1B}]0;pwned-title\u{07}", Array("\u{1B}]0;pwned".utf8)),
        ("\u{1B}]8;;http://evil.example\u{1B}\\link", Array("\u{1B}]8;;".utf8)),
        ("\u{1B}]52;c;cHduZWQ=\u{07}", Array("\u{1B}]52".utf8)),
        ("\u{1B}P1$qm\u{1B}\\", Array("\u{1B}P1$".utf8)),
        ("\u{1B}_apc-payload\u{1B}\\", Array("\u{1B}_apc".utf8)),
        ("\u{1B}[21t", Array("\u{1B}[21t".utf8)),
        ("c1\u{9B}31m", [0xC2, 0x9B]),
        ("bidi\u{202E}dlrow", [0xE2, 0x80, 0xAE]),
        ("isolate\u{2066}x\u{2069}", [0xE2, 0x81, 0xA6]),
        ("bell\u{07}", [0x07]),
    ]

    func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }

    func seed() throws {
        #expect(try lanes.run(["init"]).status == 0)
        for (index, payload) in HostileTextTests.payloads.enumerated() {
            var evil = lanes
            evil.user = "user" + payload.text
            let add = try evil.run(["add", "title " + payload.text, "--body", "body " + payload.text, "--label", "l" + payload.text,
                                    "--assign", "a" + payload.text, "--column", ["backlog", "todo", "doing", "review"][index % 4]])
            #expect(add.status == 0, "\(add.stderr)")
            try evil.run(["comment", "\(index + 1)", "comment " + payload.text])
        }
        // Column names come from the log itself: append a columns event with hostile names.
        let names = HostileTextTests.payloads.prefix(4).map { $0.text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\u{1B}", with: "\\x1b").replacingOccurrences(of: "\u{07}", with: "\\x07") }
        let line = "00000000000000ff\t2026-01-01T00:00:00.000Z\teve\t-\tcolumns\tbacklog\t\(names[0])\t-\ttodo\t\(names[1])\t-\tdoing\t\(names[2])\t-\treview\t\(names[3])\t-\tdone\tDone\tclosing\n"
        let handle = FileHandle(forWritingAtPath: scratch.path + "/.lanes/events")!
        handle.seekToEndOfFile()
        handle.write(Data(line.utf8))
        // Invalid UTF-8 and an encoded lone surrogate in a title.
        handle.write(Data([0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x66, 0x65]
                          + Array("\t2026-01-01T00:00:01.000Z\teve\t#1\tretitled\tbad ".utf8) + [0xFF, 0xFE, 0xED, 0xA0, 0x80] + [10]))
        try handle.close()
        #expect(try lanes.run(["check"]).status == 0)
    }

    @Test func theBoardNeverSendsHostileSequences() throws {
        try seed()
        let capture = scratch.path + "/pane.bytes"
        let tmux = try lanes.inTmux(width: 160, height: 40)
        try tmux.tmux(capture: false, ["pipe-pane", "-t", "main", "-o", "cat >> \(Tmux.quote(capture))"])
        try tmux.send("C-l")
        try tmux.waitFor(text: "title")
        // Every view: board, each column's cards opened, list, activity, help.
        for column in 0..<4 {
            try tmux.send("Enter")
            try tmux.waitFor(text: "Timeline")
            try tmux.send("q")
            try tmux.waitFor(text: "@ann")
            if column < 3 { try tmux.send("l") }
        }
        try tmux.send("v")
        try tmux.waitFor(text: "ASSIGNEES")
        try tmux.send("T")
        try tmux.waitFor(text: "activity")
        try tmux.send("q", "?")
        try tmux.waitFor(text: "generic")
        try tmux.send("q", "Q")
        try tmux.waitFor(text: "exit=0")
        // The pipe's `cat` writes what tmux hands it in its own time: read the file once it holds
        // the last line the pane printed (before, it was read as soon as the pane showed it).
        #expect(eventually { scratch.contents("pane.bytes").contains("exit=0") }, "the pane's output reached the file")
        let bytes = [UInt8](FileManager.default.contents(atPath: capture) ?? Data())
        #expect(bytes.count > 1000, "the pane's output was captured")
        for payload in HostileTextTests.payloads {
            #expect(!contains(bytes, payload.forbidden), "raw \(payload.forbidden) reached the terminal")
        }
        #expect(!contains(bytes, [0xFF, 0xFE]) && !contains(bytes, [0xED, 0xA0, 0x80]), "invalid UTF-8 never reaches the terminal")
    }

    @Test func theCLINeverPrintsHostileSequences() throws {
        try seed()
        for arguments in [["list"], ["list", "--format", "json"], ["list", "--format", "csv"], ["show", "1"], ["show", "2", "--format", "json"],
                          ["export"], ["export", "--format", "csv"], ["check"], ["move", "1", "\u{1B}]0;x\u{07}"]] {
            let result = try lanes.run(arguments)
            let bytes = Array(result.stdout.utf8) + Array(result.stderr.utf8)
            #expect(!bytes.contains(0x1B) && !bytes.contains(0x07), "\(arguments)")
            for payload in HostileTextTests.payloads {
                #expect(!contains(bytes, payload.forbidden), "\(arguments) printed \(payload.forbidden)")
            }
        }
    }
}
