import Foundation
import Testing
@testable import BoardIndex
import BoardModel
import BoardQuery
import BoardStore
import LanesTestSupport

/// `list --format json` copies each issue's JSON from the index's `issue_json` table: only
/// while the entry still matches its row, and never an entry or a filter column changed by hand.
@Suite struct ListJSONTests {
    /// When the board's issues were written.
    let then = Timestamp(milliseconds: Timestamp.now.milliseconds - 60_000)

    /// A board with open, closed and deleted issues, and its index built.
    func board() throws -> IndexFixture {
        let fixture = try IndexFixture()
        let log = try EventLog.open(fixture.location, snapshots: .off)
        try log.commit([.create(title: "one", labels: ["bug"]), .create(title: "two"), .create(title: "three"),
                        .create(title: "four"), .close(2), .lifecycle(3, .deleted)], actor: "ann", now: then)
        #expect(try fixture.open().rebuilds == 1)
        return fixture
    }

    func expectListsTheFold(_ fixture: IndexFixture, _ index: BoardIndex, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fold = try EventLog.open(fixture.location, snapshots: .off).state
        for text in ["", "is:closed", "is:open sort:id-desc"] {
            #expect(try fixture.listedJSON(index, text) == fixture.shownJSON(fold, text), "\(text)", sourceLocation: sourceLocation)
        }
    }

    func storedEntries(_ fixture: IndexFixture) throws -> Int {
        let statement = try SQLiteDatabase(path: fixture.indexPath, create: false).statement("SELECT count(*) FROM issue_json")
        return try statement.step() ? Int(statement.int(0)) : 0
    }

    func edit(_ fixture: IndexFixture, _ sql: String) throws {
        try SQLiteDatabase(path: fixture.indexPath, create: false).execute(sql)
    }

    @Test func entriesAreStoredAndFollowEveryWrite() throws {
        let fixture = try board()
        try expectListsTheFold(fixture, try fixture.open())
        #expect(try storedEntries(fixture) == 3, "the issues listed: #1, #2, #4")
        _ = try fixture.open().commit([.retitle(1, "one, renamed"), .move(4, to: "doing")], actor: "bob")
        try expectListsTheFold(fixture, try fixture.open())
        try EventLog.open(fixture.location, snapshots: .off).commit([.retitle(4, "four, renamed"), .reopen(2), .prioritise(1, .high)],
                                                                    actor: "kim")
        let index = try fixture.open()
        try expectListsTheFold(fixture, index)
        #expect(index.rebuilds == 0)
    }

    /// A row rewritten with nothing but its title changed (as any writer of rows, one that
    /// knows nothing of the table too, would write it): no filter column tells, its seal does.
    @Test func anEntryFollowsItsRowWhenNoFilterColumnChanges() throws {
        let fixture = try board()
        let index = try fixture.open()
        #expect(try fixture.listedJSON(index, "")?.first == IndexFixture.encode(try #require(try index.issue(1))))
        var renamed = try #require(try index.issue(1))
        renamed.title = "one, renamed by hand"
        try index.database.transaction {
            let old = try #require(try index.row(1))
            try IssueRow(issue: renamed, offsets: old.offsets).write(to: index.database, replacing: old.issue, text: false)
        }
        #expect(try fixture.listedJSON(index, "")?.first == IndexFixture.encode(renamed))
    }

    @Test func queriesTheIndexCannotDecideAloneAreLeftToTheMatcher() throws {
        let fixture = try board()
        let index = try fixture.open()
        for text in ["label:bug", "one", "sort:updated", "assignee:none", "is:blocked"] {
            #expect(try fixture.listedJSON(index, text) == nil, "\(text)")
        }
        #expect(try fixture.listedJSON(index, "-is:open priority:none created:>2020-01-01") != nil)
    }

    /// An entry changed by hand is written afresh from its row; a row changed by hand under
    /// its entry (a filter column, its seal) is damage: the index is rebuilt.
    @Test(arguments: [
        ("UPDATE issue_json SET json = CAST('{}' AS BLOB)", 0),
        ("UPDATE issue_json SET seal = seal + 1 WHERE number = 4", 0),
        ("UPDATE issue_json SET number = 5 WHERE number = 4", 0),
        ("UPDATE issues SET open = 0 WHERE number = 1", 1),
        ("UPDATE issues SET deleted = 0 WHERE number = 3", 1),
        ("UPDATE issues SET priority = 3 WHERE number = 4", 1),
        ("UPDATE issues SET seal = seal + 1 WHERE number = 1", 1),
    ])
    func aForgedEntryOrRowIsNotBelieved(sql: String, rebuilds: Int) throws {
        let fixture = try board()
        try expectListsTheFold(fixture, try fixture.open())
        try edit(fixture, sql)
        let index = try fixture.open()
        try expectListsTheFold(fixture, index)
        #expect(index.rebuilds == rebuilds)
    }
}
