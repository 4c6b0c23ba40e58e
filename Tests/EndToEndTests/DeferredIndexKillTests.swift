import Foundation
import Testing

/// An index whose build left its name tables and indexes for later (`lanes show` after a
/// clone) is completed by the next command that needs them, in that command's transaction. A
/// command killed while it completes them leaves the index as `show` left it: the commands
/// after it (queries that read the names, a write, `columns`, `show`) give what the whole
/// board gives, never a half-made name table.
@Suite struct DeferredIndexKillTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }
    var indexDirectory: String { scratch.path + "/.cache/lanes/index" }
    /// A cache "directory" that is a file: no index can be kept, so the board is read whole.
    var withoutIndex: [String: String] { ["XDG_CACHE_HOME": scratch.path + "/not-a-directory"] }

    /// 4,000 issues with labels and assignees spread over them (what the deferred part is made from).
    func board() throws {
        FileManager.default.createFile(atPath: scratch.path + "/not-a-directory", contents: Data())
        #expect(try lanes.run(["init"]).status == 0)
        var lines = ""
        for number in 1...4_000 {
            let time = "2026-11-\(10 + number % 15)T10:00:00.000Z"
            func line(_ suffix: Int, _ rest: String) {
                lines += String(UInt64(0x2000_0000_0000_0000) + UInt64(number * 4 + suffix), radix: 16) + "\t\(time)\tann\t#\(number)\t\(rest)\n"
            }
            line(0, "created\tissue \(number)\t\tbacklog\t\(number)\tnone")
            line(1, "labelled\tl\(number % 13)")
            line(2, "assigned\tu\(number % 17)")
            if number % 5 == 0 { line(3, "moved\tbacklog\tdone\t\(number)") }
        }
        let handle = try #require(FileHandle(forWritingAtPath: scratch.path + "/.lanes/events"))
        handle.seekToEndOfFile()
        handle.write(Data(lines.utf8))
        try handle.close()
    }

    /// The meta's `format` on disk: negative while the part is deferred.
    func storedFormat() throws -> Int? {
        let files = try FileManager.default.contentsOfDirectory(atPath: indexDirectory).filter { $0.hasSuffix(".sqlite") }
        let file = try #require(files.first)
        let result = try lanes.run(["/usr/bin/sqlite3", indexDirectory + "/" + file, "SELECT value FROM meta WHERE key = 'format'"],
                                   direct: true)
        return Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Starts `lanes COMMAND` on a board with a deferred index and kills it once it writes the
    /// index's write-ahead log (completing the deferred part), `delay` seconds after that, or at
    /// the end if it never shows.
    func killOnceTheIndexIsWritten(_ command: [String], thenAfter delay: Double) throws {
        let process = try lanes.start(command)
        let wal = try FileManager.default.contentsOfDirectory(atPath: indexDirectory).first { $0.hasSuffix(".sqlite") }
            .map { indexDirectory + "/" + $0 + "-wal" }
        let deadline = Date().addingTimeInterval(Tmux.patience)
        while process.isRunning, Date() < deadline {
            if let wal, ((try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0) > 0 { break }
            usleep(200)
        }
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func expectWholeBoard(_ arguments: [String], _ comment: Comment) throws {
        let indexed = try lanes.run(arguments)
        let whole = try lanes.run(arguments, extraEnvironment: withoutIndex)
        #expect(indexed.status == whole.status && indexed.stdout == whole.stdout && indexed.stderr == whole.stderr,
                "\(comment): \(arguments)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "needs sqlite3"))
    func aCommandKilledWhileCompletingADeferredIndexLeavesNothingBelieved() throws {
        try board()
        var killedWhileDeferred = 0
        for trial in 0..<3 {
            try? FileManager.default.removeItem(atPath: indexDirectory)
            #expect(try lanes.run(["show", "1"]).status == 0)
            #expect(try storedFormat().map { $0 < 0 } == true, "show after a clone defers the names")
            // Completing writes the name tables and indexes into the write-ahead log: killed as
            // soon as it grows (or at a random moment if it never shows before the end).
            let command = trial % 2 == 0 ? ["list", "label:l3", "assignee:u5", "--format", "json"] : ["assign", "2", "zed"]
            try killOnceTheIndexIsWritten(command, thenAfter: Double.random(in: 0...0.05) * Double(trial % 2))
            if try storedFormat().map({ $0 < 0 }) == true { killedWhileDeferred += 1 }
            let comment: Comment = "trial \(trial), after killing \(command)"
            for query in ["label:l3 assignee:u5", "assignee:zed is:open"] {
                try expectWholeBoard(["list", query, "--format", "json"], comment)
            }
            try expectWholeBoard(trial == 1 ? ["columns"] : ["show", "2"], comment)
            #expect(try storedFormat() == 3, "completed by the commands after the kill")
        }
        #expect(killedWhileDeferred > 0, "at least one kill came before the completion was committed")
        #expect(try lanes.run(["add", "after the kills"]).stdout == "#4001\n")
        try expectWholeBoard(["list", "is:open", "--format", "csv"], "at the end")
    }

    /// A write as the first command after a clone builds what `show` builds and appends through
    /// the board its build folded, leaving the index behind the log with its names for later.
    /// Killed at any moment, it leaves the log with or without its line and no index believed;
    /// the command after it (killed while it completes the index, then run again) sees the whole board.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "needs sqlite3"))
    func aWriteAfterACloneLeavesTheNamesForLaterAndAKillAnywhereLosesNothing() throws {
        try board()
        let add = ["add", "after the clone", "--assign", "U5", "--label", "L3"]
        let added = try lanes.run(add)
        #expect(added.status == 0 && added.stdout == "#4001\n", "\(added.stderr)")
        #expect(try storedFormat().map { $0 < 0 } == true, "add after a clone defers the names")
        try killOnceTheIndexIsWritten(["list", "assignee:u5", "--format", "json"], thenAfter: 0)
        for query in ["label:l3 assignee:u5", "assignee:u5 is:open", "after"] {
            try expectWholeBoard(["list", query, "--format", "json"], "after the add and a killed list")
        }
        try expectWholeBoard(["show", "4001"], "after the add")
        #expect(try storedFormat() == 3, "completed by the commands after the kill")
        // The add killed at random moments of its build and write.
        for trial in 0..<2 {
            try? FileManager.default.removeItem(atPath: indexDirectory)
            let process = try lanes.start(add)
            Thread.sleep(forTimeInterval: Double.random(in: 0...0.4))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try expectWholeBoard(["list", "label:l3 assignee:u5", "--format", "csv"], "trial \(trial), after killing add")
        }
        try expectWholeBoard(["show", "4001"], "at the end")
    }
}
