import Foundation
import Testing
@testable import BoardModel
@testable import BoardQuery
@testable import BoardInteraction
@testable import BoardStore
@testable import LanesApp
import Keymap
import LanesTestSupport
import Screen

/// The run loop with a real event log in a temporary directory and an in-memory screen.
final class SessionHarness {
    let temporary = TemporaryDirectory()
    var directory: String { temporary.path }
    let log: EventLog
    let screen = MemoryScreen(width: 100, height: 30)
    let session: BoardSession

    init(_ changes: [Change] = [], rc: String = "") throws {
        let directory = temporary.path
        let location = BoardLocation(root: directory)
        try EventLog.create(location)
        log = try EventLog.open(location)
        if !changes.isEmpty { try log.commit(changes, actor: "seed") }
        try rc.write(toFile: directory + "/.lanes/lanesrc", atomically: true, encoding: .utf8)
        let configuration = Configuration(rcFiles: [directory + "/.lanes/lanesrc"], environment: ["LANG": "C.UTF-8"])
        session = BoardSession(log: log, screen: screen, configuration: configuration, actor: "ann")
    }

    /// Types keys in tig notation and runs them.
    func type(_ keys: String) {
        screen.feed(KeyNotation.parse(keys) ?? [])
        session.run(idleMilliseconds: nil)
    }

    func issue(_ number: Int) -> BoardModel.Issue { log.state.issues[number]! }
    var screenText: String { session.frame().text }
}

@Suite struct SessionTests {
    /// #1 in To do, #2 in To do, #3 in Review.
    static let seed: [Change] = [.create(title: "one", column: "todo"), .create(title: "two", column: "todo"),
                                 .create(title: "three", column: "review", labels: ["bug"], assignees: ["cy"])]

    func harness() throws -> SessionHarness {
        let h = try SessionHarness(SessionTests.seed)
        h.type("l") // select To do
        return h
    }

    @Test func newIssueIsCreatedInTheSelectedColumnAndSelected() throws {
        let h = try harness()
        h.type("n新しい issue<Enter>")
        #expect(h.issue(4).title == "新しい issue" && h.issue(4).column == "todo")
        #expect(h.log.state.timelines[4]!.first!.actor == "ann")
        h.type("<Enter>")
        #expect(h.session.ui.view == .issue(4))
    }

    @Test func assignLabelPriorityCloseMove() throws {
        let h = try harness()
        h.type("ame bob<Enter><Enter>") // bob is new on this board: <Enter> again confirms
        #expect(h.issue(1).assignees == ["ann", "bob"])
        h.type("A<Enter>")
        #expect(h.issue(1).assignees.isEmpty, "an empty unassign removes everyone")
        h.type("t+bug ui<Enter>")
        #expect(h.issue(1).labels == ["bug", "ui"])
        h.type("t-ui<Enter>")
        #expect(h.issue(1).labels == ["bug"])
        h.type("ph")
        #expect(h.issue(1).priority == .high)
        h.type("pu")
        #expect(h.issue(1).priority == .urgent)
        h.type("mreview<Enter>")
        #expect(h.issue(1).column == "review")
        h.type("x")
        #expect(!h.issue(1).isOpen && h.issue(1).column == "done")
        h.type("x")
        #expect(h.issue(1).isOpen && h.issue(1).column == "review")
        h.type("Ca one-line comment<Enter>")
        #expect(h.log.state.timelines[1]!.last!.kind == .commented("a one-line comment"))
    }

    @Test func markedIssuesAreActedOnTogetherAndUndoneInOneStep() throws {
        let h = try harness()
        h.type("<Space><Space>")
        #expect(h.session.ui.marked == [1, 2])
        h.type("tteam<Enter>")
        #expect(h.issue(1).labels == ["team"] && h.issue(2).labels == ["team"])
        h.type("pl")
        #expect(h.issue(1).priority == .low && h.issue(2).priority == .low)
        h.type("u")
        #expect(h.issue(1).priority == .none && h.issue(2).priority == .none, "one undo step for both")
        #expect(h.issue(1).labels == ["team"])
        h.type("<Esc>")
        #expect(h.session.ui.marked.isEmpty)
        h.type("*")
        #expect(h.session.ui.marked == [1, 2, 3])
    }

    /// Every undoable action, undone and redone, restores exactly the state before and after.
    @Test(arguments: ["L", "H", "J", "ame<Enter>", "A<Enter>", "tnew -bug<Enter>", "pu", "x", "mdone<Enter>", "<Space>x"])
    func undoAndRedoRoundTrip(_ keys: String) throws {
        let h = try SessionHarness(SessionTests.seed)
        h.type("lll") // select Review: #3 (labelled bug, assigned cy)
        if keys == "J" { h.type("hh") } // To do has two cards to reorder
        let before = h.log.state.issues.values
        h.type(keys)
        let after = h.log.state.issues.values
        #expect(after.map(\.column) != before.map(\.column) || after.map(\.labels) != before.map(\.labels)
                || after.map(\.assignees) != before.map(\.assignees) || after.map(\.priority) != before.map(\.priority)
                || after.map(\.rank) != before.map(\.rank) || after.map(\.state) != before.map(\.state), "\(keys) changed something")
        h.type("u")
        #expect(fields(h.log.state.issues.values) == fields(before), "undo of \(keys)")
        #expect(h.screenText.contains("undid"))
        h.type("<C-r>")
        #expect(fields(h.log.state.issues.values) == fields(after), "redo of \(keys)")
        // Undo is new events: history stays true and grows.
        #expect(h.log.state.events.count > 6)
    }

    func fields(_ issues: [BoardModel.Issue]) -> [String] {
        issues.map { "\($0.number) \($0.column) \($0.rank) \($0.state) \($0.assignees) \($0.labels) \($0.priority) \($0.title)" }
    }

    @Test func editorEditsTitleAndBodyAndComments() throws {
        let h = try harness()
        h.useEditor("/bin/sh -c 'printf \"New title\\\\n\\\\nNew body\\\\nline two\\\\n# kept\\\\n\" > \"$1\"' sh")
        h.type("e")
        #expect(h.issue(1).title == "New title")
        #expect(h.issue(1).body == "New body\nline two\n# kept", "no scissors line: everything is the person's")
        h.useEditor("/bin/sh -c 'printf \"From the editor\\\\n\" > \"$1\"' sh")
        h.type("c")
        #expect(h.log.state.timelines[1]!.last!.kind == .commented("From the editor"))
        h.useEditor("true")
        let events = h.log.state.events.count
        h.type("e")
        #expect(h.log.state.events.count == events, "an unchanged file changes nothing")
        #expect(h.screenText.contains("nothing changed"))
    }

    @Test func savedViewsSwitchWithNumberKeys() throws {
        let h = try SessionHarness(SessionTests.seed + [.assign(1, ["ann"])], rc: "view bugs label:bug\nset stale-after 30d\n")
        h.type("2")
        #expect(h.session.ui.viewName == "mine")
        #expect(BoardProjection(state: h.log.state, query: h.session.ui.filter).list == [1])
        h.type("3")
        #expect(h.session.ui.viewName == "triage")
        #expect(BoardProjection(state: h.log.state, query: h.session.ui.filter).list == [1, 2], "no label or no assignee")
        h.type("5")
        #expect(h.session.ui.viewName == "attention")
        h.type("6")
        #expect(h.session.ui.viewName == "bugs")
        #expect(h.screenText.contains("bugs"))
        h.type("9")
        #expect(h.screenText.contains("no view \"9\""))
        h.type("1")
        #expect(h.session.ui.filter.isEmpty)
    }

    @Test func promptsHaveHistoryAndCompletion() throws {
        let h = try harness()
        h.type("tfirst<Enter>")
        h.type("t<Up><Enter>")
        h.type("j")
        h.type("t<Up><Enter>")
        #expect(h.issue(2).labels == ["first"])
        h.type("mre<Tab><Enter>")
        #expect(h.issue(2).column == "review")
        h.type("a<C-u>c<Tab><Enter>")
        #expect(h.issue(2).assignees == ["cy"])
    }

    @Test func liveFilterKeepsTheLastGoodQueryOnError() throws {
        let h = try harness()
        h.type("/label:bug")
        #expect(BoardProjection(state: h.log.state, query: h.session.ui.filter).list == [3])
        h.type(" \"")
        #expect(h.session.ui.message?.text.contains("unclosed quote") == true)
        #expect(BoardProjection(state: h.log.state, query: h.session.ui.filter).list == [3])
        h.type("<Esc>")
        #expect(h.session.ui.filter.isEmpty)
    }

    /// The session reuses earlier filter results (backspace) and narrows them (typing on); every
    /// step must still show exactly what a fresh pass over the board would, also after another
    /// writer changed the board with the filter open.
    @Test func filterResultsStayExactWhileTypingAndRubbingOut() throws {
        let titles = ["Login page", "Logout", "Dialog", "catalog", "LOGIN again"]
        let h = try SessionHarness((1...40).map { n in
            .create(title: titles[n % titles.count] + " \(n)", body: n % 3 == 0 ? "see login" : "",
                    column: n % 2 == 0 ? "todo" : "doing")
        })
        func expectFresh(_ step: String) {
            let fresh = BoardProjection(state: h.log.state, query: h.session.ui.filter, swimlanes: h.session.ui.swimlanes)
            #expect(h.session.projection().list == fresh.list, "after \(step)")
            #expect(h.session.projection().lanes.map(\.issues) == fresh.lanes.map(\.issues), "after \(step)")
        }
        h.type("/")
        for key in ["l", "o", "g", "i", "<BS>", "<BS>", "i", "n", "<BS>", "<BS>", "<BS>", "<BS>", "c", "<BS>", "l", "o"] {
            h.type(key)
            expectFresh(key)
        }
        let other = try EventLog.open(h.log.location)
        try other.commit([.retitle(2, "no longer about it"), .create(title: "logbook")], actor: "bob")
        h.session.refreshFromOthers()
        expectFresh("another writer's change")
        for key in ["g", "<BS>", "<BS>"] {
            h.type(key)
            expectFresh(key + " after the change")
        }
        // Moving cards with and without a filter updates the kept order instead of re-sorting.
        for keys in ["<Esc>", "L", "jL", "H", "/log<Enter>", "L", "kH"] {
            h.type(keys)
            expectFresh(keys)
        }
        // The same with the board in swimlanes (by assignee, then priority).
        for keys in ["<Esc>S", "ame<Enter>", "/lo", "g", "<BS>", "<Enter>", "L", "S", "pu", "<Esc>"] {
            h.type(keys)
            expectFresh("swimlanes " + keys)
            #expect(h.session.projection().bands == BoardProjection(state: h.log.state, query: h.session.ui.filter,
                                                                    swimlanes: h.session.ui.swimlanes).bands, "swimlanes \(keys)")
        }
    }

    /// The `/` prompt starts building the board's search text on the other core; another
    /// writer's change that lands before the first text key is found by it all the same.
    @Test func aChangeWhileTheSearchTextIsBuiltIsFound() throws {
        let h = try SessionHarness((1...30).map { .create(title: $0 % 2 == 0 ? "login \($0)" : "other \($0)") })
        h.type("/")
        let other = try EventLog.open(h.log.location)
        try other.commit([.retitle(2, "after"), .retitle(3, "LOGIN now"), .create(title: "logbook")], actor: "bob")
        h.session.refreshFromOthers()
        for key in ["l", "o", "g", "i"] {
            h.type(key)
            let fresh = BoardProjection(state: h.log.state, query: h.session.ui.filter)
            #expect(h.session.projection().list == fresh.list, "after \(key)")
            #expect(h.session.projection().list.contains(3) && !h.session.projection().list.contains(2), "after \(key)")
        }
    }

    @Test func rcErrorsShowOnTheStatusLine() throws {
        let h = try SessionHarness(SessionTests.seed, rc: "bind board x frobnicate\nset wip doing 2\n")
        #expect(h.screenText.contains("lanesrc:1: unknown command"))
    }
}

@Suite struct SessionMouseAndActivityTests {
    @Test func clickSelectsAndDoubleClickOpens() throws {
        let h = try SessionHarness(SessionTests.seed)
        // 100 columns wide, 5 columns of 20: "To do" is x 20..39; its second card starts at row 4.
        h.screen.feed([.mouse(MouseEvent(action: .press, x: 25, y: 4))])
        h.session.run(idleMilliseconds: nil)
        #expect(h.session.ui.column == 1 && h.session.ui.selected["todo"] == 2)
        h.screen.feed([.mouse(MouseEvent(action: .doublePress, x: 65, y: 1))])
        h.session.run(idleMilliseconds: nil)
        #expect(h.session.ui.view == .issue(3))
        h.type("qv")
        h.screen.feed([.mouse(MouseEvent(action: .press, x: 10, y: 1))])
        h.session.run(idleMilliseconds: nil)
        #expect(h.session.ui.listSelected == 1)
        h.screen.feed([.mouse(MouseEvent(action: .wheelDown, x: 10, y: 1))])
        h.session.run(idleMilliseconds: nil)
        #expect(h.session.ui.listSelected == 3)
    }

    @Test func activityOpensTheSelectedEntrysIssue() throws {
        let h = try SessionHarness(SessionTests.seed)
        h.type("T")
        #expect(h.session.ui.view == .activity)
        #expect(h.screenText.split(separator: "\n").contains { $0.contains("#3 three") && $0.contains("assigned cy") })
        h.type("<End><Enter>")
        #expect(h.session.ui.view == .issue(1), "the oldest entry is #1's creation")
        h.type("q")
        #expect(h.session.ui.view == .activity)
    }

    @Test func swimlanesCycle() throws {
        let h = try SessionHarness(SessionTests.seed)
        for expected in [Swimlanes.assignee, .priority, .label, .none] {
            h.type("S")
            #expect(h.session.ui.swimlanes == expected)
        }
        h.type("S")
        #expect(h.screenText.contains("@cy · 1"))
    }
}

@Suite struct LiveUpdateTests {
    @Test func anotherWritersMoveShowsAndTheSelectionFollowsTheCard() throws {
        let h = try SessionHarness(SessionTests.seed)
        h.type("lj") // select #2 in To do
        let other = try EventLog.open(h.log.location)
        try other.commit([.move(2, to: "review")], actor: "bob")
        h.session.refreshFromOthers()
        #expect(h.log.state.issues[2]!.column == "review")
        #expect(BoardSelection.issue(h.session.ui, BoardProjection(state: h.log.state, query: .everything).lanes) == 2)
        #expect(h.screenText.contains("bob: #2 moved To do → Review"))
    }

    @Test func anOpenIssueViewShowsNewTimelineEntries() throws {
        let h = try SessionHarness(SessionTests.seed)
        h.type("l<Enter>")
        let other = try EventLog.open(h.log.location)
        try other.commit([.comment(1, "hello from bob")], actor: "bob")
        h.session.refreshFromOthers()
        #expect(h.screenText.contains("hello from bob"))
    }
}

extension LiveUpdateTests {
    /// A save that finds another process holding the lock can be given up with q, Esc or Ctrl-C:
    /// the save fails and says so, the log is untouched, the board keeps running (q did not
    /// quit it), and the same key saves once the lock is free.
    @Test(arguments: ["q", "<Esc>", "<C-c>"])
    func aSaveWaitingForTheLockIsGivenUp(_ cancel: String) throws {
        let h = try SessionHarness(SessionTests.seed)
        let holder = open(h.log.location.lockPath, O_RDWR)
        #expect(flock(holder, LOCK_EX) == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: h.log.location.eventsPath))
        h.type("lL" + cancel)
        #expect(h.issue(1).column == "todo")
        #expect(try Data(contentsOf: URL(fileURLWithPath: h.log.location.eventsPath)) == before, "nothing written")
        #expect(h.session.ui.message?.isError == true)
        #expect(h.screenText.contains("stopped waiting for the board lock; nothing was saved"))
        flock(holder, LOCK_UN)
        close(holder)
        h.type("L")
        #expect(h.issue(1).column == "doing")
    }
}
