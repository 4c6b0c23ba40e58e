import Testing
@testable import BoardModel
import LanesTestSupport

/// Archive and delete are events: flags with their own last writer, undone by their opposite.
@Suite struct LifecycleTests {
    let now = Timestamp(milliseconds: 1_780_000_000_000)

    func apply(_ state: inout BoardState, _ change: Change, minute: Int64 = 1) throws {
        state.apply(try state.events(for: change, actor: "ann", at: Timestamp(milliseconds: now.milliseconds + minute * 60_000)))
    }

    @Test func archivingHidesAnIssueByDefaultAndKeepsItsTimeline() throws {
        var state = try board([.create(title: "a"), .create(title: "b"), .comment(1, "keep me")])
        try apply(&state, .lifecycle(1, .archived))
        #expect(state.issues[1]!.isArchived && !state.issues[1]!.isShownByDefault)
        #expect(state.shownByDefaultCount == 1 && state.hiddenCount == 1)
        #expect(state.timelines[1]!.map(\.kind.name) == ["created", "commented", "archived"])
        try apply(&state, .lifecycle(1, .unarchived), minute: 2)
        #expect(state.issues[1]!.isShownByDefault && state.shownByDefaultCount == 2)
    }

    @Test func aStepThatChangesNothingWritesNothing() throws {
        var state = try board([.create(title: "a")])
        #expect(try state.events(for: .lifecycle(1, .unarchived), actor: "ann", at: now).isEmpty)
        #expect(try state.events(for: .lifecycle(1, .restored), actor: "ann", at: now).isEmpty)
        try apply(&state, .lifecycle(1, .archived))
        #expect(try state.events(for: .lifecycle(1, .archived), actor: "ann", at: now).isEmpty)
        #expect(throws: BoardError.noSuchIssue(9)) { try state.events(for: .lifecycle(9, .archived), actor: "ann", at: now) }
    }

    @Test func aDeletedIssueRefusesEverythingButRestoreAndComesBackAsItWas() throws {
        var state = try board([.create(title: "a", column: "doing", labels: ["bug"])])
        try apply(&state, .lifecycle(1, .archived))
        try apply(&state, .lifecycle(1, .deleted), minute: 2)
        #expect(state.issues[1]!.isDeleted && state.hiddenCount == 1)
        for change: Change in [.comment(1, "x"), .retitle(1, "y"), .move(1, to: "todo"), .lifecycle(1, .unarchived)] {
            #expect(throws: BoardError.deletedIssue(1)) { try state.events(for: change, actor: "ann", at: now) }
        }
        #expect(throws: BoardError.deletedIssue(1)) { try state.issue(1) }
        #expect(BoardError.deletedIssue(1).description == "#1 is deleted (lanes restore 1, or :restore 1 in the board, brings it back)")
        try apply(&state, .lifecycle(1, .restored), minute: 3)
        let issue = try state.issue(1)
        #expect(issue.isArchived && !issue.isDeleted, "deleted while archived, restored archived")
        #expect(issue.column == "doing" && issue.labels == ["bug"])
    }

    /// Two clones archive and unarchive at once: the latest (time, id) wins in either order.
    @Test func concurrentStepsResolveByTheLatestStampInAnyOrder() throws {
        let created = try board([.create(title: "a")]).events.map { $0 }
        var factory = EventFactory()
        factory.next = 10
        let archive = factory.make(1, .lifecycle(.archived), by: "ann", minute: 5)
        let unarchive = factory.make(1, .lifecycle(.unarchived), by: "bob", minute: 6)
        let delete = factory.make(1, .lifecycle(.deleted), by: "cy", minute: 4)
        for order in [[archive, unarchive, delete], [unarchive, delete, archive], [delete, archive, unarchive]] {
            var state = BoardState(now: Timestamp(milliseconds: factory.start + 3_600_000))
            state.apply(created + order)
            #expect(state.issues[1]!.isArchived == false && state.issues[1]!.isDeleted, "\(order.map(\.kind.name))")
            #expect(state.hiddenCount == 1)
        }
    }

    @Test func inversesPutBackWhatTheStepChanged() throws {
        var state = try board([.create(title: "a"), .create(title: "b")])
        #expect(state.inverse(of: .lifecycle(1, .archived)) == [.lifecycle(1, .unarchived)])
        #expect(state.inverse(of: .lifecycle(1, .deleted)) == [.lifecycle(1, .restored)])
        try apply(&state, .lifecycle(2, .archived))
        #expect(state.inverse(of: .lifecycle(2, .archived)) == [], "already archived: nothing to undo")
        #expect(state.inverse(of: .lifecycle(2, .unarchived)) == [.lifecycle(2, .archived)])
        #expect(Change.lifecycle(2, .deleted).parts.map(\.field) == [.deleted])
        #expect(IssueField.archived.isSet(by: .lifecycle(.unarchived)) && !IssueField.archived.isSet(by: .lifecycle(.deleted)))
    }

    @Test func reportsSayWhatHappenedAndWhatWasAlreadySo() throws {
        var state = try board([.create(title: "a"), .create(title: "b"), .create(title: "c")])
        try apply(&state, .lifecycle(3, .archived))
        let changes: [Change] = (1...3).map { .lifecycle($0, .archived) }
        let events = try state.events(for: changes[0], actor: "ann", at: now) + state.events(for: changes[1], actor: "ann", at: now)
        state.apply(events)
        #expect(ChangeReport.describe(events, of: changes, in: state) == "archived 2 issues; 1 was already archived")
        #expect(ChangeReport.describe(Array(events.prefix(1)), of: [changes[0]], in: state) == "#1 archived")
    }
}
