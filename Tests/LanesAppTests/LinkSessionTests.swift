import Testing
@testable import BoardModel
@testable import BoardQuery
@testable import BoardStore
@testable import LanesApp

/// `b` and `B` in the board: the type, then the issue, with completion; marks apply; undo.
@Suite struct LinkSessionTests {
    /// #1…#6 in To do, in order; the cursor on #1.
    func harness() throws -> SessionHarness {
        let h = try SessionHarness((1...6).map { .create(title: "card \($0)", column: "todo") })
        h.type("l")
        return h
    }

    @Test func markedIssuesBecomeDuplicatesOfOneAndUndoTakesItBack() throws {
        let h = try harness()
        h.type("j<Space><Space><Space>") // marks #2, #3, #4
        h.type("bdup<Tab>")
        #expect(h.session.ui.prompt?.editor.text == "duplicate", "duplicates or duplicated-by")
        h.type("s<Tab>")
        #expect(h.session.ui.prompt?.editor.text == "duplicates ")
        h.type("#1<Enter>")
        for number in [2, 3, 4] {
            #expect(h.issue(number).links == [IssueLink(.duplicates, 1)] && !h.issue(number).isOpen)
        }
        #expect(h.issue(1).linked(.duplicatedBy) == [2, 3, 4] && h.issue(1).isOpen)
        #expect(h.session.ui.message?.text.hasPrefix("linked 3 issues: duplicates #1") == true)
        h.type("u")
        for number in [2, 3, 4] { #expect(h.issue(number).links.isEmpty && h.issue(number).isOpen) }
        #expect(h.issue(1).links.isEmpty)
        h.type("<C-r>")
        #expect(h.issue(1).linked(.duplicatedBy) == [2, 3, 4])
    }

    @Test func aCycleIsRefusedOnTheStatusLineAndNothingIsSaved() throws {
        let h = try harness()
        h.type("bblocks 2<Enter>") // #1 blocks #2
        h.type("jbblocks 1<Enter>") // #2 blocks #1
        #expect(h.session.ui.message?.text == "#2 blocks #1 would make a cycle: #2 → #1 → #2")
        #expect(h.issue(2).links == [IssueLink(.blockedBy, 1)])
        h.type("bblocks 99<Enter>")
        #expect(h.session.ui.message?.text == "no issue #99 on this board")
    }

    @Test func unlinkCompletesTheSelectedIssuesLinks() throws {
        let h = try harness()
        h.type("B")
        #expect(h.session.ui.prompt == nil && h.session.ui.message?.text == "#1 has no links")
        h.type(":link 1 parent-of 5<Enter>:link 1 relates-to 6<Enter>")
        #expect(h.issue(5).links == [IssueLink(.childOf, 1)])
        h.type("B<Tab><Tab>")
        #expect(h.session.ui.prompt?.candidates == ["parent-of", "relates-to"])
        h.type("p<Tab>")
        #expect(h.session.ui.prompt?.editor.text == "parent-of ")
        h.type("<Tab>")
        #expect(h.session.ui.prompt?.editor.text == "parent-of 5 ")
        h.type("<Enter>")
        #expect(h.issue(1).links == [IssueLink(.relatesTo, 6)] && h.issue(5).links.isEmpty)
    }

    /// The issue view's Links rows carry their issue: <Enter> follows a link or a mention, and
    /// the way back is the issue view's history.
    @Test func enterOnALinkRowFollowsItAndQComesBack() throws {
        let h = try SessionHarness([.create(title: "one", column: "todo"), .create(title: "two", column: "todo"),
                                    .link(1, .blocks, 2), .comment(2, "after #1")])
        h.type("l<Enter>")
        #expect(h.session.ui.view == .issue(1))
        // Title, five fields, a blank, "(no description)", a blank, "Links", then the rows.
        while h.session.ui.issueCursor < 10 { h.type("j") }
        #expect(h.screenText.contains("blocks       #2 two · To do"))
        h.type("<Enter>")
        #expect(h.session.ui.view == .issue(2))
        while h.session.ui.issueCursor < 11 { h.type("j") }
        #expect(h.screenText.contains("mentions      #1 one · To do"))
        h.type("<Enter>")
        #expect(h.session.ui.view == .issue(1), "a mention is followed too")
        h.type("q")
        #expect(h.session.ui.view == .issue(2) && h.session.ui.issueCursor == 11)
    }
}
