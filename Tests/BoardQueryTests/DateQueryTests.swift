import Foundation
import Testing
@testable import BoardModel
@testable import BoardQuery

/// The query words of due dates, waiting and mentions, and the waiting issues hidden by default.
@Suite struct DateQueryTests {
    let utc = TimeZone(identifier: "UTC")!
    /// Wednesday 2026-12-02, noon UTC.
    let now = Timestamp.parse("2026-12-02T12:00:00Z")!
    func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// #1 overdue (12-01), #2 due 12-08, #3 due 2027-01-15, #4 no date; #5 waits until 12-05
    /// (in doing); #6 waited until 12-01 (back); #7 closed and overdue; #2 mentions ann.
    func sample() -> BoardState {
        var state = BoardState(now: now)
        var next: UInt64 = 0
        func add(_ issue: Int, _ kind: EventKind, by actor: String = "ann", at: String = "2026-11-20T10:00:00Z") {
            next += 1
            state.apply(Event(id: EventID(next), at: Timestamp.parse(at)!, actor: actor, issue: issue, kind: kind))
        }
        for number in 1...7 {
            add(number, .created(title: "Issue \(number)", body: "", column: number == 5 ? "doing" : "todo", rank: Double(number), priority: .none))
        }
        add(1, .dueSet(day("2026-12-01")))
        add(2, .dueSet(day("2026-12-08")))
        add(3, .dueSet(day("2027-01-15")))
        add(5, .snoozed(day("2026-12-05")))
        add(6, .snoozed(day("2026-12-01")))
        add(7, .dueSet(day("2026-11-30")))
        add(7, .closed(from: "todo", to: "done", rank: 1))
        add(2, .commented("what do you think, @ann?"), by: "bob", at: "2026-12-01T09:00:00Z")
        return state
    }

    func numbers(_ text: String) throws -> [Int] {
        try Query.parse(text, on: sample(), me: "ann", now: now, zone: utc).run(on: sample(), now: now).map(\.number)
    }

    @Test func overdueIsOpenAndDueBeforeToday() throws {
        #expect(try numbers("is:overdue") == [1])
        #expect(try numbers("-is:overdue is:open") == [2, 3, 4, 6])
    }

    @Test func dueBoundsTakeAgesDatesAndNone() throws {
        #expect(try numbers("due:<7d") == [1, 2, 7])
        #expect(try numbers("due:>2026-12-31") == [3])
        #expect(try numbers("due:none") == [4, 6])
        #expect(try numbers("due:2026-12-08") == [2])
        #expect(try numbers("due:<=2026-12-08") == [1, 2, 7])
        #expect(try numbers("due:>=2027-01-15") == [3])
        #expect(try numbers("due:<fri") == [1, 7]) // Friday 12-04
        #expect(throws: BoardError.self) { try numbers("due:soon") }
    }

    @Test func sortByDuePutsIssuesWithoutADateLast() throws {
        #expect(try numbers("sort:due") == [7, 1, 2, 3, 4, 6])
        #expect(try numbers("sort:due-desc") == [6, 4, 3, 2, 1, 7])
    }

    @Test func waitingIssuesAreHiddenUnlessAskedFor() throws {
        #expect(try numbers("") == [1, 2, 3, 4, 6, 7])
        #expect(try numbers("is:snoozed") == [5])
        #expect(try numbers("is:resurfaced") == [6])
        let projection = BoardProjection(state: sample(), query: try Query.parse("", me: "ann", now: now, zone: utc), now: now, zone: utc)
        #expect(projection.lanes.first { $0.column.id == "doing" }?.waitingCount == 1)
        #expect(projection.lanes.first { $0.column.id == "doing" }?.issues == [])
        // From its day on, it is back in its column.
        let later = Timestamp.parse("2026-12-05T00:00:00Z")!
        let back = BoardProjection(state: sample(), query: try Query.parse("", me: "ann", now: later, zone: utc), now: later, zone: utc)
        #expect(back.lanes.first { $0.column.id == "doing" }?.issues == [5])
        #expect(back.lanes.first { $0.column.id == "doing" }?.waitingCount == 0)
    }

    @Test func mentionsMeFindsIssuesNamingMe() throws {
        #expect(try numbers("mentions:me") == [2])
        #expect(try numbers("mentions:@ann") == [2])
        #expect(try numbers("mentions:bob") == [])
    }

    @Test func attentionIsTheDigestForMe() throws {
        // Overdue #1 and due-this-week #2 are nobody's (unassigned): only ann's mention (#2)
        // and #6 (back, snoozed by ann) need her.
        #expect(try numbers("is:attention") == [2, 6])
    }

    /// An archived or deleted issue was put away: the digest, its opening line and the team's
    /// loads leave it out as the board and `lanes list` do (they listed a deleted issue as
    /// overdue and counted it in its assignee's load). Its changes since are still reported.
    @Test func archivedAndDeletedIssuesNeedNobodysAttention() {
        var state = sample()
        let clock = DayClock(now: now, zone: utc)
        let since = Timestamp.parse("2026-11-25T00:00:00Z")!
        let put = Timestamp.parse("2026-12-01T10:00:00Z")!
        state.apply(Event(id: EventID(100), at: put, actor: "ann", issue: 1, kind: .assigned("ann")))
        state.apply(Event(id: EventID(101), at: put, actor: "ann", issue: 8,
                          kind: .created(title: "Issue 8", body: "", column: "todo", rank: 8, priority: .none)))
        state.apply(Event(id: EventID(102), at: put, actor: "ann", issue: 8, kind: .assigned("ann")))
        state.apply(Event(id: EventID(103), at: put, actor: "ann", issue: 8, kind: .dueSet(day("2026-12-01"))))
        state.apply(Event(id: EventID(104), at: put, actor: "ann", issue: 1, kind: .lifecycle(.deleted)))
        state.apply(Event(id: EventID(105), at: put, actor: "ann", issue: 8, kind: .lifecycle(.archived)))
        for person in ["ann", nil] as [String?] {
            let digest = Digest(state: state, person: person, since: since, clock: clock, staleAfterDays: 14)
            #expect(digest.overdue.isEmpty, "\(person ?? "all")")
            #expect(!digest.attentionIssues.contains(1) && !digest.attentionIssues.contains(8))
            #expect(Digest.openingSummary(state: state, person: person, since: since, clock: clock, staleAfterDays: 14)
                    == digest.openingSummary)
            #expect(digest.people.allSatisfy { $0.open == 0 && $0.overdue == 0 })
            #expect(digest.changes.map(\.issue.number).contains(1) && digest.changes.map(\.issue.number).contains(8))
        }
    }

    /// A teammate's offline work merged after today's events is older than the window: the
    /// changes since still hold today's (the scan from the log's end stopped at the older event).
    @Test func changesSinceSurviveOlderEventsMergedAfterThem() {
        var state = sample()
        let clock = DayClock(now: now, zone: utc)
        state.apply(Event(id: EventID(100), at: Timestamp.parse("2026-12-02T08:00:00Z")!, actor: "bob", issue: 3, kind: .commented("today")))
        state.apply(Event(id: EventID(101), at: Timestamp.parse("2026-11-21T08:00:00Z")!, actor: "cy", issue: 4, kind: .commented("offline")))
        let digest = Digest(state: state, person: nil, since: Timestamp.parse("2026-12-02T00:00:00Z")!, clock: clock, staleAfterDays: 14)
        #expect(digest.changes.map(\.issue.number) == [3])
        #expect(digest.changes.first?.lines.map(\.actor) == ["bob"])
    }

    /// The board's opening line reads only issues with a date, a snooze or a mention: it must say
    /// what the whole digest says.
    @Test func theOpeningLineCountsWhatTheWholeDigestCounts() {
        let state = sample()
        let clock = DayClock(now: now, zone: utc)
        let since = Timestamp.parse("2026-11-25T00:00:00Z")!
        for person in ["ann", nil] as [String?] {
            let whole = Digest(state: state, person: person, since: since, clock: clock, staleAfterDays: 14)
            let line = Digest.openingSummary(state: state, person: person, since: since, clock: clock, staleAfterDays: 14)
            #expect(line == whole.openingSummary)
        }
        // ann: #6 came back (she snoozed it), #2 mentions her; #1 is overdue but not hers.
        #expect(Digest.openingSummary(state: state, person: "ann", since: since, clock: clock, staleAfterDays: 14)
                == "1 back from waiting, 1 mention")
        #expect(Digest.openingSummary(state: state, person: nil, since: since, clock: clock, staleAfterDays: 14)?
                .hasPrefix("1 overdue, 1 back from waiting") == true)
    }
}
