import Testing
@testable import BoardModel
@testable import BoardStore
@testable import LanesApp

/// The board's columns changed from the board: `:column …` with completion, the column menu
/// on `M`, WIP limits in the headers, and undo/redo of every column action.
@Suite struct ColumnSessionTests {
    func harness(rc: String = "") throws -> SessionHarness {
        let h = try SessionHarness(SessionTests.seed, rc: rc)
        h.type("l") // To do: #1, #2; Review: #3
        return h
    }

    func ids(_ h: SessionHarness) -> [String] { h.log.state.columns.map(\.id) }
    var defaults: [String] { Column.defaults.map(\.id) }

    /// Each action, then `u` puts the columns (and the issues) back, and <C-r> does it again.
    @Test(arguments: [
        (":column add QA --after doing --wip 2<Enter>", "added column QA after In progress, WIP limit 2"),
        (":column rename doing Doing now<Enter>", "renamed column doing to Doing now"),
        (":column move review --first<Enter>", "moved column Review first"),
        (":column remove todo --to doing<Enter>", "removed column todo, its issues to In progress; moved 2 issues to In progress"),
        (":column wip \"To do\" 1<Enter>", "set the WIP limit of To do to 1"),
        (":column closing review on<Enter>", "made Review a closing column"),
    ])
    func everyColumnActionIsSavedAndUndone(_ keys: String, _ said: String) throws {
        let h = try harness()
        let before = h.log.state.columns
        let issuesBefore = h.log.state.issues.values
        h.type(keys)
        #expect(h.session.ui.message?.text == said)
        let after = h.log.state.columns
        #expect(after != before)
        h.type("u")
        #expect(h.log.state.columns == before, "undo puts the columns back")
        #expect(h.log.state.issues.values.map(\.column) == issuesBefore.map(\.column), "and the issues")
        #expect(h.log.state.issues.values.map(\.isOpen) == issuesBefore.map(\.isOpen))
        h.type("<C-r>")
        #expect(h.log.state.columns == after, "redo does it again")
    }

    @Test func errorsAreOneLineAndChangeNothing() throws {
        let h = try harness()
        for (keys, error) in [
            (":column remove todo<Enter>", "To do holds 2 issues; move them with --to COLUMN (lanes columns remove todo --to COLUMN)"),
            (":column rename nope X<Enter>", "no column \"nope\"; columns are: backlog, todo, doing, review, done"),
            (":column add Review<Enter>", "a column \"Review\" (id review) exists already"),
            (":column wip todo lots<Enter>", "a WIP limit must be a whole number from 0 to 99999, not \"lots\""),
            (":column move todo<Enter>", "move needs --after COLUMN, --before COLUMN, --first or --last"),
            (":column closing todo maybe<Enter>", "closing takes on or off, not \"maybe\""),
            (":column explode todo<Enter>", "usage: :column add|rename|move|remove|wip|closing …"),
        ] {
            h.type(keys)
            #expect(h.session.ui.message == .init(error, isError: true), "\(keys)")
        }
        #expect(ids(h) == defaults)
    }

    /// Someone else renamed the column since: undo leaves their name.
    @Test func undoLeavesAColumnSomeoneElseChangedSince() throws {
        let h = try harness()
        h.type(":column rename doing Mine<Enter>")
        try EventLog.open(h.log.location).commit([.column(.rename("doing", to: "Alice's"))], actor: "alice")
        h.session.refreshFromOthers()
        h.type("u")
        #expect(h.log.state.column(named: "doing")?.name == "Alice's")
        #expect(h.session.ui.message?.text == "column doing was changed by alice since; left as is")
    }

    @Test func columnArgumentsComplete() throws {
        let h = try harness()
        h.type(":column re<Tab>")
        #expect(h.session.ui.prompt?.editor.text == "column re", "rename and remove")
        h.type("n<Tab>")
        #expect(h.session.ui.prompt?.editor.text == "column rename ")
        h.type("rev<Tab>")
        #expect(h.session.ui.prompt?.editor.text == "column rename review ")
        h.type("<C-u>column wip todo n<Tab>")
        #expect(h.session.ui.prompt?.editor.text == "column wip todo none ")
        h.type("<C-u>column closing done of<Tab>")
        #expect(h.session.ui.prompt?.editor.text == "column closing done off ")
        h.type("<C-u>column move todo --a<Tab>")
        #expect(h.session.ui.prompt?.editor.text == "column move todo --after ")
        h.type("do<Tab>")
        #expect(h.session.ui.prompt?.editor.text == "column move todo --after do", "doing and done")
    }

    @Test func theColumnMenuIsOnMAndInHelp() throws {
        let h = try harness()
        h.type("M")
        #expect(h.session.ui.prompt?.editor.text == "column ")
        #expect(h.session.ui.prompt?.candidates.first == "add NAME")
        #expect(h.session.ui.prompt?.candidates.contains("rename todo NAME") == true, "for the selected column")
        #expect(h.screenText.contains("rename todo NAME"))
        h.type("wip todo 3<Enter>")
        #expect(h.log.state.column(named: "todo")?.wip == 3)
        h.type("?")
        #expect(h.screenText.contains("Column menu"))
    }

    /// The board's limit is everyone's; an rc `set wip` overrides it for this person.
    @Test func wipLimitsAreTheBoardsUnlessTheRCOverridesThem() throws {
        let h = try harness()
        h.type(":column wip todo 1<Enter>")
        #expect(h.screenText.contains("2/1"))
        let mine = try harness(rc: "set wip todo 5\n")
        try EventLog.open(mine.log.location).commit([.column(.limit("todo", wip: 1))], actor: "alice")
        mine.session.refreshFromOthers()
        #expect(mine.screenText.contains("2/5") && !mine.screenText.contains("2/1"))
    }

    @Test func columnChangesShowInTheActivityView() throws {
        let h = try harness()
        h.type(":column add QA<Enter>T")
        #expect(h.screenText.contains("board added column QA after Done"))
        h.type("<Enter>")
        #expect(h.session.ui.view == .activity, "a board event opens no issue")
    }
}
