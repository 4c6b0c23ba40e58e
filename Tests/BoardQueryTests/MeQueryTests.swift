import Testing
@testable import BoardModel
@testable import BoardQuery

/// `assignee:me` and `author:me` mean the actor, as `:assign me` and `lanes add --assign me` do.
@Suite struct MeQueryTests {
    @Test func meInAnyCaseIsTheActorInQueries() throws {
        let query = try Query.parse("assignee:ME author:Me", me: "ann")
        #expect(query.terms.map(\.condition) == [.assignee("ann"), .author("ann")])
        #expect(try Query.parse("assignee:meg", me: "ann").terms.map(\.condition) == [.assignee("meg")])
    }

    @Test func swimlaneNamesComeFromTheGroupings() {
        #expect(Swimlanes.names == ["none", "assignee", "priority", "label"])
    }
}
