import Testing
import Screen
@testable import BoardModel
@testable import BoardQuery
@testable import BoardInteraction
import LanesTestSupport

/// The `:` line's grammar (issue numbers, aliases, arguments a command does not take) and the
/// reducer's prompt decisions (completion targets, a bad filter on <Enter>), without a session.
@Suite struct CommandArgumentParseTests {
    @Test func issueNumbersAliasesAndBareNumbersParse() throws {
        #expect(try Command.parse("close 12") == Command(.closeReopen, issue: 12))
        #expect(try Command.parse("open #7") == Command(.openIssue, issue: 7))
        #expect(try Command.parse("assign 12 bob me") == Command(.assign, argument: "bob me", issue: 12))
        #expect(try Command.parse("move #3 doing") == Command(.move, argument: "doing", issue: 3))
        #expect(try Command.parse("12") == Command(.goto, issue: 12))
        #expect(try Command.parse(" #12 ") == Command(.goto, issue: 12))
        #expect(try Command.parse("comment-line 2 people agree") == Command(.commentLine, argument: "2 people agree"))
        #expect(try Command.parse("comment-line #2 agreed") == Command(.commentLine, argument: "agreed", issue: 2))
        #expect(try Command.parse("new-issue 12") == Command(.newIssue, argument: "12"))
        #expect(try Command.parse("view 2") == Command(.view, argument: "2"))
        #expect(try Command.parse("label +2024") == Command(.label, argument: "+2024"), "a signed word is a label")
        #expect(try Command.parse("label 7 -2024") == Command(.label, argument: "-2024", issue: 7))
    }

    @Test func argumentsACommandDoesNotTakeAreRejected() {
        #expect(throws: BoardError.invalid("undo takes no arguments")) { try Command.parse("undo 3") }
        #expect(throws: BoardError.invalid("close-reopen takes only an issue number: :close-reopen [NUMBER]")) {
            try Command.parse("close 12 now")
        }
        #expect(throws: BoardError.invalid("goto takes only an issue number: :goto [NUMBER]")) { try Command.parse("12 bob") }
        #expect(throws: BoardError.invalid("move needs a column: :move [NUMBER] COLUMN")) { try Command.parse("move 4") }
    }

    /// #1 #2 in todo, #3 in review (assigned to cy, labelled bug).
    func context(_ ui: UIState) throws -> ReduceContext {
        let state = try board([.create(title: "one", column: "todo"), .create(title: "two", column: "todo"),
                               .create(title: "three", column: "review", labels: ["bug"], assignees: ["cy"])])
        return ReduceContext(board: state, projection: BoardProjection(state: state, query: ui.filter), actor: "ann")
    }

    /// Types `text` into the open prompt, key by key (`\r` is <Enter>, Ctrl-U is itself).
    func type(_ text: String, _ ui: inout UIState) throws {
        for character in text {
            let key: Key = switch character {
            case "\r": .enter
            case "\u{15}": .control("u")
            default: .character(character)
            }
            _ = reduce(&ui, .key(key), try context(ui))
        }
    }

    @Test func completionUsesTheIssueTheActionAppliesToInTheViewShown() throws {
        var ui = UIState()
        ui.column = 1 // the board selects #1
        ui.view = .list
        ui.listSelected = 3
        ui.prompt = UIState.Prompt(kind: .unassign)
        _ = reduce(&ui, .key(.tab), try context(ui))
        #expect(ui.prompt?.editor.text == "cy ")
        ui.prompt = UIState.Prompt(kind: .command, text: "label 2 -")
        _ = reduce(&ui, .key(.tab), try context(ui))
        #expect(ui.prompt?.editor.text == "label 2 -", "#2 has no labels to remove")
        ui.prompt = UIState.Prompt(kind: .command, text: "label -")
        _ = reduce(&ui, .key(.tab), try context(ui))
        #expect(ui.prompt?.editor.text == "label -bug ")
    }

    @Test func enterOnABadFilterKeepsThePromptAndTheFilterInForce() throws {
        var ui = UIState()
        _ = reduce(&ui, Command(.filter, argument: "label:bug"), try context(ui))
        _ = reduce(&ui, Command(.filter), try context(ui))
        try type("\u{15}priority:h", &ui) // the prompt opens with the filter in force
        #expect(ui.filter.source == "priority:h")
        try type("uge\r", &ui)
        #expect(ui.filter.source == "label:bug")
        #expect(ui.prompt?.kind == .filter && ui.message?.isError == true)
        try type("\u{15}is:open\r", &ui) // Ctrl-U rubs the line out
        #expect(ui.prompt == nil && ui.filter.source == "is:open" && ui.viewName == "filter")
    }

    /// Each bad query's error names the word that is wrong, so a filter that stays in force can be fixed.
    @Test(arguments: [("label:bug priority:huge", "priority:huge: no priority \"huge\"; use urgent, high, medium, low or none"),
                      ("is:nonsense", "is:nonsense"), ("foo:bar", "foo:"), ("sort:colour", "colour"),
                      ("updated:<7x", "updated:<7x"), ("label:", "label:")])
    func badQueryErrorsNameTheBadWord(_ text: String, _ named: String) {
        #expect { try Query.parse(text, me: "ann") } throws: { ($0 as? BoardError)?.description.contains(named) == true }
    }
}
