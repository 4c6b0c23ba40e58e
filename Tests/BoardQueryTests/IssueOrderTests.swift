import Testing
@testable import BoardModel
@testable import BoardQuery
import LanesTestSupport

/// The session's order of every issue, sorted once per board version: each lane by rank and
/// the list by the sort key, equal ones by number, whatever order the issues were created in.
@Suite struct IssueOrderTests {
    /// Issues created out of number order (an import keeps its source's numbers), most with one
    /// rank and one priority, so that ties are broken by number, not by creation.
    func boardCreatedOutOfOrder() -> BoardState {
        var factory = EventFactory()
        var state = BoardState(now: Timestamp(milliseconds: 1_800_000_000_000))
        let made: [(Int, String, Double, Priority)] = [(9, "todo", 1, .medium), (2, "todo", 1, .high), (7, "doing", 3, .medium),
                                                      (4, "todo", 0.5, .medium), (12, "doing", 3, .low), (1, "todo", 1, .medium),
                                                      (30, "gone", 2, .medium), (5, "gone", 2, .high)]
        for (minute, (number, column, rank, priority)) in made.enumerated() {
            state.apply(factory.make(number, .created(title: "#\(number)", body: "", column: column, rank: rank, priority: priority),
                                     minute: minute % 3))
        }
        return state
    }

    @Test func lanesAreByRankThenNumberWithAnUnknownColumnLast() {
        let state = boardCreatedOutOfOrder()
        let order = IssueOrder(state: state, sort: QuerySort())
        let lanes = order.lanes.map { $0.map { state.issues.values[Int($0)].number } }
        #expect(order.columns.map(\.id) == Column.defaults.map(\.id) + ["gone"])
        #expect(lanes == [[], [4, 1, 2, 9], [7, 12], [], [], [5, 30]])
    }

    @Test func theListIsInEverySortsOrderWithTiesByNumber() {
        let state = boardCreatedOutOfOrder()
        for key in QuerySort.Key.allCases {
            for descending in [false, true] {
                let sort = QuerySort(key: key, descending: descending)
                let list = IssueOrder(state: state, sort: sort).list.map { state.issues.values[Int($0)].number }
                #expect(list == sort.apply(state.issues.values).map(\.number), "\(sort)")
            }
        }
        #expect(IssueOrder(state: state, sort: QuerySort()).list.map { state.issues.values[Int($0)].number } == [1, 2, 4, 5, 7, 9, 12, 30])
    }
}
