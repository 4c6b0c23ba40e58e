import Foundation
import Testing
@testable import BoardIndex
@testable import BoardModel
@testable import BoardStore
import BoardQuery
import LanesTestSupport

/// Each column's counts kept in the index (`ColumnCounts`, read by the full-screen board's
/// first screen): moved by every write and catch-up, equal to the fold of the whole log, and
/// never believed when a count was forged or a writer did not keep them.
@Suite struct ColumnCountsTests {
    /// The counts the fold of the whole log gives.
    static func folded(_ fixture: IndexFixture) throws -> ColumnCounts {
        var counts = ColumnCounts()
        for issue in try EventLog.open(fixture.location, snapshots: .off).state.issues.values {
            if let key = ColumnCounts.key(of: issue) { counts.counts[key, default: 0] += 1 }
        }
        return counts
    }

    /// The counts the index holds, if it believes them.
    static func stored(_ index: BoardIndex) throws -> ColumnCounts? {
        try index.database.transaction(immediate: false) { try ColumnCounts.stored(in: index.database) }
    }

    /// The first screen's lanes (making the counts if they are not stored).
    static func firstScreen(_ index: BoardIndex) throws -> [(count: Int, stale: Int)] {
        let (_, projection) = try #require(index.firstScreen(cardsPerColumn: 3, now: .now, zone: .current, staleAfterDays: 14))
        return projection.lanes.map { ($0.issues.count, $0.staleCount) }
    }

    /// The counts `index` keeps equal the fold's: kept by every write and catch-up since they
    /// were made (`IndexEqualsFoldTests`: several writers with and without the index, torn tails),
    /// and stored anew by the rebuild that follows a replaced log (the build counts the issues
    /// it writes), never counted again from the rows.
    static func expectKept(_ fixture: IndexFixture, _ index: BoardIndex, _ comment: Comment,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try stored(index) == folded(fixture), comment, sourceLocation: sourceLocation)
    }

    /// A board's first index is built with what the first screen reads: its index of counted
    /// fields and the columns' counts, the fold's, believed at once (no recount on first open).
    @Test func aFirstBuildLeavesTheFirstScreensIndexAndCounts() throws {
        let fixture = try IndexFixture()
        let log = try EventLog.open(fixture.location, snapshots: .off)
        let start = Timestamp.now.milliseconds - 20 * Timestamp.day
        for day in 0..<12 {
            try log.commit([.create(title: "day \(day)", column: Column.defaults[day % 4].id)], actor: "ann",
                           now: Timestamp(milliseconds: start + Int64(day) * Timestamp.day))
        }
        try log.commit([.close(2), .lifecycle(3, .archived), .lifecycle(4, .deleted), .move(5, to: "done"),
                        .snooze(6, CalendarDate(daysSinceEpoch: start / Timestamp.day + 40))], actor: "ann")
        let index = try fixture.open()
        #expect(index.rebuilds == 1)
        let made = try index.database.statement("SELECT count(*) FROM sqlite_master WHERE name IN ('issues_counted', 'column_counts')")
        #expect(try made.step() && made.int(0) == 2)
        #expect(try ColumnCountsTests.stored(index) == ColumnCountsTests.folded(fixture))
        let counted = try index.database.transaction(immediate: false) { try ColumnCounts.counted(in: index.database) }
        #expect(counted == (try ColumnCountsTests.folded(fixture)))
    }

    /// The stale count depends on the time: whole days before the stale line come from the
    /// counts, the day it falls on from the rows. Issues updated every 5 hours over four days,
    /// the line moved across them by the hour: each column's stale count is the fold's.
    @Test func theStaleCountFollowsTheClockAcrossDays() throws {
        let fixture = try IndexFixture()
        let log = try EventLog.open(fixture.location, snapshots: .off)
        let start = Timestamp.now.milliseconds - 30 * Timestamp.day
        for hour in stride(from: 0, to: 96, by: 5) {
            try log.commit([.create(title: "at \(hour)", column: Column.defaults[hour % 4].id)], actor: "ann",
                           now: Timestamp(milliseconds: start + Int64(hour) * 3_600_000))
        }
        try log.commit([.close(3), .lifecycle(5, .archived), .snooze(7, CalendarDate(daysSinceEpoch: start / Timestamp.day + 3))],
                       actor: "ann", now: Timestamp(milliseconds: start + 2 * Timestamp.day + 1))
        let index = try fixture.open()
        let fold = try EventLog.open(fixture.location, snapshots: .off).state
        for hour in stride(from: -3, to: 100, by: 1) {
            let now = Timestamp(milliseconds: start + 14 * Timestamp.day + Int64(hour) * 3_600_000 + 1_234)
            let (_, projection) = try #require(index.firstScreen(cardsPerColumn: 3, now: now, zone: .current, staleAfterDays: 14))
            // The whole board's projection, as the session makes it.
            let whole = BoardProjection(state: fold, query: .everything, now: now, zone: .current, staleAfterDays: 14)
            #expect(projection.lanes.map(\.staleCount) == whole.lanes.map(\.staleCount), "at hour \(hour)")
            #expect(projection.lanes.map(\.issues.count) == whole.lanes.map(\.issues.count), "at hour \(hour)")
            #expect(projection.lanes.map(\.waitingCount) == whole.lanes.map(\.waitingCount), "at hour \(hour)")
        }
        #expect(try ColumnCountsTests.stored(index) != nil)
    }

    /// A count edited or deleted by hand, a stamp edited, or counts a writer did not keep (a
    /// lanes before the counts: it writes rows and meta and leaves the stamp as it was): the
    /// first screen counts the rows instead, and stores the counts again.
    @Test func aForgedOrStaleCountIsCaughtAndCountedAgain() throws {
        let fixture = try IndexFixture()
        let log = try EventLog.open(fixture.location, snapshots: .off)
        try log.commit((1...9).map { .create(title: "issue \($0)", column: Column.defaults[$0 % 3].id) }
                       + [.close(2), .lifecycle(3, .archived)], actor: "ann")
        let index = try fixture.open()
        let right = try ColumnCountsTests.firstScreen(index)
        let folded = try ColumnCountsTests.folded(fixture)
        #expect(try ColumnCountsTests.stored(index) == folded)
        let forgeries = [
            "UPDATE column_counts SET count = count + 5 WHERE \"column\" = 'backlog'",
            "DELETE FROM column_counts WHERE \"column\" = 'todo'",
            "INSERT INTO column_counts VALUES ('doing', 0, 0, 0, 4)",
            "UPDATE meta SET value = zeroblob(12) WHERE key = 'column_counts'",
        ]
        for forgery in forgeries {
            try index.database.execute(forgery)
            #expect(try ColumnCountsTests.stored(index) == nil, "\(forgery)")
            #expect(try ColumnCountsTests.firstScreen(index).map(\.count) == right.map(\.count), "\(forgery)")
            #expect(try ColumnCountsTests.stored(index) == folded, "counted again after \(forgery)")
        }

        // A writer that does not know the counts: its commit moves #4 and leaves the stamp.
        let stamp = try #require(try ColumnCounts.Stamp.read(from: index.database))
        try index.database.execute("DELETE FROM meta WHERE key = 'column_counts'")
        _ = try index.commit([.move(4, to: "done")], actor: "ann")
        try stamp.write(to: index.database)
        #expect(try ColumnCountsTests.stored(index) == nil)
        let moved = try ColumnCountsTests.firstScreen(index)
        #expect(moved.map(\.count) != right.map(\.count))
        #expect(moved.reduce(0) { $0 + $1.count } == right.reduce(0) { $0 + $1.count })
        #expect(try ColumnCountsTests.stored(index) == ColumnCountsTests.folded(fixture))
    }
}
