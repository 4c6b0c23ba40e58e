import BoardModel
import BoardQuery
import BoardInteraction

/// The geometry of the full-screen views for a terminal size: pure arithmetic shared by the
/// renderer and by the viewport adjustment that keeps the selection visible.
public struct BoardLayout: Sendable {
    public static let minimumWidth = 40
    public static let minimumHeight = 12
    /// A column narrower than this is not readable; fewer columns are shown and the board scrolls.
    public static let minimumColumnWidth = 18
    /// Rows per card: title line, meta line, gap.
    public static let cardHeight = 3

    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var isTooSmall: Bool { width < BoardLayout.minimumWidth || height < BoardLayout.minimumHeight }

    /// Rows between the header row and the status line.
    public var bodyHeight: Int { max(0, height - 2) }

    /// Cards a column shows at once from its first card. The body's last row is kept for
    /// "↓ N more", so it never covers a card.
    public var cardsPerColumn: Int { cards(scrolled: false) }

    /// Cards a column shows at once; a `scrolled` column (its first card is not shown) gives its
    /// first row to "↑ N more", so cards above are never hidden without a sign.
    public func cards(scrolled: Bool) -> Int {
        max(1, (bodyHeight - (scrolled ? 1 : 0)) / BoardLayout.cardHeight)
    }

    /// The row of a column's first card shown (the header is row 0).
    public func firstCardRow(scrolled: Bool) -> Int { scrolled ? 2 : 1 }

    /// List rows that fit below the list's header row.
    public var listRows: Int { max(1, bodyHeight - 1) }

    /// How many board columns are shown side by side.
    public func visibleColumns(of count: Int) -> Int {
        max(1, min(count, width / BoardLayout.minimumColumnWidth))
    }
}

/// Keeps the selection on screen: adjusts scroll offsets after the reducer moved the cursor,
/// the way tig moves a view's offset only when the cursor leaves it.
public enum Viewport {
    /// `issueRows`: the lines of the open issue view, whose cursor stays on screen.
    public static func adjust(_ ui: inout UIState, projection: BoardProjection, layout: BoardLayout, issueRows: Int = 0) {
        let lanes = projection.lanes
        if !lanes.isEmpty {
            ui.column = min(max(0, ui.column), lanes.count - 1)
            let visible = layout.visibleColumns(of: lanes.count)
            ui.firstColumn = keep(ui.column, offset: ui.firstColumn, page: visible, count: lanes.count)
            for lane in lanes {
                let index = BoardSelection.index(ui, lane)
                let offset = ui.cardOffset[lane.column.id] ?? 0
                ui.cardOffset[lane.column.id] = keepCard(index, offset: offset, count: lane.issues.count, layout: layout)
            }
        }
        if ui.view == .activity {
            // Events, not cards, are counted here (the selection is already within them): a
            // board whose issues are all archived still has its whole history to scroll.
            ui.activityOffset = keep(ui.activitySelected, offset: ui.activityOffset, page: max(1, layout.height - 2),
                                     count: Int.max / 2)
        }
        if case .issue = ui.view, issueRows > 0 {
            ui.issueCursor = min(max(0, ui.issueCursor), issueRows - 1)
            ui.scroll = keep(ui.issueCursor, offset: ui.scroll, page: max(1, layout.height - 1), count: issueRows)
        }
        if ui.swimlanes != .none, let band = SwimlaneLayout(projection: projection, layout: layout).rowOfSelection(ui) {
            let body = max(1, layout.bodyHeight)
            if band.top < ui.boardRowOffset { ui.boardRowOffset = band.top }
            if band.bottom > ui.boardRowOffset + body { ui.boardRowOffset = band.bottom - body }
        }
        let list = projection.list
        if let selected = BoardSelection.listIssue(ui, list), let index = list.firstIndex(of: selected) {
            ui.listOffset = keep(index, offset: ui.listOffset, page: layout.listRows, count: list.count)
        } else {
            ui.listOffset = 0
        }
    }

    /// The card offset that keeps card `index` on screen, with the page one card shorter (at
    /// some heights) once the column is scrolled and shows "↑ N more".
    ///
    /// The offset jumps rather than creeps (vim's `scrolljump`, less's page forward): a card
    /// selected below the cards shown becomes the second one shown, the card before it (after
    /// `j`, the one that was last shown) staying above for context; a card selected above them
    /// becomes the second to last. A column of one card a page just follows the selection.
    /// So moving down a long column turns a page once per page minus one card, and the moves
    /// between repaint only the two cards whose selection changed, not every card of the column
    /// (2 KB a move at 200×50 when the column crept by a card; #20 asks for ≤ 2 × width + 64).
    static func keepCard(_ index: Int, offset: Int, count: Int, layout: BoardLayout) -> Int {
        let full = layout.cards(scrolled: false), scrolled = layout.cards(scrolled: true)
        guard count > full else { return 0 }
        let shown = offset > 0 ? scrolled : full
        let context = min(1, scrolled - 1)
        var result = offset
        if index >= offset + shown { result = index - context }
        if index < offset { result = index - scrolled + 1 + context }
        return max(0, min(result, count - scrolled))
    }

    /// The offset that keeps `index` inside a window of `page` items starting at `offset`.
    static func keep(_ index: Int, offset: Int, page: Int, count: Int) -> Int {
        var result = offset
        if index < result { result = index }
        if index >= result + page { result = index - page + 1 }
        return max(0, min(result, max(0, count - page)))
    }
}
