import Foundation
import Testing
import BoardModel

/// Random writes through the index and around it (a writer with no index, whose lines the
/// index catches up), with the index deleted, replaced by another board's, cut short, brought
/// back from an older copy, or built for `show` alone (its names deferred), and a torn tail in
/// the log between them: after each, what `show`, `list` (table, JSON, CSV) and `columns`
/// print through the index is, byte for byte, what they print reading the board whole.
@Suite struct IndexPerturbationCLITests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }
    var indexDirectory: String { scratch.path + "/.cache/lanes/index" }
    /// A cache "directory" that is a file: no index can be kept, so the board is read whole.
    var withoutIndex: [String: String] { ["XDG_CACHE_HOME": scratch.path + "/not-a-directory"] }

    /// The index file of the board named `name` (there is one per board in the directory).
    func indexFile(_ name: String) throws -> String? {
        try FileManager.default.contentsOfDirectory(atPath: indexDirectory)
            .first { $0.hasPrefix(name + "-") && $0.hasSuffix(".sqlite") }.map { indexDirectory + "/" + $0 }
    }

    /// Puts `bytes` where the index of `board` is, as a copy would, without SQLite's files beside it.
    func plantIndex(_ bytes: Data, board: String) throws {
        guard let path = try indexFile(board) else { return }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try bytes.write(to: URL(fileURLWithPath: path))
    }

    /// The index of `board` as one file (its write-ahead log moved in first, as a backup would copy it).
    func indexBytes(_ board: String) throws -> Data? {
        guard let path = try indexFile(board) else { return nil }
        _ = try lanes.run(["/usr/bin/sqlite3", path, "PRAGMA wal_checkpoint(TRUNCATE)"], direct: true)
        return FileManager.default.contents(atPath: path)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "needs sqlite3"), arguments: [7, 8] as [UInt64])
    func everyReadThroughAnIndexThatWasTamperedWithIsTheWholeBoards(seed: UInt64) throws {
        FileManager.default.createFile(atPath: scratch.path + "/not-a-directory", contents: Data())
        var random = SeededGenerator(seed: seed)
        // Another board (a clone would have the same first event, so a fresh one) with an index of its own.
        #expect(try lanes.run(["init", "other"]).status == 0)
        for title in ["elsewhere", "there, see #1", "third"] { #expect(try lanes.run(["add", title, "--board", "other", "--label", "bug"]).status == 0) }
        let foreign = try #require(try indexBytes("other"))
        #expect(try lanes.run(["init", "board"]).status == 0)
        let board = ["--board", scratch.path + "/board"]
        var backup: Data?
        var minute = 0, writes = 0
        for step in 0..<12 {
            minute += Int.random(in: 1...600, using: &random)
            let now = ["--now", String(format: "2026-11-2%dT%02d:%02d:00Z", 1 + minute / 1440, minute / 60 % 24, minute % 60)]
            let write = IndexPerturbationCLITests.write(step: step, random: &random)
            let written = try lanes.run(write + board + now, extraEnvironment: Int.random(in: 0..<4, using: &random) == 0 ? withoutIndex : [:])
            if written.status == 0 { writes += 1 }
            var tampering = "none"
            switch Int.random(in: 0..<8, using: &random) {
            case 0:
                tampering = "deleted"
                if let path = try indexFile("board") { try FileManager.default.removeItem(atPath: path) }
            case 1:
                tampering = "another board's"
                try plantIndex(foreign, board: "board")
            case 2:
                tampering = "cut short"
                if let bytes = try indexBytes("board") { try plantIndex(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)), board: "board") }
            case 3:
                tampering = "an older copy"
                if let backup { try plantIndex(backup, board: "board") }
            case 4:
                tampering = "built for show"
                if let path = try indexFile("board") { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
                let shown = try lanes.run(["show", "1"] + board + now), whole = try lanes.run(["show", "1"] + board + now, extraEnvironment: withoutIndex)
                #expect(shown.stdout == whole.stdout && shown.stderr == whole.stderr && shown.status == whole.status, "\(shown) \(whole)")
            case 5:
                tampering = "a torn tail"
                let handle = try #require(FileHandle(forWritingAtPath: scratch.path + "/board/.lanes/events"))
                handle.seekToEndOfFile()
                handle.write(Data("00000000000000ff\t2026-11-21T00:00:00.000Z\tbob\t#1\tcommented\thalf a li".utf8))
                try handle.close()
            default:
                if Bool.random(using: &random) { backup = try indexBytes("board") }
            }
            for _ in 0..<2 {
                let read = IndexPerturbationCLITests.read(random: &random)
                let indexed = try lanes.run(read + board + now)
                let whole = try lanes.run(read + board + now, extraEnvironment: withoutIndex)
                let comment: Comment = "seed \(seed), step \(step), after \(write), index \(tampering): \(read)"
                #expect(indexed.stdout == whole.stdout, comment)
                #expect(indexed.stderr == whole.stderr, comment)
                #expect(indexed.status == whole.status, comment)
            }
        }
        #expect(writes >= 6, "writes that changed the board: \(writes)")
        // The other board's index was never taken for this one, nor written by it.
        let other = try lanes.run(["list", "--format", "json", "--board", scratch.path + "/other"])
        #expect(other.stdout == (try lanes.run(["list", "--format", "json", "--board", scratch.path + "/other"], extraEnvironment: withoutIndex)).stdout)
    }

    static let users = ["ann", "Bob", "émile", "me"]
    static let labels = ["bug", "Bug", "ui", "ärger"]

    /// A write of any command that goes through the index (and a column change, which does not).
    static func write(step: Int, random: inout SeededGenerator) -> [String] {
        func number() -> String { String(Int.random(in: 1...max(1, step), using: &random)) }
        func pick(_ values: [String]) -> String { values.randomElement(using: &random)! }
        if step < 3 || Int.random(in: 0..<5, using: &random) == 0 {
            return ["add", "Issue \(step) about #\(number())", "--body", "see #\(number()) @\(pick(users))",
                    "--label", pick(labels), "--assign", pick(users), "--column", pick(["Backlog", "doing", "Done"])]
        }
        let n = number(), m = number()
        return pick([
            "move \(n) \(pick(["todo", "doing", "Review", "done"]))", "assign \(n) \(pick(users))", "assign \(n) \(pick(users)) --remove",
            "label \(n) +\(pick(labels)) -\(pick(labels))", "comment \(n) ping_#\(m)", "close \(n)", "reopen \(n)",
            "priority \(n) \(pick(["high", "low", "urgent"]))", "due \(n) 2026-12-0\(m.count)", "snooze \(n) 2026-11-2\(m.count + 1)",
            "snooze \(n) none", "edit \(n) --title retitled_\(m)", "link \(n) \(pick(["blocks", "blocked-by", "parent-of", "duplicates", "relates-to"])) \(m)",
            "unlink \(n) \(pick(["blocks", "blocked-by", "child-of"])) \(m)", "archive \(n) \(m)", "unarchive \(n)", "delete --yes \(n)",
            "restore \(n)", "columns add Later", "columns remove Later --to doing",
        ]).split(separator: " ").map { String($0).replacingOccurrences(of: "_", with: " ") }
    }

    /// A read: `show`, `list` with a query in every format, or `columns`.
    static func read(random: inout SeededGenerator) -> [String] {
        let queries = ["", "is:open", "is:closed", "label:bug", "assignee:bob", "assignee:me is:open", "is:archived", "is:deleted",
                       "is:blocked", "-label:ui", "column:doing", "issue", "retitled", "sort:updated", "priority:high", "is:snoozed",
                       "is:parent", "has:duplicates", "blocked-by:1", "mentions:bob", "is:stale", "due:<7d", "sort:priority-desc"]
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return ["show", String(Int.random(in: 1...8, using: &random))] + (Bool.random(using: &random) ? ["--format", "json"] : [])
        case 1: return ["columns"] + (Bool.random(using: &random) ? ["--format", "json"] : [])
        default:
            return ["list"] + queries.randomElement(using: &random)!.split(separator: " ").map(String.init)
                + ["--format", ["table", "json", "csv"].randomElement(using: &random)!]
        }
    }
}
