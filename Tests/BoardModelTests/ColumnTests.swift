import Testing
@testable import BoardModel
import LanesTestSupport

/// The board's own columns: `column-*` events, where issues land when their column goes, and
/// the inverse each change has for undo.
@Suite struct ColumnTests {
    let now = Timestamp(milliseconds: 1_780_000_000_000)

    func apply(_ change: ColumnChange, to state: inout BoardState) throws {
        state.apply(try state.events(for: .column(change), actor: "ann", at: now))
    }

    func ids(_ state: BoardState) -> [String] { state.columns.map(\.id) }

    @Test func addPlacesTheColumnAndChoosesAnIdFromTheName() throws {
        var state = try board([])
        try apply(.add(Column(id: state.newColumnID(for: "Won't fix"), name: "Won't fix", isClosing: true)), to: &state)
        try apply(.add(Column(id: "qa", name: "QA", wip: 3), at: .after("doing")), to: &state)
        try apply(.add(Column(id: "new", name: "New"), at: .first), to: &state)
        try apply(.add(Column(id: "blocked", name: "Blocked"), at: .before("Review")), to: &state)
        #expect(ids(state) == ["new", "backlog", "todo", "doing", "qa", "blocked", "review", "done", "wont-fix"])
        #expect(state.column(named: "qa")?.wip == 3)
        #expect(state.column(named: "Won't fix")?.isClosing == true)
        #expect(throws: BoardError.invalid("a column \"QA\" (id qa) exists already")) {
            try state.events(for: .column(.add(Column(id: "other", name: "qa"))), actor: "ann", at: now)
        }
        #expect(throws: BoardError.invalid("a column id is one word without spaces or colons, not \"-\"")) {
            try state.events(for: .column(.add(Column(id: "-", name: "Dash"))), actor: "ann", at: now)
        }
    }

    @Test func renameMoveWipAndClosingAcceptIdsOrNames() throws {
        var state = try board([.create(title: "a", column: "review")])
        try apply(.rename("In progress", to: "Doing now"), to: &state)
        try apply(.move("doing", to: .first), to: &state)
        try apply(.move("Backlog", to: .last), to: &state)
        try apply(.limit("Doing now", wip: 2), to: &state)
        #expect(ids(state) == ["doing", "todo", "review", "done", "backlog"])
        #expect(state.column(named: "doing")?.name == "Doing now" && state.column(named: "doing")?.wip == 2)
        try apply(.setClosing("review", true), to: &state)
        #expect(state.issues[1]!.isOpen == false, "an issue in a column made closing is closed")
        try apply(.setClosing("review", false), to: &state)
        #expect(state.issues[1]!.isOpen)
        #expect(try state.events(for: .column(.limit("doing", wip: 2)), actor: "ann", at: now).isEmpty, "nothing to change")
        state.apply(try state.events(for: .close(1), actor: "ann", at: now))
        #expect(throws: BoardError.invalid("Done is the only closing column and closed issues are in it; make another closing first")) {
            try state.events(for: .column(.setClosing("done", false)), actor: "ann", at: now)
        }
        try apply(.setClosing("backlog", true), to: &state)
        try apply(.setClosing("done", false), to: &state)
        #expect(state.issues[1]!.isOpen, "its issues reopen")
        #expect(throws: BoardError.noSuchColumn("nope", available: ids(state))) {
            try state.events(for: .column(.rename("nope", to: "x")), actor: "ann", at: now)
        }
    }

    @Test func removeIsRefusedWhileTheColumnHoldsIssuesAndMovesThemWithTo() throws {
        var state = try board([.create(title: "a", column: "todo"), .create(title: "b", column: "todo")])
        #expect(throws: BoardError.invalid("To do holds 2 issues; move them with --to COLUMN (lanes columns remove todo --to COLUMN)")) {
            try state.events(for: .column(.remove("To do")), actor: "ann", at: now)
        }
        let events = try state.events(for: .column(.remove("todo", to: "doing")), actor: "ann", at: now)
        #expect(events.map(\.kind.name) == ["moved", "moved", "column-removed"], "each issue gets its moved event")
        state.apply(events)
        #expect(state.issues.values.allSatisfy { $0.column == "doing" })
        #expect(state.column(named: "todo") == nil)
        try apply(.remove("review"), to: &state)
        #expect(ids(state) == ["backlog", "doing", "done"])
    }

    /// Another clone moved issues into a column this one removed: they land in its `--to`
    /// column (or the first), whichever order the merge puts the events in.
    @Test func issuesMovedIntoARemovedColumnLandWhereTheRemovalSays() throws {
        var factory = EventFactory()
        var state = BoardState(now: now)
        state.apply(factory.make(1, .created(title: "a", body: "", column: "todo", rank: 1, priority: .none)))
        state.apply(factory.make(2, .created(title: "b", body: "", column: "backlog", rank: 1, priority: .none)))
        state.apply(factory.make(0, .column(.removed("review", to: "doing"))))
        state.apply(factory.make(1, .moved(from: "todo", to: "review", rank: 5)))
        state.apply(factory.make(0, .column(.removed("backlog", to: nil))))
        #expect(state.issues[1]!.column == "doing")
        #expect(state.issues[2]!.column == "todo", "no --to: the first column")
        state.apply(factory.make(3, .created(title: "c", body: "", column: "backlog", rank: 1, priority: .none)))
        #expect(state.issues[3]!.column == "todo")
        // Events about a column that is gone change nothing and are no problem.
        #expect(state.apply(factory.make(0, .column(.renamed("review", name: "R")))) == nil)
        #expect(state.events.count == 7, "column events are in the board's timeline")
    }

    @Test(arguments: [
        ColumnChange.add(Column(id: "qa", name: "QA"), at: .after("doing")),
        .rename("doing", to: "Doing"), .move("doing", to: .first), .remove("review"),
        .limit("todo", wip: 4), .setClosing("review", true),
    ])
    func everyChangeHasAnInverseThatPutsTheColumnsBack(_ change: ColumnChange) throws {
        var state = try board([.column(.limit("todo", wip: 2))])
        let before = state.columns
        let inverse = try #require(state.inverse(of: .column(change)))
        try apply(change, to: &state)
        #expect(state.columns != before)
        for undo in inverse { state.apply(try state.events(for: undo, actor: "ann", at: now)) }
        #expect(state.columns == before)
    }
}
