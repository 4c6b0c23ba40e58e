import Foundation
import Testing
@testable import BoardIndex
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// A build for a command that reads only rows (`lanes show` after a clone) leaves the name
/// tables and the secondary indexes for later (`DeferredIndexPart`). Such an index answers
/// that command, is never taken for a whole one by any other (nor by a lanes that knows
/// nothing of deferring), and once completed is the index a whole build writes.
@Suite struct DeferredIndexPartTests {
    /// A board with names, labels, mentions, a closed issue and an import key: every table has rows.
    static func board() throws -> IndexFixture {
        let fixture = try IndexFixture()
        let log = try EventLog.open(fixture.location, snapshots: .off)
        try log.commit([
            .create(title: "one", labels: ["bug", "Bug"], assignees: ["ann", "Bob"]),
            .create(title: "two, after #1", body: "see #1", labels: ["ui"], assignees: ["émile"]),
            .create(title: "three"),
            .close(3), .move(2, to: "doing"), .comment(1, "@bob look at #2"),
        ], actor: "ann")
        try log.commit((4...40).map { .create(title: "more \($0)", labels: $0 % 3 == 0 ? ["ui"] : [], assignees: $0 % 4 == 0 ? ["cy"] : []) },
                       actor: "cy")
        return fixture
    }

    /// `board()` with the index a `show` builds on it: deferred.
    static func deferredBoard() throws -> IndexFixture {
        let fixture = try board()
        #expect(try BoardIndex.open(fixture.location, environment: fixture.environment, needs: .rows).meta.isDeferred)
        return fixture
    }

    /// `index` is whole (after `rebuilds` rebuilds) and holds the fold of the whole log.
    static func expectWhole(_ index: BoardIndex, rebuilds: Int, in fixture: IndexFixture,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(index.rebuilds == rebuilds, sourceLocation: sourceLocation)
        #expect(!index.meta.isDeferred, sourceLocation: sourceLocation)
        try fixture.expectMatchesFold(index, sourceLocation: sourceLocation)
    }

    /// The index's schema and every row that is not the issues' own (which `expectMatchesFold` reads).
    static func contents(_ index: BoardIndex) throws -> [String] {
        var lines: [String] = []
        for sql in ["SELECT type || ' ' || name FROM sqlite_master ORDER BY type, name",
                    "SELECT name || ' ' || number || ' ' || spelled FROM assignees", "SELECT label || ' ' || number FROM labels",
                    "SELECT name || ' ' || spelled FROM users", "SELECT list || ' ' || name || ' ' || chunk || ' ' || hex(bits) FROM name_bits",
                    "SELECT target || ' ' || source FROM mentions", "SELECT number || ' ' || seal FROM issues",
                    "SELECT \"column\" || ' ' || snoozed || ' ' || open || ' ' || day || ' ' || count FROM column_counts"] {
            let statement = try index.database.statement(sql)
            while try statement.step() { lines.append(statement.text(0)) }
        }
        return lines
    }

    /// The meta's `format` as it is on disk, which a lanes of any version reads first.
    static func storedFormat(_ fixture: IndexFixture) throws -> Int64 {
        let statement = try SQLiteDatabase(path: fixture.indexPath, create: false).statement("SELECT value FROM meta WHERE key = 'format'")
        try #require(try statement.step())
        return statement.int(0)
    }

    @Test func showAfterACloneDefersTheNamesAndIndexesAndTheNextCommandCompletesThem() throws {
        let fixture = try DeferredIndexPartTests.board()
        let shown = try BoardIndex.open(fixture.location, environment: fixture.environment, needs: .rows)
        #expect(shown.rebuilds == 1)
        #expect(shown.meta.isDeferred)
        #expect(try DeferredIndexPartTests.storedFormat(fixture) != Int64(IndexSchema.formatVersion),
                "a lanes that knows nothing of deferring must not believe it")
        #expect(try DeferredIndexPartTests.contents(shown).contains("table deferred_part"))
        #expect(try !DeferredIndexPartTests.contents(shown).contains("index assignees_by_number"))
        // What `show` prints is there: the issue, its timeline, what mentions it.
        let fold = try EventLog.open(fixture.location, snapshots: .off).state
        for number in [1, 2, 3] {
            let state = try shown.showing(number)
            #expect(state.issues[number] == fold.issues[number])
            #expect(state.timelines[number] == fold.timelines[number])
            #expect(state.mentions.issues(mentioning: number) == fold.mentions.issues(mentioning: number))
        }
        // Another `show` reads it as it is; any other command completes it, without a rebuild.
        #expect(try BoardIndex.open(fixture.location, environment: fixture.environment, needs: .rows).meta.isDeferred)
        let next = try fixture.open()
        #expect(next.rebuilds == 0)
        #expect(!next.meta.isDeferred)
        #expect(try DeferredIndexPartTests.storedFormat(fixture) == Int64(IndexSchema.formatVersion))
        // Completed, it is what a whole build writes: the same tables, indexes and rows.
        var elsewhere = fixture.environment
        elsewhere["XDG_CACHE_HOME"] = fixture.directory.file("cache-whole")
        let whole = try BoardIndex.open(fixture.location, environment: elsewhere)
        #expect(whole.rebuilds == 1)
        let completed = try DeferredIndexPartTests.contents(next), built = try DeferredIndexPartTests.contents(whole)
        #expect(completed == built, "\(Set(completed).symmetricDifference(built).sorted())")
        try fixture.expectMatchesFold(next)
    }

    @Test func aDeferredIndexBehindTheLogIsCompletedBeforeItCatchesUp() throws {
        let fixture = try DeferredIndexPartTests.deferredBoard()
        // Another writer's lines: names and labels that the catch-up writes into the name tables.
        try EventLog.open(fixture.location, snapshots: .off)
            .commit([.assign(3, ["dee"]), .label(1, add: ["new"], remove: ["bug"]), .create(title: "forty-one", labels: ["ui"])], actor: "bob")
        let shown = try BoardIndex.open(fixture.location, environment: fixture.environment, needs: .rows)
        try DeferredIndexPartTests.expectWhole(shown, rebuilds: 0, in: fixture)
    }

    @Test func aDeferredPartThatCannotBeReadIsRebuiltNotBelieved() throws {
        let fixture = try DeferredIndexPartTests.deferredBoard()
        try SQLiteDatabase(path: fixture.indexPath, create: false).execute("UPDATE deferred_part SET bytes = x'0102'")
        try DeferredIndexPartTests.expectWhole(try fixture.open(), rebuilds: 1, in: fixture)
    }

    @Test func theFirstScreenCompletesADeferredIndexAndReadsIt() throws {
        let fixture = try DeferredIndexPartTests.deferredBoard()
        let index = try #require(BoardIndex.openIfCurrent(fixture.location, environment: fixture.environment))
        #expect(index.rebuilds == 0)
        #expect(!index.meta.isDeferred)
        let screen = try #require(index.firstScreen(cardsPerColumn: 5, now: .now, zone: .current, staleAfterDays: 14))
        #expect(screen.state.issues[1]?.title == "one")
    }
}
