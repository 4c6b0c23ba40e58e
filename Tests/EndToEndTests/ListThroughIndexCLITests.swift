import Foundation
import Testing
@testable import BoardIndex

/// `lanes list` through the board's index, as a user runs it: the same bytes as reading the
/// board whole, and JSON that leaves while the board is still being read.
@Suite struct ListThroughIndexCLITests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }
    var bob: LanesProcess {
        var bob = LanesProcess(home: scratch.path)
        bob.user = "bob"
        return bob
    }

    /// Run where no index can be kept (the cache directory is a file): `list` then reads the
    /// board whole, as it did before the index.
    var wholeBoard: [String: String] { ["XDG_CACHE_HOME": scratch.path + "/not-a-directory"] }

    func run(_ process: LanesProcess, _ arguments: [String]) throws {
        let result = try process.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }

    /// Two people's work with every kind of field a query word reads, on days around 2026-12-04.
    func writeBoard() throws {
        try run(lanes, ["init"])
        let day = "2026-11-2"
        try run(lanes, ["add", "Login fails on İstanbul servers", "--body", "Steps: open 日本語 page", "--label", "bug", "--assign", "me",
                        "--priority", "high", "--now", day + "0"])
        try run(bob, ["add", "Dark mode", "--body", "Users want it, see @ann", "--label", "UI", "--label", "Bug", "--now", day + "1"])
        try run(bob, ["add", "翻訳テスト missing", "--assign", "Kim", "--column", "doing", "--now", day + "2"])
        try run(lanes, ["add", "STRASSE straße", "--label", "k8s", "--priority", "urgent", "--now", day + "3"])
        try run(bob, ["add", "Old crash", "--now", day + "4"])
        try run(lanes, ["add", "Archived thing", "--now", day + "5"])
        try run(lanes, ["add", "Deleted crash", "--now", day + "6"])
        try run(bob, ["add", "Waiting crash", "--assign", "ann", "--now", day + "7"])
        try run(lanes, ["comment", "5", "ping @bob", "--now", day + "8"])
        try run(bob, ["move", "1", "review", "--now", day + "8"])
        try run(lanes, ["close", "5", "--now", day + "9"])
        try run(lanes, ["archive", "6", "--now", day + "9"])
        try run(lanes, ["delete", "7", "--yes", "--now", day + "9"])
        try run(lanes, ["due", "2", "2026-12-01", "--now", day + "9"])
        try run(lanes, ["due", "3", "2026-12-10", "--now", day + "9"])
        try run(bob, ["snooze", "8", "2026-12-20", "--now", day + "9"])
        try run(lanes, ["link", "4", "blocks", "2", "--now", day + "9"])
        try run(bob, ["link", "3", "blocked-by", "5", "--now", day + "9"])
        try run(bob, ["label", "3", "+ärger", "--now", day + "9"])
    }

    @Test func throughTheIndexEqualsReadingTheBoardWholeByteForByte() throws {
        try writeBoard()
        FileManager.default.createFile(atPath: scratch.path + "/not-a-directory", contents: Data("x".utf8))
        // Each word once at least, negated, combined; the whole board read twice per query.
        let queries = [
            "", "-is:open sort:updated-desc", "is:closed is:archived", "is:snoozed", "is:overdue -assignee:ann", "is:blocked",
            "-is:blocked is:parent", "blocks:2 sort:due", "assignee:me", "assignee:KIM", "assignee:none -is:stale", "label:bug -label:BUG",
            "label:ÄRGER", "column:review", "column:\"In progress\" is:untriaged", "priority:high", "-priority:none sort:priority",
            "author:bob -author:me", "mentions:me", "created:>2026-11-22 updated:<3d", "created:2026-11-21", "due:<7d", "due:none",
            "-crash", "CRASH sort:id-desc", "日本語", "翻訳テスト", "straße", "strasse", "istanbul", "\"dark mode\"", "is:attention",
            "label:bug assignee:me", "assignee:me label:bug -is:closed", "label:bug label:ui assignee:none", "assignee:kim assignee:me",
        ]
        var found = 0
        for (offset, query) in queries.enumerated() {
            // Every query as JSON; the table and CSV for a few (they print the same issues).
            for format in offset % 8 == 0 ? ["json", "csv", "table"] : ["json"] {
                let arguments = ["list", "--format", format, "--now", "2026-12-04T09:00:00Z", "--"] + (query.isEmpty ? [] : [query])
                let indexed = try lanes.run(arguments)
                let whole = try lanes.run(arguments, extraEnvironment: wholeBoard)
                #expect(indexed.status == 0 && whole.status == 0, "\(query): \(indexed.stderr) \(whole.stderr)")
                #expect(indexed.stdout == whole.stdout, "\(format) \(query)")
                if format == "json", indexed.stdout != "[]\n" { found += 1 }
            }
        }
        #expect(found >= 25, "most queries find something")
        let bad = try lanes.run(["list", "column:nowhere"])
        let badWhole = try lanes.run(["list", "column:nowhere"], extraEnvironment: wholeBoard)
        #expect(bad.status == 1 && bad.stderr == badWhole.stderr && bad.stdout.isEmpty)
    }

    /// A table longer than what `list` measures on one core (the rest is measured on another)
    /// holds every row once, in order, aligned to the widest cell of all of them: here the
    /// last title, measured on the other core.
    @Test func aLongTableIsWholeAndAlignedToItsWidestCell() throws {
        try run(lanes, ["init"])
        try scratch.appendIssues(1500)
        let longest = "A title longer than every other one on this board, at the end"
        try run(lanes, ["add", longest, "--now", "2026-11-20T10:00:00Z"])
        let table = try lanes.run(["list", "--now", "2026-11-23T10:00:00Z"])
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + 1501)
        #expect(lines.dropFirst().map { $0.split(separator: " ").first.map(String.init) ?? "" } == (1...1501).map { "#\($0)" })
        // Every row's COLUMN cell starts where the header's does: past the longest title.
        let column = try #require(lines.first?.range(of: "COLUMN")).lowerBound.utf16Offset(in: lines[0])
        #expect(column == "#1501  ".count + longest.count + 2)
        #expect(lines.dropFirst().allSatisfy { String($0.dropFirst(column)).hasPrefix("Backlog") }, "\(lines.prefix(3))")
    }

    /// A row whose bytes are sealed but hold no issue (written by hand, seal and all) is found
    /// where its issue is decoded: on this core among the first rows of the table, on the other
    /// one past them (`List.tableOnThisCore`). Either way the table is the board's, printed once:
    /// the list is read again the way that rebuilds the index.
    @Test(arguments: [5, 300])
    func aRowThatHoldsNoIssueIsNotBelievedWhereverItIsDecoded(number: Int) throws {
        try run(lanes, ["init"])
        try scratch.appendIssues(320, paragraphs: 1)
        FileManager.default.createFile(atPath: scratch.path + "/not-a-directory", contents: Data("x".utf8))
        let arguments = ["list", "--now", "2026-11-23T10:00:00Z", "is:open"]
        let whole = try lanes.run(arguments, extraEnvironment: wholeBoard)
        #expect(try lanes.run(arguments).stdout == whole.stdout)
        let directory = scratch.path + "/.cache/lanes/index"
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasSuffix(".sqlite") })
        let database = try SQLiteDatabase(path: directory + "/" + name, create: false)
        let events = try database.statement("SELECT events FROM issues WHERE number = ?").bind(.int(number))
        #expect(try events.step())
        let seal = IssueRow.seal(number: number, data: [0], events: events.blob(0))
        try database.statement("UPDATE issues SET data = x'00', seal = ? WHERE number = ?").bind(.integer(seal), .int(number)).run()
        database.close()

        let table = try lanes.run(arguments)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout == whole.stdout)
        #expect(whole.stdout.split(separator: "\n").count == 321)
    }

    /// The table's UPDATED column counts ages to `--now`, as the query's dates do (it counted
    /// them to the clock), through the index and reading the board whole alike.
    @Test func tableAgesCountToNow() throws {
        try run(lanes, ["init"])
        try run(lanes, ["add", "Three days old", "--now", "2026-11-20T09:00:00Z"])
        FileManager.default.createFile(atPath: scratch.path + "/not-a-directory", contents: Data("x".utf8))
        for environment in [[:], wholeBoard] {
            let table = try lanes.run(["list", "--now", "2026-11-23T10:00:00Z"], extraEnvironment: environment)
            #expect(table.status == 0, "\(table.stderr)")
            #expect(table.stdout.split(separator: "\n").last?.hasSuffix("  3d") == true, "\(table.stdout)")
        }
    }

    /// `list --format json` writes the first issues before it has read the others: stopped by
    /// a pipe nobody reads yet, it has read only a small part of the index file. (Collecting
    /// every issue first would have read all of it before writing a byte.) Counted in bytes
    /// read (`/proc/PID/io`), not in time. The board's JSON is several times the 1 MB the pipe
    /// is widened to (`Output.widenPipe`).
    @Test func jsonLeavesWhileTheBoardIsStillBeingRead() throws {
        try run(lanes, ["init"])
        let count = 10_000
        try scratch.appendIssues(count)
        let first = try lanes.run(["list", "--format", "json"])
        #expect(first.status == 0, "\(first.stderr)")
        // The first list after a clone answers from its build's fold (`Needs.foldIfBuilt`): the
        // next one completes the index and lists through it, keeping each issue's JSON.
        #expect(try lanes.run(["list", "--format", "json"]).stdout == first.stdout)
        let directory = scratch.path + "/.cache/lanes/index"
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasSuffix(".sqlite") })
        // Commands leave their writes in the write-ahead log, which the next one reads whole
        // before its first row: move them into the database file, so that what is counted
        // below is rows read, not that log.
        try SQLiteDatabase(path: directory + "/" + name, create: false).execute("PRAGMA wal_checkpoint(TRUNCATE)")
        let indexSize = try #require(try FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.size] as? Int)

        let (process, out) = try lanes.start(["list", "--format", "json"])
        let pid = process.processIdentifier
        // Wait until it is stopped writing into the full pipe (or has ended, which fails below),
        // then until the reading thread is stopped too: by the queue of issues handed to the
        // writing thread, or it has read every row.
        // (For as long as a loaded machine may take to get there: before, 30 s.)
        var blocked = false
        _ = eventually(interval: 0.01) {
            let threads = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
            let calls = threads.map { (try? String(contentsOfFile: "/proc/\(pid)/task/\($0)/syscall", encoding: .utf8)) ?? "" }
            // write(1, …) in one thread, and every thread waiting (a syscall, not "running").
            blocked = calls.contains { $0.hasPrefix("1 0x1 ") } && calls.allSatisfy { !$0.hasPrefix("running") && !$0.isEmpty }
            return blocked || !process.isRunning
        }
        let io = (try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8)) ?? ""
        let read = io.split(separator: "\n").first { $0.hasPrefix("rchar:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(blocked, "it waited on the pipe before it ended")
        #expect(try #require(read) < indexSize / 4, "read \(read ?? -1) bytes of a \(indexSize)-byte index before writing")
        #expect(process.terminationStatus == 0)
        #expect(output == Data(first.stdout.utf8), "the same JSON, all of it")
        #expect((try json(first.stdout) as? [Any])?.count == count)
    }
}
