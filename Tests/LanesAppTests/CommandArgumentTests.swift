import Testing
@testable import BoardModel
@testable import BoardInteraction
@testable import LanesApp

/// `:` commands that act on an issue take its number; `:12` and `#12` go to an issue; a command
/// given arguments it does not take says so instead of acting on the selection.
@Suite struct CommandArgumentTests {
    /// #1 and #2 in To do (#1 selected), #3 in Review.
    func harness(rc: String = "") throws -> SessionHarness {
        let h = try SessionHarness(SessionTests.seed, rc: rc)
        h.type("l")
        return h
    }

    @Test func closeWithANumberClosesThatIssueNotTheSelectedOne() throws {
        let h = try harness()
        h.type(":close-reopen 2<Enter>")
        #expect(!h.issue(2).isOpen && h.issue(1).isOpen)
        h.type(":close #3<Enter>")
        #expect(!h.issue(3).isOpen && h.issue(1).isOpen)
        h.type(":close-reopen<Enter>")
        #expect(!h.issue(1).isOpen, "without a number the selected issue is the target")
    }

    @Test func openWithANumberOpensThatIssue() throws {
        let h = try harness()
        h.type(":open-issue 3<Enter>")
        #expect(h.session.ui.view == .issue(3))
        h.type("q:open 2<Enter>")
        #expect(h.session.ui.view == .issue(2))
    }

    @Test func triageCommandsTakeANumberBeforeTheirArguments() throws {
        let h = try harness()
        h.type(":assign 3 bob<Enter><Enter>") // bob is new on the board: <Enter> again confirms
        h.type(":label #2 +x -y<Enter>")
        h.type(":priority 2 high<Enter>")
        h.type(":move 2 review<Enter>")
        h.type(":comment-line #3 2 people agree<Enter>")
        #expect(Set(h.issue(3).assignees) == ["bob", "cy"])
        #expect(h.issue(2).labels == ["x"] && h.issue(2).priority == .high && h.issue(2).column == "review")
        #expect(h.log.state.timelines[3]!.contains { $0.kind == .commented("2 people agree") })
        let one = h.issue(1)
        #expect(one.assignees.isEmpty && one.labels.isEmpty && one.priority == .none && one.column == "todo")
    }

    @Test func aBareNumberOrHashSelectsAndOpensTheIssueFromAnyView() throws {
        let h = try harness()
        h.type(":3<Enter>")
        #expect(h.session.ui.view == .issue(3))
        h.type("q")
        #expect(h.session.ui.view == .board)
        #expect(BoardSelection.issue(h.session.ui, h.session.projection().lanes) == 3, "the card is selected on the board")
        h.type("v?:#2<Enter>")
        #expect(h.session.ui.view == .issue(2))
        #expect(h.session.ui.listSelected == 2)
        h.type(":goto 1<Enter>")
        #expect(h.session.ui.view == .issue(1))
        h.type("qqq")
        #expect(h.session.ui.view == .list)
    }

    @Test func hashKeyAsksForTheNumberInTheBoardAndTheList() throws {
        let h = try harness()
        h.type("#")
        #expect(h.session.ui.prompt?.kind == .goto)
        #expect(h.screenText.split(separator: "\n").last?.hasPrefix("#") == true)
        h.type("3<Enter>")
        #expect(h.session.ui.view == .issue(3))
        h.type("qv#2<Enter>")
        #expect(h.session.ui.view == .issue(2) && h.session.ui.listSelected == 2)
        h.type("q#x<Enter>")
        #expect(h.session.ui.message?.text.contains("\"x\"") == true)
    }

    @Test func gotoIsBindableLikeAnyOtherCommand() throws {
        let h = try harness(rc: "bind board <F5> goto 3\n")
        h.type("<F5>")
        #expect(h.session.ui.view == .issue(3))
    }

    @Test func anUnknownIssueNumberIsAnError() throws {
        let h = try harness()
        h.type(":99<Enter>")
        #expect(h.session.ui.view == .board)
        #expect(h.session.ui.message?.text == "no issue #99 on this board")
        h.type(":close 99<Enter>")
        #expect(h.issue(1).isOpen)
        #expect(h.session.ui.message?.text == "no issue #99 on this board")
    }

    @Test func argumentsACommandDoesNotTakeAreAnError() throws {
        let h = try harness()
        h.type(":close-reopen bob<Enter>")
        #expect(h.issue(1).isOpen)
        #expect(h.session.ui.message?.text.contains("close-reopen takes only an issue number") == true)
        h.type(":undo 3<Enter>")
        #expect(h.session.ui.message?.text == "undo takes no arguments")
        h.type(":quit now<Enter>")
        #expect(h.session.ui.message?.text == "quit takes no arguments")
        h.type(":goto bob<Enter>")
        #expect(h.session.ui.message?.text.contains("goto takes only an issue number") == true)
    }
}
