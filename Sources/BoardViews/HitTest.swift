import BoardModel
import BoardQuery
import BoardInteraction

/// What is drawn at a screen cell, for mouse clicks: read back from the frame's `ViewLayout`,
/// the geometry the views draw with. The run loop still asks here; it can keep the frame's
/// `ViewLayout` and call `target(x:y:)` itself.
public enum HitTest {
    public enum Target: Equatable {
        case card(column: Int, number: Int)
        case row(Int)
        case activity(Int)
    }

    /// The board column drawn at screen column `x` (for the wheel, which scrolls the column
    /// under the pointer).
    public static func column(x: Int, ui: UIState, projection: BoardProjection, layout: BoardLayout) -> Int? {
        ViewLayout(ui: ui, projection: projection, layout: layout).column(x: x)
    }

    public static func target(x: Int, y: Int, ui: UIState, projection: BoardProjection, layout: BoardLayout) -> Target? {
        ViewLayout(ui: ui, projection: projection, layout: layout).target(x: x, y: y)
    }
}
