import Testing
@testable import BoardModel
@testable import BoardQuery
@testable import BoardInteraction
@testable import BoardViews
import Screen

/// Any number of columns: the board scrolls sideways, says how many columns are off each side
/// (`‹ 3`, `5 ›`) and never draws a column narrower than `BoardLayout.minimumColumnWidth`.
@Suite struct ManyColumnsSnapshotTests {
    /// The sample board with twelve columns: seven more added after Done, two with a board WIP limit.
    static var twelveColumns: BoardState {
        var state = SampleBoard.state
        var id: UInt64 = 1000
        var after = "done"
        for name in ["Blocked", "QA", "Staging", "Deployed", "Verified", "Archived", "Won't fix"] {
            id += 1
            let column = Column(id: state.newColumnID(for: name), name: name, wip: name == "QA" ? 2 : nil)
            state.apply(Event(id: EventID(id), at: SampleBoard.now, actor: "ann", issue: 0, kind: .column(.added(column, after: after))))
            after = column.id
        }
        state.apply(Event(id: EventID(2000), at: SampleBoard.now, actor: "ann", issue: 0, kind: .column(.limited("todo", wip: 1))))
        state.apply(Event(id: EventID(2001), at: SampleBoard.now, actor: "ann", issue: 6, kind: .moved(from: "done", to: "qa", rank: 1)))
        return state
    }

    func render(column: Int, width: Int, height: Int) -> (CellGrid, ViewLayout) {
        var ui = UIState()
        ui.column = column
        let state = ManyColumnsSnapshotTests.twelveColumns
        let layout = BoardLayout(width: width, height: height)
        Viewport.adjust(&ui, projection: SampleBoard.context(ui, state: state).projection, layout: layout)
        let context = SampleBoard.context(ui, state: state)
        return (Renderer.render(context, width: width, height: height), ViewLayout(ui: ui, projection: context.projection, layout: layout))
    }

    @Test func twelveColumnsAt80x24ScrollSidewaysAndSayHowManyAreHidden() {
        let (first, firstLayout) = render(column: 0, width: 80, height: 24)
        assertSnapshot(first, named: "board-twelve-columns-80x24")
        #expect(first.lines[0].hasSuffix("8 ›"))
        let (middle, layout) = render(column: 6, width: 80, height: 24)
        assertSnapshot(middle, named: "board-twelve-columns-scrolled-80x24")
        #expect(middle.lines[0].hasPrefix("‹ 3") && middle.lines[0].hasSuffix("5 ›"))
        for frame in [firstLayout, layout] {
            #expect(frame.columns.count == 4)
            #expect(frame.columns.allSatisfy { $0.area.width >= BoardLayout.minimumColumnWidth })
        }
    }

    @Test(arguments: [(40, 12), (200, 50)])
    func otherSizesKeepColumnsReadable(width: Int, height: Int) {
        let (grid, layout) = render(column: 11, width: width, height: height)
        #expect(layout.columns.allSatisfy { $0.area.width >= BoardLayout.minimumColumnWidth })
        #expect(layout.columns.last?.lane == 11, "the selected last column is on screen")
        let hidden = 12 - layout.columns.count
        #expect(grid.lines[0].hasPrefix("‹ \(hidden)"))
        #expect(!grid.lines[0].contains("›"), "nothing more on the right")
    }
}
