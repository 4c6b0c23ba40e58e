import Testing
@testable import BoardModel
@testable import BoardQuery
@testable import BoardInteraction
@testable import BoardViews
import Screen

/// Cards' link and checklist badges, and the issue view's "Links" section.
@Suite struct LinkViewTests {
    /// The sample board plus links: #7 blocks #1 (open, so #1 is blocked) and #6 (closed)
    /// blocks #2 (not blocked); #3 is the parent of #4 and #6 (one closed); #8 duplicates #3;
    /// #9 mentions #3 and has a task list.
    static var state: BoardState {
        var state = SampleBoard.state
        let changes: [Change] = [
            .link(7, .blocks, 1), .link(6, .blocks, 2), .link(3, .parentOf, 4), .link(6, .childOf, 3), .link(8, .duplicates, 3),
            .editBody(9, "Like #3.\n- [x] one\n- [ ] two\n- [X] three"),
        ]
        var id: UInt64 = 1000
        for change in changes {
            state.apply(try! state.events(for: change, actor: "ann", at: SampleBoard.now) {
                id += 1
                return EventID(id)
            })
        }
        return state
    }

    func render(_ ui: UIState, width: Int, height: Int) -> CellGrid {
        var ui = ui
        let context = SampleBoard.context(ui, state: LinkViewTests.state)
        Viewport.adjust(&ui, projection: context.projection, layout: BoardLayout(width: width, height: height))
        return Renderer.render(SampleBoard.context(ui, state: LinkViewTests.state), width: width, height: height)
    }

    @Test func cardsShowBlockedSubTaskProgressAndChecklistCounts() {
        let grid = render(UIState(), width: 120, height: 30)
        assertSnapshot(grid, named: "board-links-120x30")
        let text = grid.text
        #expect(text.contains("blocked 16d bug @bob"), "#1 has an open blocker")
        #expect(text.contains("sub 1/2"), "#3: one of two children closed")
        #expect(text.contains("2/3"), "#9's task list")
        #expect(CardView.badges(LinkViewTests.state.issues[2]!, board: LinkViewTests.state).isEmpty, "#2's blocker is closed")
    }

    @Test func theIssueViewListsLinksBothWaysAndMentions() {
        var ui = UIState()
        ui.view = .issue(3)
        ui.history = [.board]
        assertSnapshot(render(ui, width: 80, height: 30), named: "issue-links-80x30")
        let rows = IssueLinkRow.rows(for: LinkViewTests.state.issues[3]!, board: LinkViewTests.state)
        #expect(rows.map(\.relation) == ["is the parent of", "is the parent of", "is duplicated by", "mentioned in", "mentioned in"])
        #expect(rows.map(\.issue) == [4, 6, 8, 8, 9], "each row names the issue Enter follows")
        let nine = IssueLinkRow.rows(for: LinkViewTests.state.issues[9]!, board: LinkViewTests.state)
        #expect(nine.map(\.relation) == ["mentions"] && nine.map(\.issue) == [3])
    }
}
