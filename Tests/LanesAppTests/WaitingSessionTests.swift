import Foundation
import Testing
@testable import BoardModel
@testable import BoardInteraction
@testable import BoardStore
@testable import LanesApp
import Keymap
import LanesTestSupport
import Screen

/// A session whose clock the test moves: due dates, waiting and waking in a running board.
final class ClockedSession {
    final class Clock: @unchecked Sendable { var now = Timestamp.parse("2026-03-02T09:00:00Z")! }
    let clock = Clock()
    let temporary = TemporaryDirectory()
    let log: EventLog
    let screen = MemoryScreen(width: 120, height: 24)
    let session: BoardSession

    /// `changes` are saved by `seed` at the clock's time (Monday 2026-03-02, 09:00 UTC).
    init(_ changes: [Change], as seeder: String = "seed") throws {
        let location = BoardLocation(root: temporary.path)
        try EventLog.create(location)
        log = try EventLog.open(location)
        try log.commit(changes, actor: seeder, now: clock.now)
        let configuration = Configuration(rcFiles: [], environment: ["LANG": "C.UTF-8"])
        let clock = self.clock
        session = BoardSession(log: log, screen: screen, configuration: configuration, actor: "ann",
                               now: { clock.now }, zone: TimeZone(identifier: "UTC")!)
    }

    func type(_ keys: String) {
        screen.feed(KeyNotation.parse(keys) ?? [])
        session.run(idleMilliseconds: nil)
    }

    var screenText: String { session.frame().text }
    var status: String { session.ui.message?.text ?? "" }

    /// Another process writing at the clock's time.
    func other(_ changes: [Change], as actor: String = "bob") throws {
        try EventLog.open(log.location).commit(changes, actor: actor, now: clock.now)
    }
}

@Suite struct WaitingSessionTests {
    static let seed: [Change] = [.create(title: "invoice question", column: "todo", assignees: ["ann"]),
                                 .create(title: "ship release", column: "todo", assignees: ["bob"])]

    @Test func theSnoozeKeyHidesTheCardAndTheNextDayBringsItBackByItself() throws {
        let h = try ClockedSession(WaitingSessionTests.seed)
        h.type("l") // To do, #1 selected
        h.type("s")
        #expect(h.session.ui.prompt?.kind == .snooze)
        h.type("thu<Enter>")
        #expect(h.log.state.issues[1]!.snooze?.until.description == "2026-03-05")
        #expect(h.status == "#1 snoozed until 2026-03-05")
        #expect(!h.screenText.contains("invoice question"))
        #expect(h.screenText.contains("1 waiting"))

        // Wednesday: a new day, but still waiting; a later tick that day draws nothing.
        h.clock.now = Timestamp.parse("2026-03-04T08:00:00Z")!
        h.session.refreshFromOthers()
        h.session.run(idleMilliseconds: nil)
        h.clock.now = Timestamp.parse("2026-03-04T23:59:00Z")!
        h.session.refreshFromOthers()
        #expect(!h.session.frameDue)
        #expect(!h.screen.grid.text.contains("invoice question"))
        // Thursday: the idle tick notices the new day and the card is back, marked, and said.
        h.clock.now = Timestamp.parse("2026-03-05T00:00:30Z")!
        h.session.refreshFromOthers()
        #expect(h.session.frameDue, "a new day is drawn without a key")
        h.session.run(idleMilliseconds: nil)
        let text = h.screen.grid.text
        #expect(text.contains("invoice question"))
        #expect(text.contains("back"))
        #expect(text.contains("back from waiting: #1"))
    }

    @Test func anotherPersonsCommentWakesItAtOnceAndSaysSo() throws {
        let h = try ClockedSession(WaitingSessionTests.seed)
        h.type("l:snooze 1 +1w<Enter>")
        #expect(h.log.state.issues[1]!.isSnoozed(DayClock(now: h.clock.now, zone: TimeZone(identifier: "UTC")!)))
        h.session.run(idleMilliseconds: nil)
        #expect(!h.screen.grid.text.contains("invoice question"))

        h.clock.now = Timestamp.parse("2026-03-03T10:00:00Z")!
        try h.other([.comment(1, "the customer replied")], as: "mail:carol@example.com")
        h.session.refreshFromOthers()
        h.session.run(idleMilliseconds: nil)
        #expect(h.screen.grid.text.contains("invoice question"))
        #expect(h.screen.grid.text.contains("#1 is back from waiting (mail:carol@example.com commented"))
        #expect(h.status == "#1 is back from waiting (mail:carol@example.com commented; it waited until 2026-03-09)")
        // Ann's own change while it waits does not wake it.
        h.type("l:snooze 2 fri<Enter>")
        h.type(":label 2 +later<Enter>")
        #expect(h.log.state.issues[2]!.snooze != nil)
    }

    @Test func theDueKeyAppliesToMarkedIssuesAndCardsShowTheDate() throws {
        let h = try ClockedSession(WaitingSessionTests.seed)
        h.type("l<Space><Space>d")
        #expect(h.session.ui.prompt?.kind == .due)
        h.type("fri<Enter>")
        #expect(h.log.state.issues[1]!.due?.description == "2026-03-06")
        #expect(h.log.state.issues[2]!.due?.description == "2026-03-06")
        #expect(h.screenText.contains("due fri"))
        h.type("d+1m<Enter>") // marks still apply
        #expect(h.log.state.issues[2]!.due?.description == "2026-04-02")
        h.type("dsomeday<Enter>")
        #expect(h.status.contains("is not a date; use YYYY-MM-DD"))
        #expect(h.screenText.contains("due 04-02"))
        h.type("u") // undo puts the earlier dates back
        #expect(h.log.state.issues[1]!.due?.description == "2026-03-06")
    }

    @Test func anOverdueCardIsDrawnInTheWarningColour() throws {
        let h = try ClockedSession(WaitingSessionTests.seed + [.setDue(1, CalendarDate(iso: "2026-03-01"))])
        let grid = h.session.frame()
        let lines = grid.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try #require(lines.firstIndex { $0.contains("due 03-01") })
        let x = lines[row].distance(from: lines[row].startIndex, to: lines[row].range(of: "due 03-01")!.lowerBound)
        let theme = h.session.viewContext().theme
        #expect(grid[x, row].style.foreground == theme[.wipExceeded].foreground)
        #expect(theme[.wipExceeded].foreground != theme[.card].foreground)
    }

    @Test func theOpeningStatusLineSaysWhatNeedsYouAndFiveListsIt() throws {
        let h = try ClockedSession(WaitingSessionTests.seed + [.setDue(1, CalendarDate(iso: "2026-03-01")),
                                                               .comment(2, "@ann please look")])
        h.session.run(idleMilliseconds: nil)
        #expect(h.screen.grid.text.contains("1 overdue, 1 mention · 5 lists them"))
        h.type("5")
        #expect(h.session.ui.viewName == "attention")
        #expect(h.session.projection().list == [1, 2])
    }

    @Test func atCompletesNamesInTheCommentPrompt() throws {
        let h = try ClockedSession(WaitingSessionTests.seed)
        h.type("lC@b<Tab>")
        #expect(h.session.ui.prompt?.editor.text == "@bob ")
        h.type("ok<Enter>")
        #expect(h.log.state.issues[1]!.mentions("bob"))
    }
}

extension WaitingSessionTests {
    @Test func theActivityViewSaysWhatConcernsYou() throws {
        let h = try ClockedSession(WaitingSessionTests.seed + [.snooze(1, CalendarDate(iso: "2026-03-03")),
                                                               .comment(2, "@ann can you check?")])
        h.clock.now = Timestamp.parse("2026-03-03T09:00:00Z")!
        h.type("T")
        let text = h.screenText
        #expect(text.contains("mentioned you: commented: @ann can you check?"))
        #expect(text.contains("back from waiting: snoozed until 2026-03-03"))
    }
}

extension WaitingSessionTests {
    /// The filter reads whether each issue is hidden or waiting from facts kept per board
    /// version (`IssueFacts`): another process archiving or snoozing an issue must reach them.
    @Test func anotherWritersArchiveAndSnoozeReachAFilteredBoard() throws {
        let h = try ClockedSession(WaitingSessionTests.seed + [.create(title: "invoice paid", column: "todo")])
        h.type("/invoice<Enter>")
        #expect(h.screenText.contains("#1 invoice question") && h.screenText.contains("#3 invoice paid"))

        try h.other([.lifecycle(1, .archived), .snooze(3, CalendarDate(iso: "2026-03-05"))])
        h.session.refreshFromOthers()
        h.session.run(idleMilliseconds: nil)
        var text = h.screen.grid.text
        #expect(!text.contains("#1 invoice question") && !text.contains("#3 invoice paid"))
        #expect(text.contains("1 waiting"))

        try h.other([.lifecycle(1, .unarchived), .snooze(3, nil)])
        h.session.refreshFromOthers()
        h.session.run(idleMilliseconds: nil)
        text = h.screen.grid.text
        #expect(text.contains("#1 invoice question") && text.contains("#3 invoice paid"))
        #expect(!text.contains("1 waiting"))
    }
}
