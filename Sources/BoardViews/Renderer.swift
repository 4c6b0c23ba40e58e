import BoardModel
import Screen

/// State + theme → a grid of cells. The only entry point the run loop and tests use.
public enum Renderer {
    public static func render(_ context: ViewContext, width: Int, height: Int) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        let layout = BoardLayout(width: width, height: height)
        grid.fill(grid.bounds, style: context.theme[.default])
        if layout.isTooSmall {
            drawTooSmall(&grid, layout: layout, style: context.theme[.default])
            return grid
        }
        // Built once per frame: the views draw from it, and a click reads the same geometry back.
        let frame = ViewLayout(ui: context.ui, projection: context.projection, layout: layout)
        switch context.ui.view {
        case .board: BoardView.render(context, into: &grid, frame: frame)
        case .list: ListView.render(context, into: &grid, frame: frame)
        case .issue(let number): IssueView.render(number, context, into: &grid, layout: layout)
        case .help: HelpView.render(context, into: &grid, layout: layout)
        case .activity: ActivityView.render(context, into: &grid, layout: layout)
        case .messages: MessagesView.render(context, into: &grid, layout: layout)
        }
        grid.cursor = StatusLine.render(context, into: &grid, layout: layout)
        return grid
    }

    /// "terminal too small (needs 40×12)", wrapped to whatever space there is.
    static func drawTooSmall(_ grid: inout CellGrid, layout: BoardLayout, style: Style) {
        let text = "terminal too small (needs \(BoardLayout.minimumWidth)×\(BoardLayout.minimumHeight))"
        let lines = DisplayWidth.wrap(text, to: max(1, layout.width))
        let top = max(0, (layout.height - lines.count) / 2)
        for (index, line) in lines.enumerated() where top + index < layout.height {
            let x = max(0, (layout.width - DisplayWidth.of(line)) / 2)
            grid.put(line, x: x, y: top + index, style: style)
        }
    }
}
