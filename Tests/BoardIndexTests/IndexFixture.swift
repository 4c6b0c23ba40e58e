import Foundation
import Testing
@testable import BoardIndex
import BoardQuery
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// A board in a temporary directory with its own cache directory, and the check every index
/// test ends with: what the index holds is the fold of the whole log.
struct IndexFixture {
    let directory = TemporaryDirectory()
    var location: BoardLocation { BoardLocation(root: directory.file("board")) }
    var environment: [String: String] { ["XDG_CACHE_HOME": directory.file("cache"), "HOME": directory.path] }

    init(columns: [Column] = Column.defaults) throws {
        try FileManager.default.createDirectory(atPath: directory.file("board"), withIntermediateDirectories: true)
        try EventLog.create(location, columns: columns)
    }

    func open() throws -> BoardIndex { try BoardIndex.open(location, environment: environment) }

    var indexPath: String { IndexFile(for: location, xdg: XDGDirectories(environment: environment)).path }

    /// Moves everything in the index's WAL into its file (connections leave the WAL in place),
    /// so that the file alone can be copied, cut or edited as a test needs.
    func checkpoint() throws {
        try SQLiteDatabase(path: indexPath, create: false).execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    var log: [UInt8] { directory.read("board/.lanes/events") }

    func appendToLog(_ bytes: [UInt8]) throws {
        let handle = try #require(FileHandle(forWritingAtPath: directory.file("board/.lanes/events")))
        handle.seekToEndOfFile()
        handle.write(Data(bytes))
        try handle.close()
    }

    /// Replaces the log by a new file (a new inode, as git and merges do).
    func replaceLog(_ bytes: [UInt8]) throws {
        let path = directory.file("board/.lanes/events")
        try Data(bytes).write(to: URL(fileURLWithPath: path + ".new"))
        #expect(rename(path + ".new", path) == 0)
    }

    /// Every issue, timeline, mention and board-wide count read through `index` equals the
    /// fold of the whole log read from scratch.
    func expectMatchesFold(_ index: BoardIndex, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fold = try EventLog.open(location, snapshots: .off).state
        let board = index.boardState
        #expect(board.columns == fold.columns, sourceLocation: sourceLocation)
        #expect(board.removedColumns == fold.removedColumns, sourceLocation: sourceLocation)
        #expect(board.highestNumber == fold.highestNumber, sourceLocation: sourceLocation)
        #expect(board.eventCount == fold.eventCount, sourceLocation: sourceLocation)
        #expect(board.hiddenCount == fold.hiddenCount, sourceLocation: sourceLocation)
        var numbers: [Int] = []
        try index.forEachIssue { issue in
            numbers.append(issue.number)
            #expect(issue == fold.issues[issue.number], "#\(issue.number)", sourceLocation: sourceLocation)
            return true
        }
        #expect(numbers == fold.issues.keys.sorted(), sourceLocation: sourceLocation)
        for number in fold.issues.keys {
            let shown = try index.showing(number)
            #expect(shown.timelines[number] == fold.timelines[number], "timeline of #\(number)", sourceLocation: sourceLocation)
            #expect(shown.mentions.issues(mentioning: number) == fold.mentions.issues(mentioning: number),
                    "mentions of #\(number)", sourceLocation: sourceLocation)
        }
        // `list --format json` of every issue and of the closed ones, copied from the table of
        // stored JSON where its entries still match: each issue's bytes as `encode` writes them now.
        for text in ["", "is:closed sort:id-desc"] {
            #expect(try listedJSON(index, text) == shownJSON(fold, text), "list --format json \(text)", sourceLocation: sourceLocation)
        }
        // What queries filter on: folded names and labels, authors, import keys.
        #expect(try pairs(index, "SELECT name, number FROM assignees") ==
                Set(fold.issues.values.flatMap { issue in issue.assignees.map { "\($0.lowercased()) \(issue.number)" } }),
                sourceLocation: sourceLocation)
        #expect(try pairs(index, "SELECT label, number FROM labels") ==
                Set(fold.issues.values.flatMap { issue in issue.labels.map { "\($0.lowercased()) \(issue.number)" } }),
                sourceLocation: sourceLocation)
        // The same names and labels as bits (`name_bits`), each number on its list exactly, and the open issues.
        #expect(try IndexFixture.nameBits(index, NameBitsTable.assignees) ==
                Set(fold.issues.values.flatMap { issue in issue.assignees.map { "\($0.lowercased()) \(issue.number)" } }),
                sourceLocation: sourceLocation)
        #expect(try IndexFixture.nameBits(index, NameBitsTable.labels) ==
                Set(fold.issues.values.flatMap { issue in issue.labels.map { "\($0.lowercased()) \(issue.number)" } }),
                sourceLocation: sourceLocation)
        #expect(try IndexFixture.nameBits(index, NameBitsTable.states) == Set(fold.issues.values.filter(\.isOpen).map { "open \($0.number)" }),
                sourceLocation: sourceLocation)
        #expect(try pairs(index, "SELECT key, number FROM imported") == Set(fold.importedKeys.map { "\($0.key) \($0.value)" }),
                sourceLocation: sourceLocation)
        // The free-text index: built on first use, then kept by every catch-up and write.
        try index.indexText()
        #expect(try pairs(index, "SELECT title, rowid FROM issue_text") ==
                Set(fold.issues.values.map { "\($0.title) \($0.number)" }), sourceLocation: sourceLocation)
    }

    /// What `show` prints of each of `numbers` through `index` (the issue, its timeline, what
    /// mentions it) is what the whole log's fold `fold` holds.
    static func expectShows(_ numbers: some Sequence<Int>, through index: BoardIndex, as fold: BoardState, _ comment: Comment,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        for number in numbers {
            let state = try index.showing(number)
            #expect(state.issues[number] == fold.issues[number], comment, sourceLocation: sourceLocation)
            #expect(state.timelines[number] == fold.timelines[number], comment, sourceLocation: sourceLocation)
            #expect(state.mentions.issues(mentioning: number) == fold.mentions.issues(mentioning: number), comment,
                    sourceLocation: sourceLocation)
        }
    }

    /// A stand-in for `IssueJSON.object` (which this module does not see): every field of the issue.
    static func encode(_ issue: BoardModel.Issue) -> [UInt8] { Array(String(describing: issue).utf8) }

    /// What `listJSON` gives for `text`, each issue's bytes; nil if it cannot list the query.
    func listedJSON(_ index: BoardIndex, _ text: String, now: Timestamp = .now) throws -> [[UInt8]]? {
        var listed: [[UInt8]] = []
        let query = try Query.parse(text, on: index.boardState, me: "ann", now: now)
        guard try index.listJSON(query, now: now, encode: IndexFixture.encode, { listed.append(Array($0)) }) else { return nil }
        return listed
    }

    /// The bytes of the issues `text` shows on the fold of the whole log, in its order.
    func shownJSON(_ fold: BoardState, _ text: String, now: Timestamp = .now) throws -> [[UInt8]] {
        try Query.parse(text, on: fold, me: "ann", now: now).run(on: fold, now: now).map(IndexFixture.encode)
    }

    /// "name number" for each number of each name of `list` in `name_bits`, decoded as a query reads them.
    static func nameBits(_ index: BoardIndex, _ list: String) throws -> Set<String> {
        let names = try index.database.statement("SELECT DISTINCT name FROM name_bits WHERE list = ?").bind(.text(list))
        var found = Set<String>()
        while try names.step() {
            let name = names.text(0)
            let members = try NameBitsTable.intersection([SQLCondition.MemberList(table: list, names: [name])], in: index.database)
            for number in members.numbers(descending: false) { found.insert("\(name) \(number)") }
        }
        return found
    }

    private func pairs(_ index: BoardIndex, _ sql: String) throws -> Set<String> {
        let statement = try index.database.statement(sql)
        var found = Set<String>()
        while try statement.step() { found.insert("\(statement.text(0)) \(statement.int(1))") }
        return found
    }
}
