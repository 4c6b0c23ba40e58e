import Testing
@testable import BoardModel
@testable import BoardQuery
@testable import BoardInteraction
@testable import BoardViews
import Screen

/// A column scrolled past its first cards says so, as it says what is below.
@Suite struct ScrollingTests {
    func render(_ ui: UIState, width: Int, height: Int) -> (CellGrid, UIState) {
        var ui = ui
        let context = SampleBoard.context(ui)
        Viewport.adjust(&ui, projection: context.projection, layout: BoardLayout(width: width, height: height))
        return (Renderer.render(SampleBoard.context(ui), width: width, height: height), ui)
    }

    /// Backlog holds #5, #7 … #12; at 80×12 a column shows three cards.
    @Test func aScrolledColumnSaysHowManyCardsAreAboveAndBelow() {
        var ui = UIState()
        ui.selected["backlog"] = 12
        let (bottom, _) = render(ui, width: 80, height: 12)
        #expect(bottom.line(1).hasPrefix(" ↑ 4 more"), "\(bottom.text)")
        #expect(bottom.text.contains("#12") && !bottom.text.contains("↓"))
        ui.selected["backlog"] = 9
        let (middle, _) = render(ui, width: 80, height: 12)
        #expect(middle.line(1).hasPrefix(" ↑ "), "\(middle.text)")
        #expect(middle.text.contains("#9") && middle.line(10).hasPrefix(" ↓ "), "\(middle.text)")
        ui.selected["backlog"] = 5
        let (top, _) = render(ui, width: 80, height: 12)
        #expect(!top.text.contains("↑") && top.line(1).contains("#5"), "\(top.text)")
    }

    /// Above plus shown plus below is every card in the column, at every height.
    @Test(arguments: [12, 13, 14, 15, 20, 24, 25, 35])
    func theSelectionIsAlwaysShownAndEveryCardAccountedFor(height: Int) {
        let backlog = [5, 7, 8, 9, 10, 11, 12]
        for selected in backlog {
            var ui = UIState()
            ui.selected["backlog"] = selected
            let (grid, _) = render(ui, width: 80, height: height)
            let column = grid.lines.map { String($0.prefix(19)) }
            #expect(column.contains { $0.contains("#\(selected) ") }, "#\(selected) at 80×\(height):\n\(grid.text)")
            func count(_ arrow: String) -> Int {
                column.first { $0.hasPrefix(" \(arrow) ") }.flatMap { Int($0.split(separator: " ")[1]) } ?? 0
            }
            let shown = backlog.filter { n in column.contains { $0.contains("#\(n) ") } }.count
            #expect(count("↑") + shown + count("↓") == backlog.count, "80×\(height) with #\(selected):\n\(grid.text)")
        }
    }

    /// A click on a scrolled column selects the card drawn there, not the one that would be
    /// there unscrolled.
    @Test func aClickOnAScrolledColumnHitsTheCardDrawnThere() {
        var ui = UIState()
        ui.selected["backlog"] = 12
        let (grid, adjusted) = render(ui, width: 80, height: 12)
        let row = grid.lines.firstIndex { $0.hasPrefix(" #12 ") }!
        let layout = BoardLayout(width: 80, height: 12)
        let drawn = ViewLayout(ui: adjusted, projection: SampleBoard.context(adjusted).projection, layout: layout)
        #expect(drawn.target(x: 3, y: row) == .card(column: 0, number: 12))
        #expect(drawn.target(x: 3, y: 1) == nil,
                "the ↑ line is not a card")
    }
}
