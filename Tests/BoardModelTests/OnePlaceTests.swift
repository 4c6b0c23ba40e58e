import Testing
@testable import BoardModel

/// Rules that the CLI, the prompt and the query language each used to spell out for
/// themselves, now read in one place.
@Suite struct OnePlaceTests {
    @Test func meInAnyCaseIsTheActor() {
        #expect(BoardState.resolveMe("ME", as: "ann") == "ann")
        #expect(BoardState.resolveMe("meg", as: "ann") == nil)
        #expect(BoardState().resolveUsers(["@mE", "bob"], me: "ann").users == ["ann", "bob"])
    }

    @Test func labelEditsAddWithPlusOrBareAndRemoveWithMinus() {
        let edit = LabelEdit.parse(["+bug", "ui", "-wontfix", "-"])
        #expect(edit.add == ["bug", "ui"])
        #expect(edit.remove == ["wontfix", ""])
    }

    @Test func choicesReadAsASentence() {
        #expect(Plural.choice(["none", "assignee", "priority", "label"]) == "none, assignee, priority or label")
        #expect(Plural.choice(["one"]) == "one")
        #expect(Plural.choice([]) == "")
    }
}
