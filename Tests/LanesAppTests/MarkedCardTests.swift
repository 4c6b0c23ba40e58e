import Testing
@testable import BoardModel
@testable import BoardQuery
@testable import BoardStore
@testable import LanesApp

/// `H`/`L`/`K`/`J` act on marked cards the way `m`, `x`, `a`, `t` and `p` do.
@Suite struct MarkedCardTests {
    /// #1…#4 in To do (in that order), #5 in Review.
    func harness() throws -> SessionHarness {
        let h = try SessionHarness((1...4).map { .create(title: "card \($0)", column: "todo") }
                                   + [.create(title: "card 5", column: "review")])
        h.type("l") // To do: #1
        return h
    }

    func order(_ h: SessionHarness, _ column: String) -> [Int] {
        Array(BoardProjection(state: h.log.state, query: .everything).lanes.first { $0.column.id == column }!.issues)
    }

    /// The defect: `<Space><Space>L` moved the unmarked card under the cursor.
    @Test func moveRightMovesTheMarkedCardsNotTheOneUnderTheCursor() throws {
        let h = try harness()
        h.type("<Space><Space>") // marks #1 and #2; the cursor is on #3
        h.type("L")
        #expect(order(h, "doing") == [1, 2])
        #expect(order(h, "todo") == [3, 4])
        h.type("H")
        #expect(order(h, "todo") == [3, 4, 1, 2])
        h.type("u")
        #expect(order(h, "doing") == [1, 2], "one undo step for both")
    }

    @Test func markedCardsInDifferentColumnsEachMoveOneColumn() throws {
        let h = try harness()
        h.type("<Space>ll<Space>") // #1 in To do, #5 in Review
        h.type("L")
        #expect(h.issue(1).column == "doing" && h.issue(5).column == "done")
        #expect(h.session.ui.message?.text == "moved #1 to In progress; moved #5 to Done")
    }

    @Test func downAndUpMoveMarkedCardsAsABlock() throws {
        let h = try harness()
        h.type("<Space><Space>") // #1, #2
        h.type("J")
        #expect(order(h, "todo") == [3, 1, 2, 4])
        h.type("J")
        #expect(order(h, "todo") == [3, 4, 1, 2])
        h.type("J")
        #expect(h.session.ui.message?.text == "already at the bottom")
        h.type("KK")
        #expect(order(h, "todo") == [1, 2, 3, 4])
    }

    @Test func separatedMarksEachMoveOnePlace() throws {
        let h = try harness()
        h.type("<Space>j<Space>") // #1 and #3
        h.type("J")
        #expect(order(h, "todo") == [2, 1, 4, 3])
    }

    @Test func moveOnTheCommandLineMovesTheMarkedCards() throws {
        let h = try harness()
        h.type("<Space><Space>:move review<Enter>") // the cursor is on the unmarked #3
        #expect(order(h, "review") == [5, 1, 2])
        #expect(order(h, "todo") == [3, 4])
    }
}
