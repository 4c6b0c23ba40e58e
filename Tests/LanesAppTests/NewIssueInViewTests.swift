import Testing
@testable import BoardModel
@testable import BoardInteraction
@testable import BoardStore
@testable import LanesApp

/// An issue created inside a filtered view takes what the filter says, or stays in sight.
@Suite struct NewIssueInViewTests {
    func harness() throws -> SessionHarness { try .seededInToDo([.assign(1, ["ann"])]) }

    /// The defect: `n` in view 2 "mine" made an unassigned issue that vanished.
    @Test func inMineTheNewIssueIsMine() throws {
        let h = try harness()
        h.type("2nMy task<Enter>")
        #expect(h.issue(4).assignees == ["ann"])
        #expect(h.session.projection().list.contains(4))
        #expect(BoardSelection.issue(h.session.ui, h.session.projection().lanes) == 4)
    }

    @Test func underALabelFilterTheNewIssueHasTheLabel() throws {
        let h = try harness()
        h.type("/label:BUG<Enter>nA bug<Enter>")
        #expect(h.issue(4).labels == ["bug"], "spelled as on the board")
    }

    @Test func priorityAndColumnAreTakenToo() throws {
        let h = try harness()
        h.type("/priority:high column:review<Enter>nUrgent review<Enter>")
        #expect(h.issue(4).priority == .high && h.issue(4).column == "review")
    }

    @Test func anIssueTheFilterCannotMatchStaysInSightUntilYouMoveAway() throws {
        let h = try harness()
        h.type("/three<Enter>")
        h.type("ll") // Review, where #3 is
        h.type("nSomething else<Enter>")
        #expect(h.issue(4).column == "review")
        #expect(h.session.projection().list.contains(4))
        #expect(BoardSelection.issue(h.session.ui, h.session.projection().lanes) == 4)
        #expect(h.session.ui.message?.text.contains("not matched by the filter, shown until you move away") == true)
        #expect(h.screenText.contains("Something else"))
        h.type("k") // to #3
        #expect(!h.session.projection().list.contains(4))
    }
}
