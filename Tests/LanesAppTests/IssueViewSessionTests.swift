import Foundation
import Testing
@testable import BoardModel
@testable import BoardInteraction
@testable import BoardStore
@testable import LanesApp

/// The issue view's line cursor (#18): selecting and scrolling, following `#N` with a way back,
/// toggling a task item, and editing and deleting one's own comment (#15).
@Suite struct IssueViewSessionTests {
    static let longBody = (1...40).map { "line \($0)" }.joined(separator: "\n\n")

    /// Opens #1 (selected in To do).
    func opened(_ extra: [Change] = []) throws -> SessionHarness {
        let h = try SessionHarness.seededInToDo(extra)
        h.type("<Enter>")
        #expect(h.session.ui.view == .issue(1))
        return h
    }

    func moveCursor(_ h: SessionHarness, to line: Int) {
        while h.session.ui.issueCursor < line { h.type("j") }
        #expect(h.session.ui.issueCursor == line)
    }

    @Test func theCursorSelectsLinesPassesBlanksAndTheViewScrollsWithIt() throws {
        let h = try opened([.editBody(1, IssueViewSessionTests.longBody)])
        h.type("jjjjj") // the five fields
        #expect(h.session.ui.issueCursor == 5)
        h.type("j") // over the blank line, onto "line 1"
        #expect(h.session.ui.issueCursor == 7)
        h.type("j")
        #expect(h.session.ui.issueCursor == 9, "the blank line between paragraphs is passed")
        h.type("G")
        let last = h.session.ui.issueCursor
        #expect(last > 80 && h.session.ui.scroll == last - 28, "the last line at the bottom of 29 rows")
        #expect(h.screenText.contains("created \"one\""))
        h.type("<PageUp>")
        #expect(h.session.ui.issueCursor < last && h.session.ui.issueCursor >= h.session.ui.scroll)
        h.type("g")
        #expect(h.session.ui.issueCursor == 0 && h.session.ui.scroll == 0)
    }

    @Test func enterFollowsAReferenceAndBackspaceAndQGoBackAlongTheHistory() throws {
        let h = try opened([.editBody(1, "see #2 and #3"), .editBody(2, "back to #1")])
        moveCursor(h, to: 7)
        h.type("<Enter>")
        #expect(h.session.ui.view == .issue(2))
        #expect(h.session.ui.issueCursor == 0)
        moveCursor(h, to: 7)
        h.type("<Enter>")
        #expect(h.session.ui.view == .issue(1), "following is a history, even back to where it started")
        h.type("<Backspace>")
        #expect(h.session.ui.view == .issue(2) && h.session.ui.issueCursor == 7, "back where it was left")
        h.type("q")
        #expect(h.session.ui.view == .issue(1) && h.session.ui.issueCursor == 7)
        h.type("q")
        #expect(h.session.ui.view == .board, "q with an empty history leaves the view, as before")
    }

    @Test func enterOnALineWithoutAReferenceSaysSoAndAMissingIssueIsNamed() throws {
        let h = try opened([.editBody(1, "plain\n\nsee #99")])
        moveCursor(h, to: 7)
        h.type("<Enter>")
        #expect(h.session.ui.view == .issue(1))
        #expect(h.screenText.contains("nothing to follow on this line"))
        h.type("j<Enter>")
        #expect(h.session.ui.view == .issue(1))
        #expect(h.screenText.contains("no issue #99 on this board"))
    }

    @Test func oTogglesTheSelectedTaskItemAsAnUndoableEdit() throws {
        let body = "Steps:\n\n- [ ] write it\n- [x] test it\n  with care\n\nend"
        let h = try opened([.editBody(1, body)])
        moveCursor(h, to: 9)
        h.type("o")
        #expect(h.issue(1).body == "Steps:\n\n- [x] write it\n- [x] test it\n  with care\n\nend")
        #expect(h.log.state.timelines[1]!.last!.kind == .bodyEdited(h.issue(1).body))
        h.type("jj") // the item's second line toggles the item
        h.type("o")
        #expect(h.issue(1).body == "Steps:\n\n- [x] write it\n- [ ] test it\n  with care\n\nend")
        h.type("uu")
        #expect(h.issue(1).body == body)
        h.type("g")
        moveCursor(h, to: 7)
        h.type("o")
        #expect(h.screenText.contains("no task item (- [ ]) of the description on this line"))
        #expect(h.issue(1).body == body)
    }

    @Test func anotherWritersChangeKeepsTheScrollAndTheSelection() throws {
        let h = try opened([.editBody(1, IssueViewSessionTests.longBody)])
        moveCursor(h, to: 51)
        let place = (h.session.ui.issueCursor, h.session.ui.scroll)
        #expect(place.1 > 0)
        let other = try EventLog.open(h.log.location)
        try other.commit([.comment(1, "hello from bob"), .retitle(1, "one, renamed")], actor: "bob")
        h.session.refreshFromOthers()
        #expect(h.screenText.contains("bob: #1"))
        #expect((h.session.ui.issueCursor, h.session.ui.scroll) == place)
    }

    @Test func eEditsAndRDeletesOnesOwnCommentWithUndo() throws {
        let h = try opened()
        try h.log.commit([.comment(1, "frist")], actor: "ann")
        h.type("G")
        h.useEditor(#"/bin/sh -c 'printf "first\n" > "$1"' sh"#)
        h.type("E")
        #expect(h.log.state.comments(of: 1).map(\.text) == ["first"])
        #expect(h.screenText.contains("ann commented (edited)"))
        h.type("R")
        #expect(h.screenText.contains("delete this comment? (y/n)"))
        h.type("n<Enter>")
        #expect(h.screenText.contains("comment kept") && !h.log.state.comments(of: 1)[0].isDeleted)
        h.type("Ry<Enter>")
        #expect(h.log.state.comments(of: 1)[0].isDeleted)
        #expect(h.screenText.contains("ann commented (deleted)") && !h.screenText.contains("first"))
        h.type("u")
        #expect(h.log.state.comments(of: 1).map(\.text) == ["first"] && !h.log.state.comments(of: 1)[0].isDeleted)
    }

    @Test func someoneElsesCommentIsRefusedBeforeTheEditorOpens() throws {
        let h = try opened()
        try h.log.commit([.comment(1, "bob's words")], actor: "bob")
        h.type("G")
        h.useEditor("false")
        h.type("E")
        #expect(h.screenText.contains("only bob can edit comment"))
        h.type("R")
        #expect(h.screenText.contains("only bob can delete comment"))
        #expect(h.session.ui.prompt == nil)
        h.type("g")
        h.type("E")
        #expect(h.screenText.contains("select a comment first"))
    }
}
