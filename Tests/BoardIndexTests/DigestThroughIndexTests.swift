import Foundation
import Testing
@testable import BoardIndex
@testable import BoardModel
@testable import BoardQuery
@testable import BoardStore
import LanesTestSupport

extension IndexFixture {
    /// `lanes digest` through the index equals the digest of the whole log's fold: for each
    /// user and the team, at the time of the last event and days after it (when due days have
    /// passed, snoozes ended and issues gone stale), over the last hour and over everything.
    func expectDigestsMatchFold(_ index: BoardIndex, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fold = try EventLog.open(location, snapshots: .off).state
        let last = fold.issues.values.map(\.updated.milliseconds).max() ?? Timestamp.now.milliseconds
        for days in [0, 3, 20] as [Int64] {
            let clock = DayClock(now: Timestamp(milliseconds: last + days * Timestamp.day), zone: TimeZone(identifier: "UTC")!)
            for since in [last - 3_600_000, 0] {
                for person in IndexEqualsFoldTests.users.prefix(3).map(Optional.some) + [nil] {
                    let rules = Digest.Rules(person: person, since: Timestamp(milliseconds: since), clock: clock, staleAfterDays: 14)
                    let whole = Digest(state: fold, person: person, since: rules.since, clock: clock, staleAfterDays: 14)
                    #expect(try index.digest(rules).described == whole.described,
                            "digest for \(person ?? "all"), \(days) days on, since \(since)", sourceLocation: sourceLocation)
                }
            }
        }
    }
}

extension Digest {
    /// Every section as lines of numbers and what the digest says of them.
    var described: [String] {
        func numbers(_ name: String, _ issues: [BoardModel.Issue]) -> String {
            name + ": " + issues.map { "#\($0.number)" }.joined(separator: " ")
        }
        let sections = [numbers("overdue", overdue), numbers("due soon", dueSoon), numbers("resurfaced", resurfaced),
                        numbers("stale", stale), numbers("new", newUnassigned)]
        let mentioned = mentions.map { entry in
            "mention #\(entry.issue.number) \(entry.mention.user) \(entry.mention.at.milliseconds) \(entry.mention.by)"
        }
        let changed = changes.map { change in
            "changes #\(change.issue.number): " + change.lines.map { line in line.actor + " " + line.summary }.joined(separator: "; ")
        }
        let loads = people.map { load in "\(load.name) \(load.open) \(load.overdue) \(load.stale)" }
        return sections + mentioned + changed + loads
    }
}
