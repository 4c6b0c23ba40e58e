import Testing
@testable import BoardModel
import LanesTestSupport

/// Comment edits and deletions (#15): folded from the timeline, the author's alone, undoable,
/// and the same whatever order two clones' logs were merged in.
@Suite struct CommentTests {
    let now = Timestamp(milliseconds: 1_780_000_000_000)

    func commented() throws -> (BoardState, EventID) {
        var state = try board([.create(title: "a")])
        let events = try state.events(for: .comment(1, "frist"), actor: "ann", at: now)
        state.apply(events)
        return (state, events[0].id)
    }

    @Test func editsApplyInTimeOrderWhateverTheLogOrder() throws {
        var factory = EventFactory()
        let comment = factory.make(1, .commented("one"))
        let first = factory.make(1, .commentEdited(comment.id, text: "two"), minute: 5)
        let second = factory.make(1, .commentEdited(comment.id, text: "three"), by: "ann", minute: 9)
        let created = factory.make(1, .created(title: "t", body: "", column: "backlog", rank: 1, priority: .none), minute: 0)
        for order in [[created, comment, first, second], [created, comment, second, first]] {
            let comments = IssueComment.all(in: order)
            #expect(comments.count == 1)
            #expect(comments[0].text == "three")
            #expect(comments[0].versions.map(\.text) == ["one", "two"])
            #expect(comments[0].versions.map(\.id) == [comment.id, first.id])
            #expect(comments[0].summary == "commented (edited)")
        }
    }

    @Test func onlyTheAuthorMayChangeAComment() throws {
        let (state, id) = try commented()
        #expect(throws: BoardError.invalid("only ann can edit comment \(id) on #1 (it is theirs; you are bob)")) {
            try state.events(for: .editComment(1, id, "x"), actor: "bob", at: now)
        }
        #expect(throws: BoardError.invalid("only ann can delete comment \(id) on #1 (it is theirs; you are bob)")) {
            try state.events(for: .deleteComment(1, id), actor: "bob", at: now)
        }
        #expect(try state.events(for: .editComment(1, id, "frist"), actor: "ann", at: now).isEmpty, "same text: nothing to change")
    }

    @Test func undoOfADeletionBringsTheTextBack() throws {
        var (state, id) = try commented()
        let inverse = try #require(state.inverse(of: .deleteComment(1, id)))
        state.apply(try state.events(for: .deleteComment(1, id), actor: "ann", at: now))
        #expect(state.comments(of: 1)[0].isDeleted)
        #expect(state.comments(of: 1)[0].summary == "commented (deleted)")
        state.apply(try state.events(for: inverse[0], actor: "ann", at: now))
        #expect(!state.comments(of: 1)[0].isDeleted)
        #expect(state.comments(of: 1)[0].text == "frist")
    }
}
