import Testing
@testable import BoardModel
@testable import BoardStore
@testable import LanesApp

/// `@bob` is bob, `Bob` is bob, and a name nobody has used asks before it makes a new person.
@Suite struct UserNameTests {
    func harness() throws -> SessionHarness { try .seededInToDo() }

    @Test func aLeadingAtAndAnotherCaseNameTheSamePerson() throws {
        let h = try harness()
        h.type("a@cy<Enter>")
        #expect(h.issue(1).assignees == ["cy"])
        h.type("jaCY<Enter>")
        #expect(h.issue(2).assignees == ["cy"])
        h.type("A@Cy<Enter>")
        #expect(h.issue(2).assignees.isEmpty)
        #expect(!h.screenText.contains("@@"))
    }

    @Test func aNameNobodyUsedAsksForEnterAgain() throws {
        let h = try harness()
        h.type("a@zed<Enter>")
        #expect(h.issue(1).assignees.isEmpty, "not yet")
        #expect(h.session.ui.prompt?.editor.text == "@zed")
        #expect(h.session.ui.message?.text.contains("nobody on the board is called zed yet") == true)
        h.type("<Enter>")
        #expect(h.issue(1).assignees == ["zed"])
        h.type("jazed<Enter>")
        #expect(h.issue(2).assignees == ["zed"], "known now: no question")
    }

    @Test func aNewNameOnTheCommandLineAsksThereAndKeepsTheNamedIssue() throws {
        let h = try harness()
        h.type(":assign 2 zed<Enter>")
        #expect(h.issue(2).assignees.isEmpty)
        #expect(h.session.ui.prompt?.kind == .command && h.session.ui.prompt?.editor.text == "assign 2 zed")
        h.type("<Enter>")
        #expect(h.issue(2).assignees == ["zed"] && h.issue(1).assignees.isEmpty)
    }

    @Test func cancellingTheQuestionAssignsNobody() throws {
        let h = try harness()
        h.type("azed<Enter><Esc>")
        #expect(h.issue(1).assignees.isEmpty)
        h.type("azed<Enter>")
        #expect(h.issue(1).assignees.isEmpty, "asked again after a cancel")
    }
}
