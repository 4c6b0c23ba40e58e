import BoardModel
import BoardQuery
import BoardInteraction

/// What is drawn at a screen cell, for mouse clicks: the inverse of the views' layout.
public enum HitTest {
    /// The board column drawn at screen column `x` (for the wheel, which scrolls the column
    /// under the pointer).
    public static func column(x: Int, ui: UIState, projection: BoardProjection, layout: BoardLayout) -> Int? {
        let lanes = projection.lanes
        guard !lanes.isEmpty, x >= 0 else { return nil }
        let visible = layout.visibleColumns(of: lanes.count)
        let first = min(ui.firstColumn, max(0, lanes.count - visible))
        return min(first + x / max(1, layout.width / visible), lanes.count - 1)
    }

    public static func target(x: Int, y: Int, ui: UIState, projection: BoardProjection, layout: BoardLayout) -> ClickTarget? {
        guard !layout.isTooSmall, y >= 0, y < layout.height - 1 else { return nil }
        switch ui.view {
        case .board:
            guard y >= 1, let column = column(x: x, ui: ui, projection: projection, layout: layout) else { return nil }
            let lane = projection.lanes[column]
            if projection.bands.isEmpty {
                let offset = ui.cardOffset[lane.column.id] ?? 0
                let row = y - layout.firstCardRow(scrolled: offset > 0)
                guard row >= 0, row % BoardLayout.cardHeight < 2, row / BoardLayout.cardHeight < layout.cards(scrolled: offset > 0) else { return nil }
                let position = offset + row / BoardLayout.cardHeight
                return lane.issues.indices.contains(position) ? .card(column: column, number: lane.issues[position]) : nil
            }
            let row = y - 1 + ui.boardRowOffset
            for (index, band) in SwimlaneLayout(projection: projection, layout: layout).bands.enumerated() {
                let issues = lane.byBand.indices.contains(index) ? lane.byBand[index] : []
                let inside = row - band.top - 1
                if inside >= 0, inside < band.height - 1, inside % BoardLayout.cardHeight < 2 {
                    let slot = inside / BoardLayout.cardHeight
                    return issues.indices.contains(slot) ? .card(column: column, number: issues[slot]) : nil
                }
            }
            return nil
        case .list:
            let index = ui.listOffset + y - 1
            return y >= 1 && projection.list.indices.contains(index) ? .row(projection.list[index]) : nil
        case .activity:
            return .activity(ui.activityOffset + y)
        case .issue, .help, .messages:
            return nil
        }
    }
}
