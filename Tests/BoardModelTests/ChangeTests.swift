import Testing
@testable import BoardModel
import LanesTestSupport

@Suite struct ChangeTests {
    /// Numbers past the slot array's ten million are hashed and behave like any other; the
    /// log's nine digits are the limit, and creating past it fails instead of reporting a
    /// number that does not exist.
    @Test func numbersGoPastTenMillionAndStopLoudlyAtTheLogsLimit() throws {
        var state = try board([.create(title: "a")])
        let now = Timestamp(milliseconds: 1_780_000_000_000)
        state.apply(Event(id: .random(), at: now, actor: "import", issue: NumberedTable<BoardModel.Issue>.maximumNumber - 1,
                          kind: .created(title: "huge", body: "", column: "backlog", rank: 5, priority: .none)))
        #expect(state.issues[999_999_998]?.title == "huge")
        state.apply(try state.events(for: .create(title: "b"), actor: "ann", at: now))
        #expect(state.issues[999_999_999]?.title == "b")
        #expect(state.issues.keys == [1, 999_999_998, 999_999_999])
        #expect(throws: BoardError.invalid("this board has used every issue number up to #999999999")) {
            try state.events(for: .create(title: "c"), actor: "ann", at: now)
        }
        state.apply(try state.events(for: .move(999_999_999, to: "doing"), actor: "ann", at: now))
        #expect(state.issues[999_999_999]?.column == "doing")
        #expect(state.issues[1_000_000_000] == nil && state.issues[10_000_000] == nil)
    }

    @Test func createNumbersIssuesInOrderAtTheBottomOfTheColumn() throws {
        let state = try board([.create(title: "a"), .create(title: "b"), .create(title: "c", column: "Doing")])
        #expect(state.issues.keys.sorted() == [1, 2, 3])
        #expect(state.issues[1]!.column == "backlog")
        #expect(state.issues[2]!.rank > state.issues[1]!.rank)
        #expect(state.issues[3]!.column == "doing")
    }

    @Test func createWithLabelsAssigneesAndPriority() throws {
        let state = try board([.create(title: " spaced ", labels: ["bug", "bug", "ui"], assignees: ["cy"], priority: .high)])
        let issue = state.issues[1]!
        #expect(issue.title == "spaced")
        #expect(issue.labels == ["bug", "ui"])
        #expect(issue.assignees == ["cy"])
        #expect(issue.priority == .high)
    }

    @Test func columnsResolveByIdOrNameCaseInsensitively() throws {
        let state = try board([.create(title: "a"), .move(1, to: "IN PROGRESS")])
        #expect(state.issues[1]!.column == "doing")
        #expect(try state.resolveColumn("Review").id == "review")
    }

    @Test func unknownColumnListsTheColumns() throws {
        let state = try board([.create(title: "a")])
        #expect(throws: BoardError.noSuchColumn("doign", available: ["backlog", "todo", "doing", "review", "done"])) {
            try state.events(for: .move(1, to: "doign"), actor: "a", at: .now)
        }
        #expect(BoardError.noSuchColumn("doign", available: ["backlog", "todo"]).description
            == "no column \"doign\"; columns are: backlog, todo")
    }

    @Test func unknownIssueAndEmptyTitleAreErrors() throws {
        let state = BoardState()
        #expect(throws: BoardError.noSuchIssue(99)) { try state.events(for: .close(99), actor: "a", at: .now) }
        #expect(throws: BoardError.emptyTitle) { try state.events(for: .create(title: "  "), actor: "a", at: .now) }
        #expect(BoardError.noSuchIssue(99).description == "no issue #99 on this board")
    }

    @Test func closeMovesToTheClosingColumnAndReopenMovesBack() throws {
        var state = try board([.create(title: "a", column: "review"), .close(1)])
        #expect(state.issues[1]!.column == "done" && !state.issues[1]!.isOpen)
        state = try board([.create(title: "a", column: "review"), .close(1), .reopen(1)])
        #expect(state.issues[1]!.column == "review" && state.issues[1]!.isOpen)
    }

    @Test func changesThatChangeNothingMakeNoEvents() throws {
        let state = try board([.create(title: "a", labels: ["bug"], assignees: ["cy"])])
        #expect(try state.events(for: .assign(1, ["cy"]), actor: "a", at: .now).isEmpty)
        #expect(try state.events(for: .label(1, add: ["bug"], remove: ["nope"]), actor: "a", at: .now).isEmpty)
        #expect(try state.events(for: .reopen(1), actor: "a", at: .now).isEmpty)
        #expect(try state.events(for: .retitle(1, "a"), actor: "a", at: .now).isEmpty)
    }

    @Test func eventsCarryTheActor() throws {
        let state = try board([.create(title: "a"), .comment(1, "hello")], actor: "dee")
        #expect(state.timelines[1]!.allSatisfy { $0.actor == "dee" })
        #expect(state.issues[1]!.author == "dee")
    }

    @Test func summariesReadNaturally() throws {
        let state = try board([.create(title: "a", column: "todo"), .move(1, to: "doing"), .label(1, add: ["bug"], remove: [])])
        let words = state.timelines[1]!.map { $0.summary(in: state) }
        #expect(words == ["created \"a\" in To do", "moved To do → In progress", "added label bug"])
    }
}
