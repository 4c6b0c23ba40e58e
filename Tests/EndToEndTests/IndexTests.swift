import Foundation
import Testing

/// `add`, `comment`, `move`, `assign`, `close`, `show` and the other single-issue writes
/// (`reopen`, `label`, `priority`, `due`, `snooze`, `edit`) through the board's index give the
/// same output and exit codes as reading the whole board (what they do when no index can be
/// kept), and an index left by a killed process is checked, never believed.
@Suite struct IndexTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }
    /// A cache "directory" that is a file: no index can be kept, so the board is read whole.
    var withoutIndex: [String: String] { ["XDG_CACHE_HOME": scratch.path + "/not-a-directory"] }
    var indexDirectory: String { scratch.path + "/.cache/lanes/index" }

    init() {
        FileManager.default.createFile(atPath: scratch.path + "/not-a-directory", contents: Data())
    }

    /// Runs the same commands on two boards, one through the index and one without: every
    /// output, error and exit code is the same, and so is every issue as `show` prints it.
    @Test func throughTheIndexTheOutputIsWhatTheWholeBoardGives() throws {
        // In the past: a change dated more than a day ahead of the clock is refused (both ways alike).
        let now = ["--now", "2026-11-27T09:00:00Z"]
        for board in ["indexed", "whole"] {
            #expect(try lanes.run(["init", board]).status == 0)
        }
        let commands: [[String]] = [
            ["add", "First #2", "--label", "bug", "--assign", "bob"], ["add", "Second, see #1", "--body", "about @bob"],
            ["add", "Third", "--column", "In progress", "--assign", "me", "--assign", "Émile", "--priority", "high"],
            ["add", "  "], ["add", "Fourth", "--column", "nowhere"], ["move", "1", "doing"], ["move", "1", "doing"],
            ["move", "2", "review"], ["move", "9", "doing"], ["move", "2", "nowhere"], ["assign", "2", "BOB", "émile", "carol"],
            ["assign", "2", "bob", "--remove"], ["assign", "2", "nobody", "--remove"], ["comment", "1", "hello #3 @carol"],
            ["comment", "2", "  "], ["comment", "7", "on nothing"], ["close", "1"], ["close", "1"], ["close", "3"],
            ["move", "1", "todo"], ["add", "Fifth", "--column", "Done"], ["comment", "5", "closed on arrival"],
            // The single-issue writes that plan against the issue alone, as `move` and `assign` do.
            ["reopen", "3"], ["reopen", "3"], ["reopen", "4"], ["reopen", "9"], ["label", "2", "+ui", "-bug", "Ärger"],
            ["label", "1", "-bug"], ["label", "9", "+x"], ["priority", "2", "urgent"], ["priority", "2", "urgent"],
            ["priority", "2", "soon"], ["priority", "9", "low"], ["due", "2", "fri"], ["due", "2", "none"],
            ["due", "4", "2026-12-24"], ["due", "2", "someday"], ["snooze", "4", "2026-12-10"],
            ["label", "4", "+bug", "--as", "bob"], ["snooze", "2", "2026-11-20"], ["snooze", "2", "mon"], ["snooze", "2", "none"],
            ["edit", "2", "--title", "Second, retitled, see #4"], ["edit", "2", "--body", "now about @carol"],
            ["edit", "2", "--title", " "], ["edit", "1", "--title", "First again", "--body", "more #2"], ["edit", "8", "--title", "x"],
        ]
        for command in commands {
            let indexed = try lanes.run(command + now + ["--board", "indexed"])
            let whole = try lanes.run(command + now + ["--board", "whole"], extraEnvironment: withoutIndex)
            #expect(indexed.stdout == whole.stdout, "\(command)")
            #expect(indexed.stderr == whole.stderr, "\(command)")
            #expect(indexed.status == whole.status, "\(command)")
        }
        for number in 0...5 {
            for format in ["text", "json"] {
                let show = ["show", String(number), "--format", format] + now
                let indexed = try lanes.run(show + ["--board", "indexed"])
                let whole = try lanes.run(show + ["--board", "whole"], extraEnvironment: withoutIndex)
                // Event ids are random per board; everything else must match.
                let scrub = { (text: String) in text.replacingOccurrences(of: #""id":"[0-9a-f]{16}""#, with: "", options: .regularExpression) }
                #expect(scrub(indexed.stdout) == scrub(whole.stdout), "show \(number) \(format)")
                #expect(indexed.stderr == whole.stderr && indexed.status == whole.status, "show \(number) \(format)")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: indexDirectory).contains { $0.hasPrefix("indexed-") })
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/indexed/.lanes/index"))
    }

    /// Each single-issue write (and a link, which also reads the issues its target reaches, and
    /// archive, delete and their undoing) plans against the issues it touches, read out of the
    /// index: the board is not read whole. Seen from outside without a clock: reading a log of 4 MB or more
    /// whole writes the board's snapshot (`.lanes/cache`); a write through the index leaves none,
    /// while the same command with no index writes it (so the sign can show).
    @Test func aSingleIssueWriteDoesNotReadTheBoardWhole() throws {
        let now = ["--now", "2026-11-27T09:00:00Z"]
        #expect(try lanes.run(["init"]).status == 0)
        try scratch.appendIssues(600, paragraphs: 120) // 5 MB
        #expect(try lanes.run(["close", "7"] + now).status == 0) // through the index, which it builds
        let snapshot = scratch.path + "/.lanes/cache"
        let commands: [([String], String)] = [
            (["label", "7", "+bug", "ui"], "#7 added label bug\n#7 added label ui\n"),
            (["reopen", "7"], "#7 reopened (Done → Backlog)\n"), (["priority", "7", "high"], "#7 set priority high\n"),
            (["due", "7", "2026-12-24"], "#7 set due 2026-12-24\n"), (["snooze", "7", "2026-12-24"], "#7 snoozed until 2026-12-24\n"),
            (["edit", "7", "--title", "Seven", "--body", "more"], "#7 retitled to \"Seven\"\n#7 edited the description\n"),
            (["link", "7", "blocks", "8"], "#7 linked: blocks #8\n"), (["link", "8", "blocks", "9"], "#8 linked: blocks #9\n"),
            (["link", "7", "duplicates", "3"], "#7 linked: duplicates #3\n#7 commented\n#7 closed (Backlog → Done)\n"),
            (["unlink", "8", "blocked-by", "7"], "#7 unlinked: blocks #8\n"), (["archive", "7", "8"], "archived 2 issues\n"),
            (["unarchive", "7"], "#7 unarchived\n"), (["delete", "--yes", "8"], "#8 deleted\n"), (["restore", "8"], "#8 restored\n"),
        ]
        for (command, output) in commands {
            try? FileManager.default.removeItem(atPath: snapshot) // each command judged alone (on main: read whole)
            let indexed = try lanes.run(command + now)
            #expect(indexed.stdout == output && indexed.stderr.isEmpty && indexed.status == 0, "\(command): \(indexed)")
            #expect(!FileManager.default.fileExists(atPath: snapshot), "\(command) read the board whole")
        }
        // Refusals read no more: a cycle (found along the links), a link that is not there.
        for (command, error) in [(["link", "9", "blocks", "8"], "lanes: #9 blocks #8 would make a cycle: #9 → #8 → #9\n"),
                                 (["unlink", "8", "blocked-by", "7"], "lanes: #8 has no link \"blocked-by #7\"\n")] {
            try? FileManager.default.removeItem(atPath: snapshot)
            let refused = try lanes.run(command + now)
            #expect(refused.stderr == error && refused.stdout.isEmpty && refused.status == 1, "\(command): \(refused)")
            #expect(!FileManager.default.fileExists(atPath: snapshot), "\(command) read the board whole")
        }
        #expect(try lanes.run(["label", "7", "+bug"] + now, extraEnvironment: withoutIndex).stdout == "nothing to change\n")
        #expect(FileManager.default.fileExists(atPath: snapshot), "a whole read of this board writes its snapshot")
    }

    /// `lanes columns` reads its counts from the index (the counts it keeps per column), never
    /// the board whole, and says what the whole board says: open issues only, archived, deleted
    /// and closed ones left out, in every column, as a table and as JSON.
    @Test func columnsCountFromTheIndexAsTheWholeBoardDoes() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try scratch.appendIssues(600, paragraphs: 120) // 5 MB: a whole read writes the snapshot
        for command in [["move", "3", "doing"], ["move", "4", "doing"], ["close", "5"], ["archive", "6", "3"],
                        ["delete", "--yes", "7"], ["snooze", "8", "2099-01-01"], ["columns", "add", "Later"]] {
            #expect(try lanes.run(command).status == 0, "\(command)")
        }
        let snapshot = scratch.path + "/.lanes/cache"
        for format in ["table", "json"] {
            try? FileManager.default.removeItem(atPath: snapshot)
            let indexed = try lanes.run(["columns", "--format", format])
            #expect(!FileManager.default.fileExists(atPath: snapshot), "columns read the board whole")
            let whole = try lanes.run(["columns", "--format", format], extraEnvironment: withoutIndex)
            #expect(indexed.status == 0 && indexed.stdout == whole.stdout && indexed.stderr.isEmpty, "\(indexed) \(whole)")
        }
        let counts = (try json(lanes.run(["columns", "--format", "json"]).stdout) as! [[String: Any]]).map { $0["count"] as! Int }
        #expect(counts == [595, 0, 1, 0, 0, 0])
    }

    /// A rebuild writes the whole index into SQLite's write-ahead log. Left there, every later
    /// command read all of it back and copied all of it again (the next process counts none
    /// of it as copied): 0.3 s for an `add` at 100k issues. What a command leaves is short.
    @Test func noCommandLeavesALongWriteAheadLogForTheNext() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try scratch.appendIssues(3000)
        let limit = 1 << 20
        for command in [["show", "1"], ["add", "one more"], ["move", "2", "doing"], ["list", "Issue 12"]] {
            #expect(try lanes.run(command).status == 0, "\(command)")
            // A free-text list leaves the free-text index to a process behind it: what that one leaves.
            if command[0] == "list" { #expect(try eventually(timeout: 30) { try lanes.textIndexed() && lanes.noTextIndexBuild() }) }
            let logs = try FileManager.default.contentsOfDirectory(atPath: indexDirectory).filter { $0.hasSuffix(".sqlite-wal") }
            for log in logs {
                let size = try #require(try FileManager.default.attributesOfItem(atPath: indexDirectory + "/" + log)[.size] as? Int)
                #expect(size <= limit, "\(command): \(log) is \(size) bytes")
            }
        }
        #expect(try lanes.run(["show", "3001"]).stdout.contains("one more"))
    }

    /// Comment edits look the comment up in the issue's timeline, read back from the log.
    @Test func aCommentIsEditedAndDeletedThroughTheIndexOnlyByItsAuthor() throws {
        #expect(try lanes.run(["init"]).status == 0)
        #expect(try lanes.run(["add", "One"]).status == 0)
        #expect(try lanes.run(["comment", "1", "first words"]).stdout == "#1 commented\n")
        let issue = try json(lanes.run(["show", "1", "--format", "json"]).stdout) as! [String: Any]
        let comment = try #require((issue["timeline"] as! [[String: Any]]).first { $0["kind"] as? String == "commented" })
        let id = try #require(comment["id"] as? String)
        var bob = lanes
        bob.user = "bob"
        let refused = try bob.run(["comment", "1", "--edit", id, "not mine"])
        #expect(refused.status == 1 && refused.stderr.contains("only ann can edit comment"))
        #expect(try lanes.run(["comment", "1", "--edit", id, "better words"]).stdout == "#1 edited a comment\n")
        #expect(try lanes.run(["show", "1"]).stdout.contains("better words"))
        #expect(try lanes.run(["comment", "1", "--delete", id]).stdout == "#1 deleted a comment\n")
        #expect(!(try lanes.run(["show", "1"]).stdout.contains("better words")))
    }

    /// `lanes show` killed with SIGKILL at random moments while it builds or catches up the
    /// index of a board of 10,000 events: every later command checks what it left and shows
    /// what the whole board shows.
    @Test func anIndexLeftByAKilledProcessIsCheckedNotBelieved() throws {
        #expect(try lanes.run(["init"]).status == 0)
        let events = scratch.path + "/.lanes/events"
        var generator = SystemRandomNumberGenerator()
        func lines(_ issues: ClosedRange<Int>) -> String {
            var text = ""
            for number in issues {
                let time = "2026-11-\(10 + number % 15)T10:\(String(format: "%02d", number % 60)):00.000Z"
                func line(_ rest: String) {
                    text += String(format: "%016llx", generator.next() as UInt64) + "\t\(time)\tann\t#\(number)\t\(rest)\n"
                }
                line("created\tissue \(number) about #\(max(1, number - 1))\t\tbacklog\t\(number)\tnone")
                line("labelled\tl\(number % 7)")
                line("moved\tbacklog\t\(["todo", "doing", "done"][number % 3])\t\(number)")
                line("commented\tnote \(number)")
                line("assigned\tu\(number % 11)")
            }
            return text
        }
        let handle = try #require(FileHandle(forWritingAtPath: events))
        handle.seekToEndOfFile()
        handle.write(Data(lines(1...2_000).utf8))
        for trial in 0..<4 {
            if trial % 2 == 0 {
                try? FileManager.default.removeItem(atPath: indexDirectory) // a rebuild to kill
            } else {
                handle.write(Data(lines((2_000 + trial * 100)...(2_000 + trial * 100 + 99)).utf8)) // a catch-up to kill
            }
            let process = try lanes.start(["show", "1"])
            usleep(UInt32.random(in: 20_000...300_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            for number in [2, 1_999, 2_150] {
                let indexed = try lanes.run(["show", String(number)])
                let whole = try lanes.run(["show", String(number)], extraEnvironment: withoutIndex)
                #expect(indexed.stdout == whole.stdout && indexed.status == whole.status, "trial \(trial), #\(number)")
            }
        }
        try handle.close()
        let added = try lanes.run(["add", "after the kills"])
        #expect(added.stdout == "#\(2_000 + 3 * 100 + 100)\n")
    }
}
