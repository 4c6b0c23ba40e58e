import Testing
@testable import BoardModel
import LanesTestSupport

@Suite struct FoldTests {
    @Test func createdMakesAnOpenIssue() {
        var f = EventFactory()
        var state = BoardState()
        state.apply(f.make(1, .created(title: "T", body: "B", column: "todo", rank: 1, priority: .high), by: "bob"))
        let issue = state.issues[1]!
        #expect(issue.title == "T" && issue.body == "B" && issue.column == "todo" && issue.priority == .high)
        #expect(issue.author == "bob" && issue.isOpen && issue.created == issue.updated)
        #expect(state.timelines[1]!.count == 1)
        #expect(state.highestNumber == 1)
    }

    @Test func everyKindFolds() {
        var f = EventFactory()
        var state = BoardState()
        state.apply(f.make(1, .created(title: "T", body: "", column: "backlog", rank: 1, priority: .none)))
        state.apply(f.make(1, .retitled("T2")))
        #expect(state.issues[1]!.title == "T2")
        state.apply(f.make(1, .bodyEdited("body")))
        #expect(state.issues[1]!.body == "body")
        state.apply(f.make(1, .moved(from: "backlog", to: "doing", rank: 3)))
        #expect(state.issues[1]!.column == "doing" && state.issues[1]!.rank == 3)
        state.apply(f.make(1, .assigned("cy")))
        state.apply(f.make(1, .assigned("cy")))
        #expect(state.issues[1]!.assignees == ["cy"])
        state.apply(f.make(1, .unassigned("cy")))
        #expect(state.issues[1]!.assignees.isEmpty)
        state.apply(f.make(1, .labelled("bug")))
        state.apply(f.make(1, .labelled("ui")))
        state.apply(f.make(1, .unlabelled("bug")))
        #expect(state.issues[1]!.labels == ["ui"])
        state.apply(f.make(1, .prioritised(.urgent)))
        #expect(state.issues[1]!.priority == .urgent)
        state.apply(f.make(1, .commented("hi")))
        state.apply(f.make(1, .closed(from: "doing", to: "done", rank: 1)))
        #expect(!state.issues[1]!.isOpen && state.issues[1]!.column == "done")
        #expect(state.issues[1]!.columnBeforeClose == "doing")
        state.apply(f.make(1, .reopened(from: "done", to: "doing", rank: 4)))
        #expect(state.issues[1]!.isOpen && state.issues[1]!.column == "doing")
        #expect(state.timelines[1]!.count == 14)
        #expect(state.issues[1]!.updated == state.timelines[1]!.last!.at)
    }

    @Test func movingIntoAClosingColumnClosesAndOutReopens() {
        var f = EventFactory()
        var state = BoardState()
        state.apply(f.make(1, .created(title: "T", body: "", column: "todo", rank: 1, priority: .none)))
        state.apply(f.make(1, .moved(from: "todo", to: "done", rank: 1)))
        #expect(state.issues[1]!.state == .closed)
        state.apply(f.make(1, .moved(from: "done", to: "review", rank: 1)))
        #expect(state.issues[1]!.state == .open)
    }

    @Test func columnsEventReplacesTheColumns() {
        var f = EventFactory()
        var state = BoardState()
        state.apply(f.make(0, .columns([Column(id: "a", name: "A"), Column(id: "z", name: "Z", isClosing: true)])))
        #expect(state.columns.map(\.id) == ["a", "z"])
        #expect(state.closingColumn?.id == "z")
    }

    @Test func eventsForUnknownIssuesAndDuplicateCreatesAreNotAppliedAndSayWhy() {
        var f = EventFactory()
        var state = BoardState()
        #expect(state.apply(f.make(7, .retitled("ghost"))) == "#7 does not exist (no created before it)")
        #expect(state.issues.isEmpty)
        #expect(state.apply(f.make(1, .created(title: "first", body: "", column: "todo", rank: 1, priority: .none))) == nil)
        #expect(state.apply(f.make(1, .created(title: "second", body: "", column: "todo", rank: 2, priority: .none))) == "#1 was already created")
        #expect(state.issues[1]!.title == "first")
    }

    /// One event dated 9999-12-31 used to win every later edit of its field and stamp the next
    /// change 10000-01-01, which the reader rejects: the change "saved" and never showed.
    @Test func anEventDatedFarAheadIsSetAsideAndLaterChangesShow() throws {
        var state = try board([.create(title: "a")], now: .now)
        let far = Event(id: EventID(99), at: Timestamp.parse("9999-12-31T23:59:59.999Z")!, actor: "import",
                        issue: 1, kind: .retitled("from 9999"))
        #expect(state.apply(far)?.hasPrefix("dated 9999-12-31T23:59:59.999Z, more than a day after") == true)
        #expect(state.issues[1]!.title == "a" && state.timelines[1]!.count == 1)
        let mine = try state.events(for: .retitle(1, "mine"), actor: "ann", at: .now)
        #expect(mine[0].at.milliseconds < Timestamp.now.milliseconds + Timestamp.skew)
        #expect(state.apply(mine[0]) == nil)
        #expect(state.issues[1]!.title == "mine")
        // Within the skew a fast clock still counts (and is only ever a day ahead).
        let soon = Event(id: EventID(100), at: Timestamp(milliseconds: Timestamp.now.milliseconds + Timestamp.skew / 2),
                         actor: "fast-clock", issue: 1, kind: .retitled("fast"))
        #expect(state.apply(soon) == nil && state.issues[1]!.title == "fast")
    }
}

@Suite struct ConcurrentEditTests {
    func event(_ id: UInt64, minute: Int64, _ kind: EventKind, issue: Int = 1) -> Event {
        Event(id: EventID(id), at: Timestamp(milliseconds: 1_780_000_000_000 + minute * 60_000), actor: "a\(id)", issue: issue, kind: kind)
    }

    /// Two people retitle at once; whatever order the log ends up in, the later edit wins and
    /// both stay on the timeline.
    @Test func lastEditByTimeThenIdWinsInAnyOrder() {
        let created = event(1, minute: 0, .created(title: "t", body: "", column: "todo", rank: 1, priority: .none))
        let early = event(9, minute: 5, .retitled("early"))
        let late = event(2, minute: 6, .retitled("late"))
        let tieLow = event(3, minute: 7, .prioritised(.low))
        let tieHigh = event(4, minute: 7, .prioritised(.high))
        let moveA = event(5, minute: 8, .moved(from: "todo", to: "doing", rank: 1))
        let moveB = event(6, minute: 9, .moved(from: "todo", to: "review", rank: 1))
        for order in [[early, late, tieLow, tieHigh, moveA, moveB], [late, early, tieHigh, tieLow, moveB, moveA]] {
            var state = BoardState()
            state.apply(created)
            state.apply(order)
            #expect(state.issues[1]!.title == "late")
            #expect(state.issues[1]!.priority == .high, "same time: the greater id wins")
            #expect(state.issues[1]!.column == "review")
            #expect(state.timelines[1]!.count == 7, "both edits stay visible")
        }
    }

    @Test func aChangeMadeAfterSeeingAnEventWinsEvenWithASlowClock() throws {
        var state = try board([.create(title: "a")])
        let future = Event(id: EventID(99), at: Timestamp(milliseconds: Timestamp.now.milliseconds + 3_600_000), actor: "fast-clock",
                           issue: 1, kind: .retitled("from the future"))
        state.apply(future)
        let mine = try state.events(for: .retitle(1, "mine"), actor: "ann", at: .now)
        state.apply(mine)
        #expect(state.issues[1]!.title == "mine")
        #expect(mine[0].at > future.at)
    }
}
