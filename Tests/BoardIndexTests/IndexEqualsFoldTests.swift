import Foundation
import Testing
@testable import BoardIndex
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// #20's randomized test: changes from several writers (EventLog writers and writers through
/// the index, on one log), torn tails, merges that insert older events in the middle of the
/// log, and a replaced log; after each step every issue, timeline and count read through the
/// index equals the fold of the whole log, and so do the columns' counts the index keeps.
@Suite struct IndexEqualsFoldTests {
    static let users = ["ann", "Bob", "bob", "émile", "Émile"]
    static let labels = ["bug", "Bug", "ui", "Ärger", "ärger"]

    @Test(arguments: [1, 2, 3] as [UInt64])
    func severalWritersTornTailsMergesAndAReplacedLog(seed: UInt64) throws {
        let fixture = try IndexFixture()
        var random = SeededGenerator(seed: seed)
        let logs = [try EventLog.open(fixture.location, snapshots: .off), try EventLog.open(fixture.location, snapshots: .off)]
        var indexes = [try fixture.open(), try fixture.open()]
        var clock = Timestamp.now.milliseconds - 3_600_000
        for step in 0..<70 {
            clock += Int64.random(in: 1...5_000, using: &random)
            let now = Timestamp(milliseconds: clock)
            let actor = IndexEqualsFoldTests.users[Int.random(in: 0..<3, using: &random)]
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<40:
                let log = logs[Int.random(in: 0..<2, using: &random)]
                try log.refresh()
                let change = IndexEqualsFoldTests.change(for: log.state, wholeBoard: true, random: &random)
                _ = try? log.commit([change], actor: actor, now: now)
            case 40..<80:
                // Planned against the touched issues only, a change makes the events (or the
                // refusal) that planning against the whole board makes.
                let index = indexes[Int.random(in: 0..<2, using: &random)]
                var whole = try EventLog.open(fixture.location, snapshots: .off).state
                let change = IndexEqualsFoldTests.change(for: whole, wholeBoard: false, random: &random)
                let expected = Result { () throws(BoardError) in try whole.apply([change], actor: actor, at: now) }
                do {
                    let events = try index.commit([change], actor: actor, now: now).events
                    #expect(events.map(\.summaryForComparison) == (try expected.get()).map(\.summaryForComparison), "\(change)")
                } catch let error as BoardError {
                    #expect(throws: error) { try expected.get() }
                }
            case 80..<88:
                // A writer killed mid-line: the next writer sets the bytes aside, readers skip them.
                try fixture.appendToLog(Array("\(now.iso8601) \(actor) #1 commented half a li".utf8))
            case 88..<96:
                try IndexEqualsFoldTests.mergeOlderEvents(fixture, logs: logs, actor: actor, now: now, random: &random)
            default:
                try IndexEqualsFoldTests.replaceWithAnotherBoard(fixture, now: now)
            }
            if step % 3 == 0 { indexes[step % 2] = try fixture.open() }
            let index = try fixture.open()
            try fixture.expectMatchesFold(index)
            try ColumnCountsTests.expectKept(fixture, index, "step \(step)")
            try fixture.expectDigestsMatchFold(index)
        }
    }

    /// A link through the index holds every issue its target reaches along its type, so a cycle
    /// four links away is refused as the whole board refuses it (the same message), and a link
    /// of another type, or one that closes no cycle, is written.
    @Test func aCycleFarAlongTheGraphIsRefusedAsOnTheWholeBoard() throws {
        let fixture = try IndexFixture()
        let log = try EventLog.open(fixture.location, snapshots: .off)
        try log.commit((1...6).map { .create(title: "issue \($0)") }, actor: "ann")
        let index = try fixture.open()
        for number in 1...4 { _ = try index.commit([.link(number, .blocks, number + 1)], actor: "ann") }
        for change: Change in [.link(5, .blocks, 1), .link(1, .blockedBy, 5), .link(1, .blockedBy, 3)] {
            var whole = try EventLog.open(fixture.location, snapshots: .off).state
            let refusal = try #require(throws: BoardError.self) { try whole.apply([change], actor: "ann", at: .now) }
            #expect(throws: refusal) { try index.commit([change], actor: "ann") }
        }
        #expect(try index.commit([.link(5, .parentOf, 1)], actor: "ann").events.count == 1)
        #expect(try index.commit([.link(6, .blocks, 1)], actor: "ann").events.count == 1)
        try fixture.expectMatchesFold(try fixture.open())
    }

    /// Another board's log where this one was (a checkout of another project, say).
    static func replaceWithAnotherBoard(_ fixture: IndexFixture, now: Timestamp) throws {
        let other = try IndexFixture(columns: [Column(id: "new", name: "New"), Column(id: "gone", name: "Gone", isClosing: true)])
        let otherLog = try EventLog.open(other.location, snapshots: .off)
        try otherLog.commit([.create(title: "elsewhere", labels: ["x"]), .create(title: "there #1")], actor: "zoe", now: now)
        try fixture.replaceLog(other.log)
    }

    /// A merge with a clone that wrote offline: its events, older than ours, land among ours.
    static func mergeOlderEvents(_ fixture: IndexFixture, logs: [EventLog], actor: String, now: Timestamp,
                                 random: inout SeededGenerator) throws {
        let base = fixture.log
        let state = try EventLog.open(fixture.location, snapshots: .off).state
        try logs[0].refresh()
        _ = try? logs[0].commit([change(for: logs[0].state, wholeBoard: true, random: &random)], actor: actor, now: now)
        var theirs = base
        let earlier = Timestamp(milliseconds: now.milliseconds - 60_000)
        let number = state.highestNumber + 1
        for (issue, kind) in [(number, EventKind.created(title: "offline #1", body: "", column: state.columns[0].id, rank: 1, priority: .none)),
                              (number, .labelled("Bug")), (1, .commented("from the train, see #\(number)"))] {
            LineCodec.encode(Event(id: .random(), at: earlier, actor: "carol", issue: issue, kind: kind), into: &theirs)
        }
        let merged = LogMerge.merge(base: base, ours: fixture.log, theirs: theirs, now: now)
        try fixture.replaceLog(merged.bytes)
    }

    /// A random change to `state` (one the index can plan unless `wholeBoard`).
    static func change(for state: BoardState, wholeBoard: Bool, random: inout SeededGenerator) -> Change {
        let numbers = state.issues.keys
        guard let number = numbers.randomElement(using: &random), numbers.count > 2 else {
            return .create(title: "issue \(numbers.count + 1)", labels: [labels.randomElement(using: &random)!])
        }
        let other = numbers.randomElement(using: &random)!
        let column = state.columns.randomElement(using: &random)!.id
        let user = users.randomElement(using: &random)!
        let label = labels.randomElement(using: &random)!
        let day = CalendarDate(daysSinceEpoch: Timestamp.now.milliseconds / Timestamp.day + Int64.random(in: 1...5, using: &random))
        var choices: [Change] = [
            .create(title: "about #\(other)", body: "@\(user) see #\(number)", column: column, labels: [label], assignees: [user]),
            .move(number, to: column), .assign(number, [user]), .unassign(number, [user]),
            .label(number, add: [label], remove: []), .label(number, add: [], remove: [label]),
            .comment(number, "ping #\(other) @\(user)"), .close(number), .reopen(number), .retitle(number, "now #\(other)"),
            .prioritise(number, .high), .snooze(number, day), .setDue(number, day), .editBody(number, "body #\(other)"),
            // As `lanes label N +x -y` and `lanes due/snooze N none` write them.
            .label(number, add: [label], remove: [labels.randomElement(using: &random)!]), .snooze(number, nil), .setDue(number, nil),
            // Links walk the graph for a cycle (from either side), a duplicate closes its issue.
            .link(number, .blocks, other), .link(number, .blockedBy, other), .link(number, .parentOf, other),
            .link(number, .duplicates, other), .link(number, .relatesTo, other), .unlink(number, .blocks, other),
            .unlink(number, .childOf, other), .lifecycle(number, .archived), .lifecycle(number, .unarchived),
            .lifecycle(number, .deleted), .lifecycle(number, .restored),
        ]
        if let comment = IssueComment.all(in: state.timelines[number] ?? []).first {
            choices += [.editComment(number, comment.id, "edited #\(other)"), .deleteComment(number, comment.id)]
        }
        if wholeBoard {
            choices += [
                .column(.add(Column(id: "c\(numbers.count)", name: "C \(numbers.count)"), at: .first)),
                .column(.remove(column, to: state.columns.first { $0.id != column }?.id)),
                .column(.setClosing(column, !state.isClosing(column))),
                // Renamed, reordered and limited columns: the index's meta holds the columns as the fold leaves them.
                .column(.rename(column, to: "Renamed \(numbers.count)")), .column(.move(column, to: .first)),
                .column(.limit(column, wip: Bool.random(using: &random) ? 3 : nil)),
            ]
        }
        return choices.randomElement(using: &random)!
    }
}

extension Event {
    /// Everything but the random id.
    var summaryForComparison: String { "\(at.milliseconds) \(actor) #\(issue) \(kind)" }
}
