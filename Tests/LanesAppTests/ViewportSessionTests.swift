import Testing
@testable import BoardModel
@testable import BoardQuery
@testable import BoardInteraction
@testable import LanesApp
@testable import BoardStore
import Keymap
import Screen

/// The selection stays on screen whatever the terminal does to the window.
@Suite struct ViewportSessionTests {
    @Test func aResizeKeepsTheSelectedCardOnScreen() throws {
        let h = try SessionHarness((1...40).map { .create(title: "card \($0)", column: "backlog") })
        h.screen.resize(width: 120, height: 35)
        h.type("G")
        #expect(h.screenText.contains("#40 card 40"))
        for (width, height) in [(80, 24), (40, 12), (200, 50), (41, 13), (120, 35)] {
            h.screen.resize(width: width, height: height)
            h.type("")
            #expect(h.screenText.contains("#40 card"), "#40 off screen at \(width)×\(height):\n\(h.screenText)")
        }
        h.type("g")
        h.screen.resize(width: 40, height: 12)
        h.type("")
        #expect(h.screenText.contains("#1 card 1"), "\(h.screenText)")
    }
}

/// Swimlanes by assignee with an issue shared by three people.
@Suite struct SharedIssueSwimlaneTests {
    @Test func aSharedIssueIsInEachBandAndTheCursorVisitsEveryCardOnce() throws {
        let h = try SessionHarness([.create(title: "shared", column: "backlog", assignees: ["ann", "bob", "cy"]),
                                    .create(title: "bob alone", column: "backlog", assignees: ["bob"]),
                                    .create(title: "nobody", column: "backlog")])
        h.type("S")
        #expect(h.session.ui.swimlanes == .assignee)
        let text = h.screenText
        for band in ["@ann · 1", "@bob · 2", "@cy · 1", "unassigned · 1"] {
            #expect(text.contains(band), "no \"\(band)\" in\n\(text)")
        }
        #expect(text.components(separatedBy: "#1 shared").count - 1 == 3, "shown in each of its three bands:\n\(text)")
        #expect(text.contains("Backlog          3"), "the header counts the column's issues once:\n\(text)")
        var visited: [Int] = []
        for _ in 0..<4 {
            visited.append(BoardSelection.issue(h.session.ui, h.session.projection().lanes)!)
            h.type("j")
        }
        #expect(visited == [1, 2, 3, 3], "j walks #1, #2, #3 and stops at the last")
    }
}

/// A board opened read-only keeps saying so and refuses changes before asking for anything.
@Suite struct ReadOnlySessionTests {
    func readOnlyBoard() throws -> (SessionHarness, BoardSession) {
        let h = try SessionHarness([.create(title: "one", column: "todo")])
        let path = h.directory + "/.lanes/events"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "lanes-log 1\n", with: "lanes-log 99\n").write(toFile: path, atomically: true, encoding: .utf8)
        let log = try EventLog.open(BoardLocation(root: h.directory))
        let configuration = Configuration(rcFiles: [], environment: ["LANG": "C.UTF-8"])
        return (h, BoardSession(log: log, screen: h.screen, configuration: configuration, actor: "ann"))
    }

    @Test func theNoticeComesBackAfterEscAndNRefusesAtOnce() throws {
        let (h, session) = try readOnlyBoard()
        func type(_ keys: String) {
            h.screen.feed(KeyNotation.parse(keys) ?? [])
            session.run(idleMilliseconds: nil)
        }
        #expect(session.frame().text.contains("read-only"))
        type("<Esc>")
        #expect(session.frame().text.contains("read-only"), "the notice is back after Esc:\n\(session.frame().text)")
        type("n")
        #expect(session.ui.prompt == nil, "no title is asked for")
        #expect(session.ui.message?.text.contains("read-only") == true)
        type("l")
        #expect(session.frame().text.contains("read-only"))
    }
}

/// The wheel scrolls the column under the pointer.
@Suite struct WheelTests {
    @Test func theWheelScrollsTheColumnUnderThePointer() throws {
        let h = try SessionHarness((1...30).map { .create(title: "todo \($0)", column: "todo") }
                                   + (1...30).map { .create(title: "review \($0)", column: "review") })
        h.type("") // Backlog selected
        #expect(h.session.ui.column == 0)
        // The board is 100 wide with five columns of 20: x = 65 is over Review.
        h.screen.feed([.mouse(MouseEvent(action: .wheelDown, x: 65, y: 10))])
        h.session.run(idleMilliseconds: nil)
        #expect(h.session.ui.column == 3, "the column under the pointer")
        #expect(h.session.ui.cardOffset["review"] ?? 0 > 0 || h.session.ui.selected["review"] != 31, "it scrolled")
        let before = h.session.ui.selected["review"]
        h.screen.feed([.mouse(MouseEvent(action: .wheelDown, x: 65, y: 10))])
        h.session.run(idleMilliseconds: nil)
        #expect(h.session.ui.selected["review"] != before)
        #expect(h.session.ui.selected["todo"] == nil, "To do did not move")
    }
}

/// Issues in a column the board no longer has are reachable from the board and can be moved out.
@Suite struct RemovedColumnSessionTests {
    @Test func theRemovedLaneShowsItsIssuesAndMMovesThemOut() throws {
        let h = try SessionHarness([.create(title: "stuck in review", column: "review")])
        // Another writer's `columns` line without review (what a hand edit or an old tool leaves).
        let path = h.directory + "/.lanes/events"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let columns = try #require(text.split(separator: "\n").first { $0.contains("\tcolumns\t") })
        let fields = columns.split(separator: "\t", omittingEmptySubsequences: false)
        var kept = Array(fields.prefix(5))
        for column in stride(from: 5, to: fields.count - 2, by: 3) where fields[column] != "review" {
            kept += fields[column..<column + 3]
        }
        kept[0] = "00000000000000ff"
        try (text + kept.joined(separator: "\t") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let log = try EventLog.open(BoardLocation(root: h.directory))
        let session = BoardSession(log: log, screen: h.screen, configuration: Configuration(rcFiles: [], environment: ["LANG": "C.UTF-8"]), actor: "ann")
        h.screen.feed(KeyNotation.parse("llll") ?? [])
        session.run(idleMilliseconds: nil)
        let frame = session.frame().text
        #expect(frame.contains("review (removed)") && frame.contains("#1 stuck in"), "\(frame)")
        h.screen.feed(KeyNotation.parse("mtodo<Enter>") ?? [])
        session.run(idleMilliseconds: nil)
        #expect(log.state.issues[1]?.column == "todo", "\(session.frame().text)")
        #expect(!session.frame().text.contains("(removed)"), "the empty removed lane goes")
    }
}
