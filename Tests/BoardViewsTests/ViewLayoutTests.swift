import Testing
@testable import BoardModel
@testable import BoardQuery
@testable import BoardInteraction
@testable import BoardViews
import Screen

/// Drawing and clicks share one `ViewLayout`: every card a click can hit is the card drawn there.
@Suite struct ViewLayoutTests {
    func frame(_ ui: UIState, width: Int, height: Int) -> (CellGrid, ViewLayout) {
        var ui = ui
        let layout = BoardLayout(width: width, height: height)
        let projection = BoardProjection(state: SampleBoard.state, query: ui.filter, now: SampleBoard.now, swimlanes: ui.swimlanes)
        Viewport.adjust(&ui, projection: projection, layout: layout)
        var context = SampleBoard.context(ui)
        context.projection = projection
        return (Renderer.render(context, width: width, height: height), ViewLayout(ui: ui, projection: projection, layout: layout))
    }

    @Test(arguments: [Swimlanes.none, .assignee, .label])
    func aClickOnACardsRowsFindsTheCardDrawnThere(_ swimlanes: Swimlanes) {
        var ui = UIState()
        ui.swimlanes = swimlanes
        ui.selected["backlog"] = 12
        let (grid, layout) = frame(ui, width: 80, height: 14)
        #expect(!layout.cards.isEmpty)
        for card in layout.cards {
            let drawn = (card.area.x..<card.area.maxX).map { grid[$0, card.area.y] }.filter { !$0.isContinuation }.map(\.text).joined()
            #expect(drawn.hasPrefix(" #\(card.number) "), "row \(card.area.y): \(grid.line(card.area.y))")
            #expect(layout.target(x: card.area.x + 1, y: card.area.y) == .card(column: card.lane, number: card.number))
            #expect(layout.target(x: card.area.x + 1, y: card.area.y + 2) == nil, "the gap below a card")
        }
    }

    /// At 89 columns four board columns show, the last one 23 cells wide: its extra cells are
    /// still that column (the hit test's own arithmetic used to name the fifth, off screen).
    @Test func theLastColumnsExtraCellsBelongToIt() {
        let (_, layout) = frame(UIState(), width: 89, height: 24)
        #expect(layout.columns.map(\.lane) == [0, 1, 2, 3])
        #expect(layout.column(x: 88) == 3)
        #expect(layout.column(x: 0) == 0)
    }

    /// Whatever a click hits is drawn there: the card's title row or the row under it.
    @Test(arguments: [Swimlanes.none, .assignee, .priority])
    func everyHitIsACardDrawnUnderThePointer(_ swimlanes: Swimlanes) {
        for height in 12...20 {
            var ui = UIState()
            ui.swimlanes = swimlanes
            ui.selected["backlog"] = 12
            let (grid, layout) = frame(ui, width: 80, height: height)
            for y in 0..<height {
                guard case .card(_, let number)? = layout.target(x: 3, y: y) else { continue }
                let rows = grid.line(y) + (y > 0 ? grid.line(y - 1) : "")
                #expect(rows.contains("#\(number) "), "80×\(height), row \(y):\n\(grid.text)")
            }
        }
    }
}
