import Foundation
import Testing
@testable import BoardIndex
@testable import BoardModel
@testable import BoardQuery
@testable import BoardStore
import LanesTestSupport

/// `lanes digest` through the index (`BoardIndex.digest`) against the digest of the whole
/// log's fold, where days matter: zones far from UTC either way (+14, -10, +5:30), clocks a few
/// hours either side of midnight, stale after 0, 1 and 14 days, windows from an hour to
/// everything, on a log written over weeks (due days and snoozes about to pass, mentions,
/// archived and deleted issues, several writers) with a merge that puts older events among
/// newer ones.
@Suite struct DigestZonesThroughIndexTests {
    @Test func digestsThroughTheIndexEqualTheWholeBoardsInEveryZoneAroundMidnight() throws {
        let fixture = try IndexFixture()
        var random = SeededGenerator(seed: 91)
        let log = try EventLog.open(fixture.location, snapshots: .off)
        var clock = Timestamp.now.milliseconds - 30 * Timestamp.day
        for step in 0..<160 {
            clock += Int64.random(in: 1...(6 * 3_600_000), using: &random)
            let actor = IndexEqualsFoldTests.users[Int.random(in: 0..<3, using: &random)]
            let change = IndexEqualsFoldTests.change(for: log.state, wholeBoard: false, random: &random)
            _ = try? log.commit([change], actor: actor, now: Timestamp(milliseconds: clock))
            if step == 120 {
                try IndexEqualsFoldTests.mergeOlderEvents(fixture, logs: [log], actor: actor, now: Timestamp(milliseconds: clock), random: &random)
                try log.reload()
            }
        }
        let index = try fixture.open()
        let fold = try EventLog.open(fixture.location, snapshots: .off).state
        let last = fold.issues.values.map(\.updated.milliseconds).max() ?? clock
        var compared = 0, said = 0
        for zone in ["Pacific/Kiritimati", "America/Adak", "Asia/Kolkata", "UTC"].compactMap(TimeZone.init(identifier:)) {
            // Just before and after the zone's midnight after the last event, and days on.
            let midnight = DayClock(now: Timestamp(milliseconds: last), zone: zone).today.adding(days: 1)
            let parts = midnight.parts
            let start = Calendar.gregorian(zone).date(from: DateComponents(year: Int(parts.year), month: Int(parts.month), day: Int(parts.day)))!
            let midnightMilliseconds = Int64(start.timeIntervalSince1970 * 1000)
            for offset in [-3_600_000, -60_000, 0, 60_000, 3 * Timestamp.day + 1_000, 8 * Timestamp.day] as [Int64] {
                let dayClock = DayClock(now: Timestamp(milliseconds: midnightMilliseconds + offset), zone: zone)
                for staleAfterDays in [0, 1, 14] {
                    for since in [dayClock.now.milliseconds - 3_600_000, dayClock.now.milliseconds - 2 * Timestamp.day, 0] {
                        for person in IndexEqualsFoldTests.users.prefix(3).map(Optional.some) + [nil] {
                            let rules = Digest.Rules(person: person, since: Timestamp(milliseconds: since), clock: dayClock, staleAfterDays: staleAfterDays)
                            let whole = Digest(state: fold, person: person, since: rules.since, clock: dayClock, staleAfterDays: staleAfterDays)
                            let indexed = try index.digest(rules)
                            #expect(indexed.described.map { Array($0.utf8) } == whole.described.map { Array($0.utf8) },
                                    "\(zone.identifier) \(offset) stale \(staleAfterDays) since \(since) \(person ?? "all")")
                            compared += 1
                            if whole.described.contains(where: { !$0.hasSuffix(": ") }) { said += 1 }
                        }
                    }
                }
            }
        }
        #expect(said > compared / 2, "most digests say something")
    }
}

private extension Calendar {
    static func gregorian(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }
}
