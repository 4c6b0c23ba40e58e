import Foundation
import Testing
@testable import BoardIndex
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// Every kind of change a CLI write makes (`Change.touchedIssues` not nil), as the first write
/// after a clone (`BoardIndex.commit` right after the build `Needs.foldIfBuilt` makes): the
/// events written, or the refusal, are what planning the same change on the whole board gives,
/// and the next open's index is the fold of the whole log. (The build's fold holds no events:
/// a comment's edit or deletion, which reads the comment's timeline, once stopped the process.)
@Suite struct WriteAfterCloneEveryChangeTests {
    /// The comment ann wrote on #1 in `DeferredIndexPartTests.board()`.
    static func annsComment(_ fixture: IndexFixture) throws -> EventID {
        try #require(try EventLog.open(fixture.location, snapshots: .off).state.comments(of: 1).first?.id)
    }

    static func changes(comment id: EventID) -> [Change] {
        [.create(title: "new, see #2", labels: ["BUG", "new"], assignees: ["bob", "zed"], priority: .high), .retitle(1, "renamed #3"),
         .editBody(2, "body @cy about #1"), .move(1, to: "doing"), .move(2, to: "backlog", rank: 0.5), .assign(3, ["ÉMILE", "dee"]),
         .unassign(1, ["bob"]), .label(2, add: ["Bug", "p1"], remove: ["ui"]), .prioritise(4, .urgent), .comment(5, "about #6 @ann"),
         .close(1), .reopen(3), .close(3), .lifecycle(6, .archived), .lifecycle(7, .deleted), .lifecycle(8, .restored),
         .setDue(9, CalendarDate(daysSinceEpoch: 20_800)), .snooze(10, CalendarDate(daysSinceEpoch: 20_900)), .snooze(11, nil),
         .link(12, .blocks, 13), .link(1, .duplicates, 2), .link(4, .childOf, 5), .link(2, .parentOf, 2), .link(14, .relatesTo, 15), .unlink(1, .blocks, 2),
         .editComment(1, id, "@bob look at #3 instead"), .deleteComment(1, id), .editComment(1, id, "@bob look at #2"),
         .retitle(99, "no such issue")]
    }

    /// What a change made: each event's issue and kind, or the refusal's words.
    static func outcome(_ plan: () throws -> [Event]) -> String {
        do {
            return try plan().map { "#\($0.issue) \($0.kind)" }.joined(separator: "; ")
        } catch {
            return "refused: \(error)"
        }
    }

    @Test func everyChangeAsTheFirstWriteAfterACloneIsPlannedAsOnTheWholeBoard() throws {
        let now = Timestamp.now
        let original = try DeferredIndexPartTests.board()
        let id = try Self.annsComment(original)
        for change in Self.changes(comment: id) {
            // Two copies of one log (the same event ids): one written whole, one after a clone.
            let whole = try IndexFixture(), clone = try IndexFixture()
            for copy in [whole, clone] {
                try FileManager.default.removeItem(atPath: copy.location.eventsPath)
                try Data(original.log).write(to: URL(fileURLWithPath: copy.location.eventsPath))
            }
            let expected = Self.outcome { try EventLog.open(whole.location, snapshots: .off).commit([change], actor: "ann", now: now) }
            let index = try BoardIndex.open(clone.location, environment: clone.environment, needs: .foldIfBuilt)
            #expect(index.builtFrom != nil)
            let written = Self.outcome { try index.commit([change], actor: "ann", now: now).events }
            #expect(written == expected, "\(change)")
            try DeferredIndexPartTests.expectWhole(try clone.open(), rebuilds: 0, in: clone)
        }
    }
}
