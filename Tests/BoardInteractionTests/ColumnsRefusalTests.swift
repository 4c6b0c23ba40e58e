import Testing
@testable import BoardModel
@testable import BoardQuery
@testable import BoardInteraction
import LanesTestSupport

/// A member through the SSH gateway may do everything on issues but not change columns.
struct ColumnsRefusalTests {
    func context(_ board: BoardState, refusal: String?) -> ReduceContext {
        var context = ReduceContext(board: board, projection: BoardProjection(state: board, query: .everything), actor: "bob")
        context.columnsRefusal = refusal
        return context
    }

    @Test func columnChangesAreRefusedBeforeAnyPromptOrSave() throws {
        let board = try board([.create(title: "one", column: "todo")])
        for name in CommandName.columnChanging {
            var ui = UIState()
            let effects = reduce(&ui, .command(Command(name, argument: "add review")), context(board, refusal: "`columns` is for admins (you are a member)"))
            #expect(effects.isEmpty && ui.prompt == nil, "\(name)")
            #expect(ui.message?.text == "`columns` is for admins (you are a member)" && ui.message?.isError == true)
        }
    }

    @Test func issueChangesAndAdminsAreNotRefused() throws {
        let board = try board([.create(title: "one", column: "todo")])
        var ui = UIState()
        ui.column = 1
        let move = reduce(&ui, .command(Command(.moveCardRight)), context(board, refusal: "`columns` is for admins (you are a member)"))
        #expect(move.contains { if case .save = $0 { true } else { false } })
        var admin = UIState()
        let column = reduce(&admin, .command(Command(.column, argument: "add review")), context(board, refusal: nil))
        #expect(column.contains { if case .save = $0 { true } else { false } })
    }
}
