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
