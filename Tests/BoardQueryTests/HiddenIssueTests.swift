import Testing
@testable import BoardModel
@testable import BoardQuery
import LanesTestSupport

/// Archived issues leave the board and the default list, and `is:archived` finds them;
/// deleted issues leave every query.
@Suite struct HiddenIssueTests {
    func sample() throws -> BoardState {
        try board([.create(title: "shown bug", labels: ["bug"]), .create(title: "archived bug", labels: ["bug"]),
                   .create(title: "deleted bug", labels: ["bug"]), .create(title: "archived then deleted"),
                   .lifecycle(2, .archived), .lifecycle(3, .deleted), .lifecycle(4, .archived), .lifecycle(4, .deleted)])
    }

    func numbers(_ query: String, _ state: BoardState) throws -> [Int] {
        try Query.parse(query, on: state, me: "ann").run(on: state).map(\.number)
    }

    @Test func defaultQueriesShowNeitherArchivedNorDeleted() throws {
        let state = try sample()
        #expect(try numbers("", state) == [1])
        #expect(try numbers("label:bug", state) == [1])
        #expect(try numbers("bug", state) == [1], "free text too")
        #expect(try numbers("-is:archived", state) == [1])
    }

    @Test func isArchivedFindsArchivedButNeverDeleted() throws {
        let state = try sample()
        #expect(try numbers("is:archived", state) == [2])
        #expect(try numbers("is:archived label:bug is:open", state) == [2])
        #expect(throws: BoardError.self) { try Query.parse("is:gone", me: "ann") }
    }

    @Test func theBoardAndItsCountsLeaveHiddenIssuesOut() throws {
        let state = try sample()
        let projection = BoardProjection(state: state, query: .everything)
        #expect(projection.total == 1 && projection.list == [1])
        #expect(projection.lanes.flatMap(\.issues) == [1])
        let archived = BoardProjection(state: state, query: try Query.parse("is:archived", me: "ann"))
        #expect(archived.list == [2] && archived.total == 1)
        #expect(projection.showing(3, in: state).list == [1], "a deleted issue is never pinned into view")
    }

    /// Typing `is:archived` after a filter adds a term but widens the result: the cache must
    /// not look for it among the earlier result's issues.
    @Test func askingForArchivedIssuesDoesNotNarrowAnEarlierFilter() throws {
        let bug = try Query.parse("label:bug", me: "ann")
        let archivedBugs = try Query.parse("label:bug is:archived", me: "ann")
        #expect(!archivedBugs.narrows(bug))
        #expect(try Query.parse("label:bug -is:archived", me: "ann").narrows(bug))
    }
}
