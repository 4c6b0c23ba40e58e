import Testing
@testable import BoardModel
@testable import LanesApp
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
