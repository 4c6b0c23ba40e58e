import Foundation
import Testing
@testable import BoardIndex
import BoardModel
import BoardQuery
import BoardStore
import LanesTestSupport

/// `BoardIndex.listRows`: rows decoded and matched by their taker (the table's core) give what
/// `list` gives, and a row whose sealed bytes do not decode is not believed.
@Suite struct ListedRowTests {
    let now = Timestamp(milliseconds: 1_780_000_000_000)
    let zone = TimeZone(identifier: "Pacific/Auckland")!

    /// Every query of the workload, on a random board: its rows decoded and matched apart
    /// are the issues `list` gives, in its order; `is:blocked` and other orders than by
    /// number are declined (`list` answers them).
    @Test func rowsDecodedApartGiveWhatListGives() throws {
        let fixture = try IndexFixture()
        let writer = try EventLog.open(fixture.location, snapshots: .off)
        for step in QueryWorkload.steps(seed: 5, count: 300, now: now) {
            _ = try? writer.commit([step.change], actor: step.actor, now: step.at)
        }
        let index = try fixture.open()
        var declined: [String] = []
        for text in QueryWorkload.queries + ["is:open sort:id-desc", "-is:blocked"] {
            let query = try Query.parse(text, on: index.boardState, me: "ann", now: now, zone: zone)
            var listed: [BoardModel.Issue] = []
            try index.list(query, now: now) { listed.append($0) }
            var rows: [ListedRow] = []
            guard try index.listRows(query, now: now, { rows.append($0) }) else {
                #expect(rows.isEmpty, "\(text)")
                declined.append(text)
                continue
            }
            #expect(try rows.compactMap { try $0.issue(shownBy: query, now: now) } == listed, "\(text)")
        }
        #expect(declined.contains("is:blocked") && declined.contains { $0.contains("sort:updated") }, "\(declined)")
        #expect(declined.count < QueryWorkload.queries.count / 2, "\(declined)")
        #expect(writer.state.issues.count > 60, "a board big enough to say something")
    }

    /// A row whose bytes are sealed but hold no issue (written by hand, seal and all) passes the
    /// reading core's check and fails where it is decoded; `list` then rebuilds the index and
    /// gives the fold's issues.
    @Test func aRowWhoseSealedBytesHoldNoIssueIsNotBelieved() throws {
        let (index, query, fixture) = try threeIssues { database in
            let events = try database.statement("SELECT events FROM issues WHERE number = 2")
            #expect(try events.step())
            let seal = IssueRow.seal(number: 2, data: [0], events: events.blob(0))
            try database.statement("UPDATE issues SET data = x'00', seal = ? WHERE number = 2").bind(.integer(seal)).run()
        }
        var rows: [ListedRow] = []
        #expect(try index.listRows(query, now: now) { rows.append($0) })
        #expect(rows.count == 3)
        #expect(throws: (any Error).self) { try rows[1].issue(shownBy: query, now: now) }
        try expectTheFoldsIssues(index, query, fixture)
    }

    /// A row whose bytes were changed and not its seal (another title written in by hand) is
    /// never shown, whichever core checks the seal; `list` then rebuilds the index.
    @Test func aRowChangedWithoutItsSealIsNeverShown() throws {
        let (index, query, fixture) = try threeIssues { database in
            let read = try database.statement("SELECT data FROM issues WHERE number = 2")
            #expect(try read.step())
            var issue = try read.withBlob(0) { bytes in
                var reader = SnapshotReader(bytes)
                return try BoardModel.Issue(snapshot: &reader)
            }
            issue.title = "forged"
            var forged = SnapshotWriter()
            issue.writeSnapshot(to: &forged)
            try database.statement("UPDATE issues SET data = ? WHERE number = 2").bind(.blob(forged.bytes)).run()
        }
        var rows: [ListedRow] = []
        _ = try index.listRows(query, now: now) { rows.append($0) }
        #expect(!rows.compactMap { try? $0.issue(shownBy: query, now: now) }.contains { $0.title == "forged" })
        try expectTheFoldsIssues(index, query, fixture)
    }

    /// An index of three issues (one, two, three) whose file `edit` changed by hand, and the
    /// query of every issue.
    private func threeIssues(_ edit: (SQLiteDatabase) throws -> Void) throws -> (BoardIndex, Query, IndexFixture) {
        let fixture = try IndexFixture()
        let log = try EventLog.open(fixture.location, snapshots: .off)
        try log.commit([.create(title: "one"), .create(title: "two"), .create(title: "three")], actor: "ann")
        _ = try fixture.open()
        try fixture.checkpoint()
        let database = try SQLiteDatabase(path: fixture.indexPath, create: false)
        try edit(database)
        database.close()
        let index = try fixture.open()
        return (index, try Query.parse("", on: index.boardState, me: "ann", now: now, zone: zone), fixture)
    }

    /// `list` gives the fold's three issues, the index rebuilt once.
    private func expectTheFoldsIssues(_ index: BoardIndex, _ query: Query, _ fixture: IndexFixture) throws {
        var listed: [BoardModel.Issue] = []
        try index.list(query, now: now) { listed.append($0) }
        #expect(listed.map(\.title) == ["one", "two", "three"])
        #expect(index.rebuilds == 1)
        try fixture.expectMatchesFold(index)
    }
}
