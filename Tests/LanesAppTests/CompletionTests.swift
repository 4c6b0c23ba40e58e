import Testing
@testable import BoardModel
@testable import LanesApp

/// <Tab> completes the word at the cursor by its position: the command name, then what that
/// command takes (columns, users, labels, issue numbers), and query words inside `/`. A second
/// <Tab> lists the candidates on a line above the prompt.
@Suite struct CompletionTests {
    func harness() throws -> SessionHarness {
        let h = try SessionHarness(SessionTests.seed + [.create(title: "four", column: "doing", labels: ["backend"], assignees: ["helen"])])
        h.type("l")
        return h
    }

    func typed(_ h: SessionHarness) -> String? { h.session.ui.prompt?.editor.text }

    @Test func argumentsCompleteByTheCommandsPosition() throws {
        let h = try harness()
        h.type(":move re<Tab>")
        #expect(typed(h) == "move review ")
        h.type("<C-u>assign he<Tab>")
        #expect(typed(h) == "assign helen ")
        h.type("<C-u>assign 3 he<Tab>")
        #expect(typed(h) == "assign 3 helen ")
        h.type("<C-u>label +ba<Tab>")
        #expect(typed(h) == "label +backend ")
        h.type("<C-u>label -b<Tab>")
        #expect(typed(h) == "label -b", "#1 has no labels to remove")
        h.type("<C-u>label 3 -b<Tab>")
        #expect(typed(h) == "label 3 -bug ")
        h.type("<C-u>priority u<Tab>")
        #expect(typed(h) == "priority urgent ")
        h.type("<C-u>clo<Tab>")
        #expect(typed(h) == "close")
        h.type("<C-u>goto 4<Tab>")
        #expect(typed(h) == "goto 4 ")
        h.type("<C-u>swimlanes a<Tab>")
        #expect(typed(h) == "swimlanes assignee ")
    }

    @Test func completionWorksAtTheCursorNotOnlyAtTheEnd() throws {
        let h = try harness()
        h.type(":move re doing<Left><Left><Left><Left><Left><Left><Tab>")
        #expect(typed(h) == "move review  doing")
        #expect(h.session.ui.prompt?.editor.beforeCursor == "move review ")
    }

    @Test func queryWordsAndTheirValuesCompleteInTheFilter() throws {
        let h = try harness()
        h.type("/label:b<Tab>")
        #expect(typed(h) == "label:b", "bug and backend share only b")
        h.type("u<Tab>")
        #expect(typed(h) == "label:bug ")
        #expect(h.session.ui.filter.source == "label:bug", "a completed word filters at once")
        h.type("-lab<Tab>")
        #expect(typed(h) == "label:bug -label:")
        h.type("ba<Tab>")
        #expect(typed(h) == "label:bug -label:backend ")
        h.type("assignee:h<Tab>is:op<Tab>priority:hi<Tab>column:do<Tab>") // is:o is open or overdue
        #expect(typed(h) == "label:bug -label:backend assignee:helen is:open priority:high column:do")
        h.type("<C-u>sort:up<Tab>")
        #expect(typed(h) == "sort:updated")
    }

    @Test func aSecondTabShowsTheCandidatesAboveThePrompt() throws {
        let h = try harness()
        h.type(":move <Tab>")
        #expect(h.session.ui.prompt?.candidates == [], "the first Tab only completes")
        h.type("<Tab>")
        #expect(h.session.ui.prompt?.candidates == ["backlog", "todo", "doing", "review", "done"])
        let lines = h.screenText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[lines.count - 2].contains("backlog  todo  doing  review  done"))
        #expect(lines[lines.count - 1].hasPrefix(":move"))
        h.type("d")
        #expect(h.session.ui.prompt?.candidates == [], "typing hides the list")
        h.type("<Tab><Tab>")
        #expect(h.session.ui.prompt?.candidates == ["doing", "done"])
        h.type("<Esc>/label:<Tab><Tab>")
        #expect(h.session.ui.prompt?.candidates == ["backend", "bug"])
    }

    @Test func unassignCompletesTheAssigneesOfTheIssueTheActionAppliesTo() throws {
        let h = try harness()
        h.type("vjj") // the list selects #3 (cy); the board still selects #1
        #expect(h.session.ui.listSelected == 3)
        h.type("A<Tab>")
        #expect(typed(h) == "cy ")
        h.type("<Esc>j<Space>k<Space>A<Tab><Tab>")
        #expect(h.session.ui.marked == [3, 4])
        #expect(h.session.ui.prompt?.candidates == ["cy", "helen"])
    }
}
