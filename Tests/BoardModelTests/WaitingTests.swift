import Foundation
import Testing
@testable import BoardModel
import LanesTestSupport

/// Snoozes in the fold: hidden until their day, back by themselves, woken by anyone else.
@Suite struct WaitingTests {
    let utc = TimeZone(identifier: "UTC")!
    /// EventFactory's events fall on 2026-05-28 (UTC).
    func clock(_ day: String, hour: Int = 12) -> DayClock {
        DayClock(now: Timestamp.parse(day + "T\(hour < 10 ? "0" : "")\(hour):00:00Z")!, zone: utc)
    }
    func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    func snoozedBoard(_ f: inout EventFactory) -> BoardState {
        var state = BoardState(now: Timestamp.parse("2026-06-30T00:00:00Z")!)
        state.apply(f.make(1, .created(title: "T", body: "", column: "todo", rank: 1, priority: .none)))
        state.apply(f.make(1, .snoozed(day("2026-06-01")), by: "ann"))
        return state
    }

    @Test func aSnoozedIssueWaitsUntilItsDayThenComesBackUntilTouched() {
        var f = EventFactory()
        var state = snoozedBoard(&f)
        #expect(state.issues[1]!.isSnoozed(clock("2026-05-31", hour: 23)))
        #expect(!state.issues[1]!.isShownByDefault(clock("2026-05-31")))
        #expect(!state.issues[1]!.isResurfaced(clock("2026-05-31")))
        #expect(state.issues[1]!.isResurfaced(clock("2026-06-01", hour: 0)))
        #expect(state.issues[1]!.isShownByDefault(clock("2026-06-01")))
        // Ann's own change before the day does not wake it, and it still comes back.
        state.apply(f.make(1, .labelled("customer"), by: "ann"))
        #expect(state.issues[1]!.isSnoozed(clock("2026-05-31")))
        #expect(state.issues[1]!.isResurfaced(clock("2026-06-02")))
        // Touched on or after the day: no longer "back".
        state.apply(f.make(1, .labelled("seen"), by: "ann", minute: 60 * 24 * 5))
        #expect(state.issues[1]!.snooze?.touched?.iso8601.hasPrefix("2026-06-02") == true)
        #expect(!state.issues[1]!.isResurfaced(clock("2026-06-03")))
    }

    @Test func aChangeBySomeoneElseWakesItAtOnceAndSaysSo() {
        var f = EventFactory()
        var state = snoozedBoard(&f)
        let reply = f.make(1, .commented("the customer answered"), by: "mail:carol@example.com")
        state.apply(reply)
        let issue = state.issues[1]!
        #expect(issue.snooze == nil)
        #expect(!issue.isSnoozed(clock("2026-05-29")) && !issue.isResurfaced(clock("2026-06-02")))
        #expect(issue.woken == Wake(by: "mail:carol@example.com", at: reply.at, until: day("2026-06-01"), kind: "commented"))
        #expect(Wake.reports(for: [reply], in: state)
                == ["#1 is back from waiting (mail:carol@example.com commented; it waited until 2026-06-01)"])
    }

    @Test func snoozeNoneWakesItAndUndoPutsTheSnoozeBack() throws {
        var f = EventFactory()
        var state = snoozedBoard(&f)
        #expect(state.inverse(of: .snooze(1, nil)) == [.snooze(1, day("2026-06-01"))])
        state.apply(f.make(1, .snoozed(nil)))
        #expect(state.issues[1]!.snooze == nil && state.issues[1]!.woken == nil)
        #expect(throws: BoardError.self) { try Snooze.parseUntil("today", today: self.day("2026-05-28")) }
        #expect(try Snooze.parseUntil("none", today: day("2026-05-28")) == nil)
    }

    @Test func dueDatesFoldAndOverdueIsBeforeToday() throws {
        let state = try board([.create(title: "T"), .setDue(1, day("2026-06-01"))])
        #expect(state.issues[1]!.due == day("2026-06-01"))
        #expect(!state.issues[1]!.isOverdue(clock("2026-06-01", hour: 23)))
        #expect(state.issues[1]!.isOverdue(clock("2026-06-02", hour: 0)))
        #expect(try state.events(for: .setDue(1, day("2026-06-01")), actor: "ann", at: .now).isEmpty)
        #expect(state.inverse(of: .setDue(1, nil)) == [.setDue(1, day("2026-06-01"))])
    }

    @Test func mentionsAreNamesAfterAnAt() throws {
        #expect(Mentions.names(in: "@bob please ask @Ann-Marie.") == ["bob", "Ann-Marie"])
        #expect(Mentions.names(in: "mail ann@example.com, not a mention; (@carol) @bob @BOB") == ["carol", "bob"])
        #expect(Mentions.names(in: "@ alone and @") == [])
        let state = try board([.create(title: "T", body: "for @bob"), .comment(1, "cc @carol")])
        #expect(state.issues[1]!.mentions("bob") && state.issues[1]!.mentions("CAROL") && !state.issues[1]!.mentions("ann"))
    }
}
