import Testing
@testable import BoardModel
@testable import BoardQuery
import LanesTestSupport

/// A column taken out of the board's columns (a `columns` event without it) keeps its issues
/// reachable: they show in an extra lane marked as removed, after the board's own.
@Suite struct RemovedColumnTests {
    func boardWithoutReview() throws -> BoardState {
        var state = try board([.create(title: "in review", column: "review"), .create(title: "todo", column: "todo"),
                               .create(title: "also in review", column: "review")])
        var factory = EventFactory()
        state.apply(factory.make(0, .columns(Column.defaults.filter { $0.id != "review" })))
        return state
    }

    @Test func issuesOfARemovedColumnShowInALaneMarkedRemoved() throws {
        let state = try boardWithoutReview()
        let projection = BoardProjection(state: state, query: .everything)
        #expect(projection.lanes.map(\.column.id) == ["backlog", "todo", "doing", "done", "review"])
        let removed = projection.lanes.last!
        #expect(removed.column.name == "review (removed)")
        #expect(removed.issues == [1, 3])
        #expect(projection.lanes.reduce(0) { $0 + $1.issues.count } == projection.list.count, "every issue listed is on the board")
    }

    @Test func theOrderKeptPerVersionFollowsARemovedColumn() throws {
        var state = try board([.create(title: "a", column: "review"), .create(title: "b", column: "todo")])
        var order = IssueOrder(state: state, sort: QuerySort())
        var factory = EventFactory()
        let event = factory.make(0, .columns(Column.defaults.filter { $0.id != "review" }))
        state.apply(event)
        order = order.updating([0], in: state)
        let fresh = IssueOrder(state: state, sort: QuerySort())
        #expect(order.columns == fresh.columns && order.lanes == fresh.lanes)
        #expect(BoardProjection(state: state, query: .everything, order: order).lanes.last!.issues == [1])
    }
}
