import Testing
@testable import BoardModel
@testable import BoardInteraction

@Suite struct CommandTableTests {
    @Test func commandParsing() throws {
        #expect(try Command.parse("move doing") == Command(.move, argument: "doing"))
        #expect(try Command.parse("  filter label:bug is:open ") == Command(.filter, argument: "label:bug is:open"))
        #expect(throws: BoardError.self) { try Command.parse("frobnicate") }
        #expect(throws: BoardError.self) { try Command.parse("move") }
    }
}

/// The `:swimlanes` usage and help spell the groupings from `Swimlanes`.
@Suite struct SwimlaneNamesTests {
    @Test func swimlanesArgumentAndHelpNameEveryGrouping() {
        #expect(CommandName.swimlanes.argument == "none|assignee|priority|label")
        #expect(CommandName.swimlanes.help == "Split the board into bands: none → assignee → priority → label")
    }
}
