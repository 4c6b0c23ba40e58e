import Testing
@testable import BoardModel
@testable import BoardInteraction
@testable import LanesApp

/// `:N`, `#N` and `:goto N` from any view; `]` and `[` in the issue view; what going to a
/// hidden, archived or deleted issue says.
@Suite struct GoToSessionTests {
    /// #1, #2 in To do (selected: #1), #3 in Review.
    func harness() throws -> SessionHarness { try .seededInToDo() }

    @Test func hashWorksInTheIssueAndActivityViewsToo() throws {
        let h = try harness()
        h.type("<Enter>")
        #expect(h.session.ui.view == .issue(1))
        h.type("#3<Enter>")
        #expect(h.session.ui.view == .issue(3))
        h.type("T#2<Enter>")
        #expect(h.session.ui.view == .issue(2))
        h.type("q")
        #expect(h.session.ui.view == .activity, "q goes back to where # was typed")
    }

    @Test func anIssueTheFilterHidesAsksToClearTheFilter() throws {
        let h = try harness()
        h.type("/label:bug<Enter>")
        h.type(":1<Enter>")
        #expect(h.session.ui.question?.action == .clearFilterAndGoTo(1))
        #expect(h.screenText.contains("#1 is hidden by the filter label:bug; clear the filter? (y/n)"))
        #expect(h.session.ui.view == .board, "nothing opens before the answer")
        h.type("y")
        #expect(h.session.ui.filter.isEmpty && h.session.ui.view == .issue(1))
        #expect(h.session.ui.message?.text == "filter cleared")
        h.type("q")
        #expect(BoardSelection.issue(h.session.ui, h.session.projection().lanes) == 1, "selected on the board")
    }

    @Test func noKeepsTheFilterAndStillOpensTheIssue() throws {
        let h = try harness()
        h.type("/label:bug<Enter>#2<Enter>n")
        #expect(h.session.ui.filter.source == "label:bug")
        #expect(h.session.ui.view == .issue(2))
        #expect(h.session.ui.message?.text == "#2 opened; the filter still hides it")
    }

    @Test func anArchivedIssueOpensWithAWordAndADeletedOneIsRefused() throws {
        let h = try harness()
        h.type("X")
        h.type(":goto 1<Enter>")
        #expect(h.session.ui.view == .issue(1))
        #expect(h.session.ui.message?.text == "#1 is archived (not on the board; X unarchives it)")
        h.type("X")
        #expect(!h.issue(1).isArchived, "X in its view unarchives it")
        h.type("qDy")
        #expect(h.issue(1).isDeleted)
        h.type(":1<Enter>")
        #expect(h.session.ui.view == .board)
        #expect(h.session.ui.message?.text == BoardError.deletedIssue(1).description)
        h.type("T<Enter>")
        #expect(h.session.ui.view == .activity, "the activity entry of a deleted issue does not open it")
        #expect(h.screenText.contains("(deleted)") && !h.screenText.contains("\"one\""), "nor shows its text")
    }

    @Test func bracketsStepThroughTheBoardOrder() throws {
        let h = try harness()
        h.type("<Enter>]")
        #expect(h.session.ui.view == .issue(2))
        h.type("]")
        #expect(h.session.ui.view == .issue(3), "on into the next column")
        h.type("]")
        #expect(h.session.ui.view == .issue(3) && h.session.ui.message?.text == "#3 is the last issue")
        h.type("[[")
        #expect(h.session.ui.view == .issue(1))
        h.type("[")
        #expect(h.session.ui.message?.text == "#1 is the first issue")
        h.type("]q")
        #expect(h.session.ui.view == .board, "stepping does not pile up views")
        #expect(BoardSelection.issue(h.session.ui, h.session.projection().lanes) == 2, "the last issue shown is selected")
    }

    @Test func bracketsFollowTheFilterAndTheListOrder() throws {
        let h = try harness([.create(title: "four", column: "backlog", labels: ["bug"])])
        h.type("/label:bug<Enter>v")
        #expect(h.session.projection().list == [3, 4])
        h.type("<Enter>")
        let first = h.session.ui.view
        h.type("]")
        #expect(first == .issue(3) && h.session.ui.view == .issue(4))
        h.type("q:goto 1<Enter>n]")
        #expect(h.session.ui.message?.text == "#1 is not on the board (archived or hidden by the filter)")
    }

    @Test func stepsOutsideTheIssueViewSayWhereTheyWork() throws {
        let h = try harness()
        h.type("]")
        #expect(h.session.ui.message?.text == "] is not bound here; press ? for help")
        h.type(":next-issue<Enter>")
        #expect(h.session.ui.message?.text == "] and [ step through issues in the issue view")
    }

    func harness(_ extra: [Change]) throws -> SessionHarness { try .seededInToDo(extra) }
}
