import Foundation
import Testing

/// `lanes intake` as a mail server runs it: a message on stdin, exit codes 0/65/75, one line out.
@Suite(.serialized) struct IntakeTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("MailIntakeTests/Corpus").path

    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }
    var board: String { scratch.path + "/board" }

    init() throws {
        try FileManager.default.createDirectory(atPath: scratch.path + "/board", withIntermediateDirectories: true)
        #expect(try LanesProcess(home: scratch.path).run(["init", scratch.path + "/board"]).status == 0)
    }

    /// Runs `lanes intake ARGUMENTS < file` through the shell, so stdin is the file's bytes.
    func intake(_ file: String, _ arguments: [String] = []) throws -> LanesProcess.Result {
        let quoted = ([LanesProcess.binary, "intake", "--board", board] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try lanes.run(["/bin/sh", "-c", quoted + " < '\(file)'"], direct: true)
    }

    func corpus(_ name: String) -> String { IntakeTests.corpus + "/" + name + ".eml" }

    func write(_ name: String, _ text: String) -> String {
        let path = scratch.path + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    func issues(_ query: String = "") throws -> [[String: Any]] {
        let result = try lanes.run(["list", "--board", board, "--format", "json"] + (query.isEmpty ? [] : [query]))
        return try json(result.stdout) as? [[String: Any]] ?? []
    }

    @Test func aReportBecomesAnIssueAReplyItsCommentAndNothingIsFiledTwice() throws {
        let first = try intake(corpus("plain"))
        #expect(first.status == 0)
        #expect(first.stdout == "#1 created (from ana@example.com)\n")
        let again = try intake(corpus("plain"))
        #expect(again.status == 0)
        #expect(again.stdout == "#1 already filed (no change)\n")
        let reply = try intake(corpus("reply-gmail"))
        #expect(reply.stdout == "#1 commented (reply from ana@example.com)\n")
        #expect(try intake(corpus("reply-gmail")).stdout == "#1 already filed (no change)\n")
        let found = try issues("reporter:ana@example.com")
        #expect(found.count == 1)
        #expect(found.first?["reporter"] as? String == "Ana Lima <ana@example.com>")
        #expect(try issues("reporter:@example.com").count == 1)
        #expect(try issues("reporter:@example.org").isEmpty)
        let shown = try lanes.run(["show", "1", "--board", board]).stdout
        #expect(shown.contains("reporter:  Ana Lima <ana@example.com>"))
        #expect(shown.contains("ana@example.com  commented"))
        #expect(shown.contains("Still broken after the restart."))
    }

    @Test func aReplyToAWaitingIssueWakesItAndSaysSo() throws {
        _ = try intake(corpus("plain"))
        #expect(try lanes.run(["snooze", "1", "+3d", "--board", board, "--as", "lee"]).status == 0)
        #expect(try issues().isEmpty)
        let reply = try intake(corpus("reply-gmail"))
        #expect(reply.status == 0)
        #expect(reply.stdout.hasPrefix("#1 commented (reply from ana@example.com); #1 is back from waiting"))
        #expect(try issues().map { $0["id"] as? Int } == [1])
    }

    @Test func aRepeatedReportIsMergedUnlessNoMerge() throws {
        _ = try intake(corpus("plain"))
        let second = write("second.eml", "From: Bob <bob@example.net>\nSubject: Fwd: printer on floor 2  is broken\nMessage-ID: <second@x>\n\nSame here.\n")
        let merged = try intake(second)
        #expect(merged.stdout == "#1 commented (also reported by bob@example.net)\n")
        let issue = try issues().first
        #expect(issue?["reporters"] as? [String] == ["Ana Lima <ana@example.com>", "Bob <bob@example.net>"])
        let third = write("third.eml", "From: Cy <cy@example.net>\nSubject: Printer on floor 2 is broken\nMessage-ID: <third@x>\n\nMe too.\n")
        #expect(try intake(third, ["--no-merge"]).stdout == "#2 created (from cy@example.net)\n")
        #expect(try issues("sort:reporters").map { $0["id"] as? Int } == [1, 2])
        #expect(try issues("sort:reporters-desc").map { $0["id"] as? Int } == [2, 1])
    }

    @Test func aReplyToAClosedIssueReopensItOnlyWhenAsked() throws {
        _ = try intake(corpus("plain"))
        #expect(try lanes.run(["close", "1", "--board", board]).status == 0)
        #expect(try intake(corpus("reply-gmail")).stdout == "#1 commented (reply from ana@example.com)\n")
        #expect(try issues().first?["state"] as? String == "closed")
        let another = write("again.eml", "From: Ana <ana@example.com>\nSubject: Re: [#1] still\nMessage-ID: <again@x>\n\nStill!\n")
        #expect(try intake(another, ["--reopen-on-reply"]).stdout == "#1 commented and reopened (reply from ana@example.com)\n")
        #expect(try issues().first?["state"] as? String == "open")
    }

    @Test func aMaildirsNewMessagesAreFiledAndMovedToCurAndARescanFilesNothing() throws {
        let maildir = scratch.path + "/Maildir"
        for sub in ["new", "cur", "tmp"] { try FileManager.default.createDirectory(atPath: maildir + "/" + sub, withIntermediateDirectories: true) }
        try FileManager.default.copyItem(atPath: corpus("plain"), toPath: maildir + "/new/1.host")
        try FileManager.default.copyItem(atPath: corpus("html-only"), toPath: maildir + "/new/2.host")
        let result = try lanes.run(["intake", "--board", board, "--maildir", maildir])
        #expect(result.status == 0)
        #expect(result.stdout == "#1 created (from ana@example.com)\n#2 created (from ana@example.com)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir + "/new").isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir + "/cur").sorted() == ["1.host:2,S", "2.host:2,S"])
        // A crash after filing and before the move leaves the message in new/: filed once only.
        try FileManager.default.copyItem(atPath: corpus("plain"), toPath: maildir + "/new/1.host")
        let rescan = try lanes.run(["intake", "--board", board, "--maildir", maildir])
        #expect(rescan.stdout == "#1 already filed (no change)\n")
        #expect(try issues().count == 2)
    }

    @Test func anMboxIsFiledMessageByMessage() throws {
        let plain = try String(contentsOfFile: corpus("plain"), encoding: .utf8)
        let mbox = write("mbox", "From ana@example.com Mon Nov  2 09:00:00 2026\n" + plain
                         + "\nFrom bob@example.net Mon Nov  2 10:00:00 2026\nFrom: bob@example.net\nSubject: Second\nMessage-ID: <mbox-2@x>\n\n>From the start it failed.\n")
        let result = try lanes.run(["intake", "--board", board, "--mbox", mbox])
        #expect(result.stdout == "#1 created (from ana@example.com)\n#2 created (from bob@example.net)\n")
        let show = try lanes.run(["show", "2", "--board", board]).stdout
        #expect(show.contains("From the start it failed."))
        #expect(!show.contains(">From"))
    }

    @Test func aMessageThatCanNeverBeFiledExits65WithOneLine() throws {
        let empty = try intake(write("empty.eml", ""))
        #expect(empty.status == 65)
        #expect(empty.stderr == "lanes: the message is empty\n")
        let garbage = try intake(write("garbage.eml", "this is not\na mail message\n"))
        #expect(garbage.status == 65)
        #expect(garbage.stderr == "lanes: not a mail message: it has no header fields\n")
        #expect(try issues().isEmpty)
    }

    @Test func aBoardThatCannotBeWrittenNowExits75() throws {
        let missing = try lanes.run(["/bin/sh", "-c", "'\(LanesProcess.binary)' intake --board '\(scratch.path)/nowhere' < '\(corpus("plain"))'"], direct: true)
        #expect(missing.status == 75)
        // A board written by a newer Lanes opens read-only.
        let events = board + "/.lanes/events"
        let text = try String(contentsOfFile: events, encoding: .utf8)
        try text.replacingOccurrences(of: "lanes-log 1", with: "lanes-log 99").write(toFile: events, atomically: true, encoding: .utf8)
        let readOnly = try intake(corpus("plain"))
        #expect(readOnly.status == 75)
        #expect(readOnly.stderr.contains("read-only"))
    }

    @Test func attachmentsAreSavedUpToTheLimitAndOnlyListedBeyondIt() throws {
        FileManager.default.createFile(atPath: board + "/.lanes/lanesrc", contents: Data("set attachment-limit 250\n".utf8))
        #expect(try intake(corpus("multipart-attachments")).status == 0)
        let body = try issues().first?["body"] as? String ?? ""
        #expect(body.contains("- invoice-7.pdf (application/pdf, 240 bytes) saved as .lanes/attachments/"))
        #expect(body.contains("- scréenshot.png (image/png, 256 bytes) not saved: larger than the attachment limit (250 bytes)"))
        let saved = try FileManager.default.contentsOfDirectory(atPath: board + "/.lanes/attachments")
        #expect(saved.count == 1)
        #expect(saved.first?.hasSuffix("-invoice-7.pdf") == true)
        let mode = try FileManager.default.attributesOfItem(atPath: board + "/.lanes/attachments/" + saved[0])[.posixPermissions] as? Int ?? 0o777
        #expect(mode & 0o111 == 0, "never executable")
    }

    @Test func hostileMailIsFiledWithoutReachingTheTerminalRaw() throws {
        let result = try intake(corpus("hostile-escapes"))
        #expect(result.status == 0)
        for output in [result.stdout, result.stderr, try lanes.run(["show", "1", "--board", board]).stdout,
                       try lanes.run(["list", "--board", board]).stdout] {
            #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B }, "\(output.debugDescription)")
        }
        // A 50 MB message, made here rather than committed.
        let big = scratch.path + "/big.eml"
        var bytes = Array("From: big@example.com\nSubject: big one\nMessage-ID: <big@x>\nContent-Type: text/plain\n\n".utf8)
        bytes += Array(String(repeating: String(repeating: "y", count: 99) + "\n", count: 50 << 20 / 100).utf8)
        FileManager.default.createFile(atPath: big, contents: Data(bytes))
        // Bounded in CPU time, not wall time: CI runs every suite at once on two cores, where
        // the same work can wait its turn for longer than it runs.
        let filed = Spawn.measure("(" + lanes.shellCommand(["intake", "--board", board]) + " <" + Tmux.quote(big) + ")")
        #expect(filed.status == 0)
        #expect(filed.output == "#2 created (from big@example.com)\n")
        #expect(filed.cpuSeconds < 20, "\(filed.cpuSeconds) s of CPU")
    }

    /// A full disk is a temporary failure: exit 75, nothing filed; once there is room the same
    /// message is filed, once. (A 256 KB tmpfs filled to the brim; needs root to mount.)
    @Test(.enabled(if: getuid() == 0, "mounting a small tmpfs to fill needs root"))
    func aFullDiskDefersTheMessageAndItIsFiledOnceThereIsRoom() throws {
        let mount = scratch.path + "/small"
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        guard Spawn.run("mount -t tmpfs -o size=256k tmpfs '\(mount)'").status == 0 else {
            Issue.record("cannot mount a tmpfs here")
            return
        }
        defer { _ = Spawn.run("umount '\(mount)'") }
        #expect(try lanes.run(["init", mount]).status == 0)
        _ = Spawn.run("dd if=/dev/zero of='\(mount)/filler' bs=4k 2>/dev/null")
        // Longer than a page, so that its line cannot fit in the events file's last page.
        let message = write("long.eml", "From: Ana Lima <ana@example.com>\nSubject: Printer on floor 2 is broken\nMessage-ID: <long@x>\n\n"
                            + String(repeating: "The printer jams on every page.\n", count: 300))
        let command = "'\(LanesProcess.binary)' intake --board '\(mount)' < '\(message)'"
        let full = try lanes.run(["/bin/sh", "-c", command], direct: true)
        #expect(full.status == 75)
        #expect(full.stderr.contains("try again later"))
        _ = Spawn.run("rm '\(mount)/filler'")
        let room = try lanes.run(["/bin/sh", "-c", command], direct: true)
        #expect(room.status == 0)
        #expect(room.stdout == "#1 created (from ana@example.com)\n")
        #expect(try lanes.run(["/bin/sh", "-c", command], direct: true).stdout == "#1 already filed (no change)\n")
        let list = try lanes.run(["list", "--board", mount, "--format", "json"]).stdout
        #expect((try json(list) as? [[String: Any]])?.count == 1)
    }
}

extension IntakeTests {
    /// The lock held longer than the delivery waits (`LANES_INTAKE_LOCK_WAIT`): exit 75, nothing
    /// filed; once it is free the same message is filed.
    @Test func aLockHeldTooLongIsATemporaryFailure() throws {
        // Held until the test lets go (a holder that let go by itself after 3 s could be gone
        // before a delivery started late on a loaded machine, which was then filed at once).
        let holder = try HeldLock(board + "/.lanes/lock", releaseIn: scratch.path)
        let command = "'\(LanesProcess.binary)' intake --board '\(board)' < '\(corpus("plain"))'"
        let held = try lanes.run(["/bin/sh", "-c", command], extraEnvironment: ["LANES_INTAKE_LOCK_WAIT": "1"], direct: true)
        #expect(held.status == 75)
        #expect(held.stderr.contains("stopped waiting for the board lock"))
        #expect(try issues().isEmpty)
        holder.release()
        let free = try lanes.run(["/bin/sh", "-c", command], extraEnvironment: ["LANES_INTAKE_LOCK_WAIT": "1"], direct: true)
        #expect(free.status == 0)
        #expect(try issues().count == 1)
    }
}
