import Testing
@testable import BoardModel
@testable import BoardQuery
@testable import BoardInteraction
import LanesTestSupport

@Suite struct ReducerTests {
    /// Board: todo has #1 #2 #3, doing has #4, others empty.
    func sample() throws -> BoardState {
        try board([.create(title: "one", column: "todo"), .create(title: "two", column: "todo"),
                   .create(title: "three", column: "todo"), .create(title: "four", column: "doing")])
    }

    struct Harness {
        var board: BoardState
        var ui = UIState()
        var query = Query.everything

        init(_ board: BoardState) {
            self.board = board
            ui.column = 1
        }

        @discardableResult
        mutating func run(_ name: CommandName, _ argument: String = "") -> [Effect] {
            send(.command(Command(name, argument: argument)))
        }

        /// Handles a message and feeds the outcome of each save back, the way the run loop does,
        /// so the next command sees it.
        @discardableResult
        mutating func send(_ message: Message) -> [Effect] {
            let effects = reduce(&ui, message, context)
            for case .save(let request) in effects {
                var recording = UndoStep.Recording()
                var events: [Event] = []
                for change in request.changes {
                    recording.see(change, before: board)
                    let batch = try! board.events(for: change, actor: "ann", at: .now)
                    board.apply(batch)
                    events += batch
                }
                _ = reduce(&ui, .saved(SaveResult(request: request, events: events, parts: recording.changedParts(in: board))), context)
            }
            return effects
        }

        var context: ReduceContext {
            ReduceContext(board: board, projection: BoardProjection(state: board, query: ui.filter), actor: "ann", pageSize: 2)
        }

        var selected: Int? {
            BoardSelection.issue(ui, BoardProjection(state: board, query: ui.filter).lanes)
        }
    }

    @Test func cursorMovesWithinAndAcrossColumns() throws {
        var h = Harness(try sample())
        #expect(h.selected == 1)
        h.run(.cursorDown)
        #expect(h.selected == 2)
        h.run(.cursorLast)
        #expect(h.selected == 3)
        h.run(.cursorDown)
        #expect(h.selected == 3, "stops at the bottom")
        h.run(.cursorFirst)
        #expect(h.selected == 1)
        h.run(.cursorRight)
        #expect(h.ui.column == 2 && h.selected == 4)
        h.run(.cursorLeft)
        #expect(h.selected == 1, "each column remembers its selection")
        for _ in 0..<10 { h.run(.cursorLeft) }
        #expect(h.ui.column == 0 && h.selected == nil)
    }

    @Test func moveCardRightSavesAMoveAndKeepsTheCardSelected() throws {
        var h = Harness(try sample())
        h.run(.cursorDown)
        let reactions = h.run(.moveCardRight)
        #expect(reactions == [.save(SaveRequest([.move(2, to: "doing")], keep: 2))])
        #expect(h.board.issues[2]!.column == "doing")
        #expect(h.ui.column == 2 && h.selected == 2)
        h.run(.moveCardLeft)
        #expect(h.board.issues[2]!.column == "todo" && h.selected == 2)
    }

    @Test func moveCardPastTheEdgesIsAMessageNotASave() throws {
        var h = Harness(try sample())
        h.ui.column = 0
        #expect(h.run(.moveCardLeft).isEmpty)
        #expect(h.ui.message?.isError == true)
        h.ui.column = 4
        #expect(h.run(.moveCardRight).isEmpty)
    }

    @Test func moveCardUpAndDownReorders() throws {
        var h = Harness(try sample())
        h.run(.cursorLast)
        h.run(.moveCardUp)
        #expect(BoardProjection(state: h.board, query: .everything).lanes[1].issues == [1, 3, 2])
        h.run(.moveCardUp)
        #expect(BoardProjection(state: h.board, query: .everything).lanes[1].issues == [3, 1, 2])
        #expect(h.selected == 3)
        #expect(h.run(.moveCardUp).isEmpty, "already at the top")
        h.run(.moveCardDown)
        #expect(BoardProjection(state: h.board, query: .everything).lanes[1].issues == [1, 3, 2])
    }

    @Test func openAndBack() throws {
        var h = Harness(try sample())
        h.run(.openIssue)
        #expect(h.ui.view == .issue(1))
        h.run(.help)
        #expect(h.ui.view == .help)
        h.run(.back)
        #expect(h.ui.view == .issue(1))
        h.run(.back)
        #expect(h.ui.view == .board)
        #expect(h.run(.back) == [.quit], "q quits from the board")
    }

    @Test func toggleViewKeepsTheSelection() throws {
        var h = Harness(try sample())
        h.run(.cursorDown)
        h.run(.toggleView)
        #expect(h.ui.view == .list && h.ui.listSelected == 2)
        h.run(.cursorDown)
        h.run(.cursorDown)
        #expect(h.ui.listSelected == 4)
        h.run(.toggleView)
        #expect(h.ui.view == .board && h.ui.column == 2 && h.selected == 4)
    }

    @Test func filterCommandAndItsErrors() throws {
        var h = Harness(try sample())
        h.run(.filter, "three")
        #expect(BoardProjection(state: h.board, query: h.ui.filter).list == [3])
        h.run(.filter, "colour:red")
        #expect(h.ui.message?.isError == true)
        #expect(BoardProjection(state: h.board, query: h.ui.filter).list == [3], "a bad filter keeps the last good one")
        h.run(.cancel)
        #expect(h.ui.filter.isEmpty)
        h.run(.filter)
        #expect(h.ui.prompt?.kind == .filter)
    }

    @Test func moveCommandResolvesColumnNames() throws {
        var h = Harness(try sample())
        #expect(h.run(.move, "In Progress") == [.save(SaveRequest([.move(1, to: "doing")], keep: 1))])
        #expect(h.selected == 1 && h.ui.column == 2)
        #expect(h.run(.move, "doign").isEmpty)
        #expect(h.ui.message?.text.hasPrefix("no column \"doign\"") == true)
    }

    @Test func pagingAndScrollingInTheIssueView() throws {
        var h = Harness(try sample())
        h.run(.pageDown)
        #expect(h.selected == 3)
        h.run(.openIssue)
        h.run(.cursorDown)
        h.run(.cursorDown)
        #expect(h.ui.scroll == 2)
        h.run(.cursorFirst)
        #expect(h.ui.scroll == 0)
    }
}

extension ReducerTests {
    /// `:view N` with any number a person can type: out of range is "no view", never a trap.
    @Test(arguments: ["-9223372036854775808", "9223372036854775807", "0", "-1", "99"])
    func viewNumbersOutOfRangeAreNoView(_ number: String) throws {
        var h = Harness(try sample())
        h.run(.view, number)
        #expect(h.ui.message?.text.hasPrefix("no view \"\(number)\"") == true)
        h.run(.view, "2")
        #expect(h.ui.viewName == "mine")
        #expect(h.ui.message == nil)
    }

    @Test func messagesOpensAndScrollsAndBacksOut() throws {
        var h = Harness(try sample())
        h.run(.messages)
        #expect(h.ui.view == .messages)
        h.run(.cursorDown)
        #expect(h.ui.scroll == 1)
        h.run(.back)
        #expect(h.ui.view == .board)
    }
}
