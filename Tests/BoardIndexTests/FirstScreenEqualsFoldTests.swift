import Foundation
import Testing
@testable import BoardIndex
@testable import BoardModel
@testable import BoardStore
import BoardQuery
import LanesTestSupport

/// The full-screen board's first screen read from the index (`BoardIndex.firstScreen`: kept
/// counts, ranges of `issues_counted` for what depends on the clock, each snoozed issue decided
/// one by one, the first cards by rank) against the whole board's projection, on random
/// boards written by writers with and without the index, at moments that move the stale line
/// across days and wake snoozes: every lane's count, stale and waiting counts and first cards,
/// the total, and every issue the first screen holds are the fold's.
@Suite struct FirstScreenEqualsFoldTests {
    @Test(arguments: [11, 12, 13] as [UInt64])
    func everyLaneOfTheFirstScreenIsTheWholeBoards(seed: UInt64) throws {
        let fixture = try IndexFixture()
        var random = SeededGenerator(seed: seed)
        let log = try EventLog.open(fixture.location, snapshots: .off)
        var index = try fixture.open()
        // A month of changes, hours apart: some issues stale by now, some not, some snoozed.
        let start = Timestamp.now.milliseconds - 30 * Timestamp.day
        var clock = start
        var compared = 0
        for step in 0..<90 {
            clock += Int64.random(in: 1...(8 * 3_600_000), using: &random)
            let now = Timestamp(milliseconds: clock)
            let actor = IndexEqualsFoldTests.users[Int.random(in: 0..<3, using: &random)]
            var change = IndexEqualsFoldTests.change(for: try EventLog.open(fixture.location, snapshots: .off).state,
                                                     wholeBoard: Bool.random(using: &random), random: &random)
            if case .snooze(let number, .some) = change {
                // Around the moments the screen is read at: some wake, some still wait.
                let day = (Timestamp.now.milliseconds + Int64.random(in: -3...6, using: &random) * Timestamp.day) / Timestamp.day
                change = .snooze(number, CalendarDate(daysSinceEpoch: day))
            }
            if case .move(let number, let column, _) = change, Bool.random(using: &random) {
                // Explicit ranks: ties, negatives and fractions among the column's cards.
                change = .move(number, to: column, rank: [0, -1, 0.5, 2, 2].randomElement(using: &random)!)
            }
            if change.touchedIssues == nil || Int.random(in: 0..<3, using: &random) == 0 {
                try log.refresh()
                _ = try? log.commit([change], actor: actor, now: now)
            } else {
                _ = try? index.commit([change], actor: actor, now: now)
            }
            guard step % 6 == 5 else { continue }
            index = try fixture.open()
            let fold = try EventLog.open(fixture.location, snapshots: .off).state
            for days in [0, 2, 5] as [Int64] {
                let moment = Timestamp(milliseconds: Timestamp.now.milliseconds + days * Timestamp.day + Int64(step) * 3_600_000)
                let comment: Comment = "seed \(seed), step \(step), \(days) days on"
                guard let (state, screen) = index.firstScreen(cardsPerColumn: 4, now: moment, zone: .current, staleAfterDays: 14) else {
                    // Only a board with issues in a removed column has no first screen (the whole board adds a lane for them).
                    #expect(fold.issues.values.contains { issue in
                        !issue.isArchived && !issue.isDeleted && !fold.columns.contains { $0.id == issue.column }
                    }, comment)
                    continue
                }
                let whole = BoardProjection(state: fold, query: .everything, now: moment, zone: .current, staleAfterDays: 14)
                #expect(screen.total == whole.total, comment)
                #expect(screen.lanes.map(\.column) == whole.lanes.map(\.column), comment)
                for (lane, wholeLane) in zip(screen.lanes, whole.lanes) {
                    let column: Comment = "\(comment), \(lane.column.id)"
                    #expect(lane.issues.count == wholeLane.issues.count, column)
                    #expect(lane.staleCount == wholeLane.staleCount, column)
                    #expect(lane.waitingCount == wholeLane.waitingCount, column)
                    #expect(Array(lane.issues.prefix(4)) == Array(wholeLane.issues.prefix(4)), column)
                }
                for issue in state.issues.values { #expect(issue == fold.issues[issue.number], "\(comment), #\(issue.number)") }
                compared += 1
            }
        }
        #expect(compared >= 30, "first screens compared: \(compared)")
    }
}
