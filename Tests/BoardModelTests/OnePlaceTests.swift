import Testing
@testable import BoardModel

/// Rules that the CLI, the prompt and the query language each used to spell out for
/// themselves, now read in one place.
@Suite struct OnePlaceTests {
    @Test func meInAnyCaseIsTheActorInQueriesAndInNames() throws {
        let query = try Query.parse("assignee:ME author:Me", me: "ann")
        #expect(query.terms.map(\.condition) == [.assignee("ann"), .author("ann")])
        #expect(try Query.parse("assignee:meg", me: "ann").terms.map(\.condition) == [.assignee("meg")])
        #expect(BoardState().resolveUsers(["@mE", "bob"], me: "ann").users == ["ann", "bob"])
    }

    @Test func labelEditsAddWithPlusOrBareAndRemoveWithMinus() {
        let edit = LabelEdit.parse(["+bug", "ui", "-wontfix", "-"])
        #expect(edit.add == ["bug", "ui"])
        #expect(edit.remove == ["wontfix", ""])
    }

    @Test func swimlaneNamesComeFromTheGroupings() {
        #expect(CommandName.swimlanes.argument == "none|assignee|priority|label")
        #expect(CommandName.swimlanes.help == "Split the board into bands: none → assignee → priority → label")
        #expect(Plural.choice(Swimlanes.names) == "none, assignee, priority or label")
        #expect(Plural.choice(["one"]) == "one")
    }
}
