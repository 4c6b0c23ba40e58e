import Testing
@testable import BoardModel
@testable import BoardStore
@testable import LanesApp

/// Undo and redo are new events, and other people write too: they must never overwrite what
/// someone else set since.
@Suite struct UndoTests {
    func harness() throws -> SessionHarness { try .seededInToDo() }

    func alice(_ h: SessionHarness, _ changes: [Change]) throws {
        try EventLog.open(h.log.location).commit(changes, actor: "alice")
        h.session.refreshFromOthers()
    }

    /// The defect: `ph`, alice sets low, `u` put back `none` over alice's change and said nothing.
    @Test func undoLeavesAFieldSomeoneElseChangedSinceAndSaysWho() throws {
        let h = try harness()
        h.type("ph")
        try alice(h, [.prioritise(1, .low)])
        h.type("u")
        #expect(h.issue(1).priority == .low, "alice's change stays")
        #expect(h.session.ui.message?.text == "#1 priority was changed by alice since; left as is")
    }

    @Test func undoRevertsTheFieldsNobodyTouchedAndLeavesTheRest() throws {
        let h = try harness()
        h.type("<Space><Space>") // mark #1 and #2
        h.type("pu")
        try alice(h, [.prioritise(2, .low)])
        h.type("u")
        #expect(h.issue(1).priority == .none, "#1 is undone")
        #expect(h.issue(2).priority == .low, "#2 is alice's")
        #expect(h.session.ui.message?.text.contains("#2 priority was changed by alice since") == true)
        // Redo only redoes what undo did.
        h.type("<C-r>")
        #expect(h.issue(1).priority == .urgent && h.issue(2).priority == .low)
    }

    @Test(arguments: [
        ("L", [Change.move(1, to: "review")], "column"),
        ("ame<Enter>", [.unassign(1, ["ann"])], "assignee ann"),
        ("tci<Enter>", [.label(1, add: [], remove: ["ci"])], "label ci"),
        ("x", [.reopen(1)], "column"),
    ])
    func everyKindOfFieldIsChecked(_ keys: String, _ theirs: [Change], _ field: String) throws {
        let h = try harness()
        h.type(keys)
        try alice(h, theirs)
        let after = h.issue(1)
        h.type("u")
        #expect(fields(h.issue(1)) == fields(after), "\(keys) left as alice set it")
        #expect(h.session.ui.message?.text.contains("#1 \(field) was changed by alice since; left as is") == true)
    }

    @Test func titleAndDescriptionAreCheckedOneByOne() throws {
        let h = try harness()
        h.useEditor("/bin/sh -c 'printf \"Mine\\\\n\\\\nmy body\" > \"$1\"' sh")
        h.type("e")
        try alice(h, [.editBody(1, "alice's body")])
        h.type("u")
        #expect(h.issue(1).title == "one", "the title nobody touched is undone")
        #expect(h.issue(1).body == "alice's body")
        #expect(h.session.ui.message?.text.contains("#1 description was changed by alice since") == true)
    }

    @Test func redoChecksToo() throws {
        let h = try harness()
        h.type("ph")
        h.type("u")
        try alice(h, [.prioritise(1, .low)])
        h.type("<C-r>")
        #expect(h.issue(1).priority == .low)
        #expect(h.session.ui.message?.text.contains("#1 priority was changed by alice since; left as is") == true)
    }

    @Test func creatingAnIssueIsUndoneByClosingItAndRedoneByReopening() throws {
        let h = try harness()
        h.type("nOops<Enter>")
        #expect(h.issue(4).isOpen && h.issue(4).column == "todo")
        h.type("u")
        #expect(!h.issue(4).isOpen)
        #expect(h.session.ui.message?.text.hasPrefix("undid: #4 created") == true)
        h.type("<C-r>")
        #expect(h.issue(4).isOpen && h.issue(4).column == "todo")
    }

    /// The rough edge: after assigning two people the status line named only the last.
    @Test func theStatusLineReportsEveryChange() throws {
        let h = try harness()
        h.type("achen ann<Enter><Enter>") // chen is new: <Enter> again
        #expect(h.session.ui.message?.text == "#1 assigned chen, assigned ann")
        h.type("<Space><Space>tci<Enter>")
        #expect(h.session.ui.message?.text == "added label ci to 2 issues")
    }

    func fields(_ issue: BoardModel.Issue) -> [String] {
        [issue.column, "\(issue.rank)", issue.state.rawValue, "\(issue.assignees)", "\(issue.labels)", issue.priority.rawValue]
    }
}

/// `x` on marks closes every marked open issue when any is open, and says what happened.
@Suite struct BulkCloseTests {
    @Test func closingMarksWithOneAlreadyClosedClosesTheRestAndReopensNothing() throws {
        let h = try SessionHarness((1...13).map { .create(title: "ci \($0)", column: "todo", labels: ["ci"]) } + [.close(13)])
        h.type("/label:ci<Enter>*x")
        #expect((1...13).allSatisfy { !h.issue($0).isOpen }, "#13 is not reopened")
        #expect(h.session.ui.message?.text == "closed 12 issues; 1 was already closed")
        h.type("x")
        #expect((1...13).allSatisfy { h.issue($0).isOpen }, "all closed: x reopens all")
        #expect(h.session.ui.message?.text == "reopened 13 issues")
    }
}
