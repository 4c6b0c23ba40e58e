import BoardModel
import BoardQuery
import BoardInteraction
import Keymap
import Screen

/// The kanban board: one column per board column, a header with counts, cards below.
enum BoardView {
    static func render(_ context: ViewContext, into grid: inout CellGrid, frame: ViewLayout) {
        let lanes = context.projection.lanes
        let theme = context.theme
        let layout = frame.layout
        guard let first = frame.columns.first, let last = frame.columns.last else {
            grid.put("this board has no columns", x: 1, y: 1, style: theme[.dim])
            return
        }
        // The header says how many columns are off screen on each side (`‹ 3`, `5 ›`); the
        // headers beside it make room, so no column name or count is covered.
        let left = first.lane > 0 ? "‹ \(first.lane)" : ""
        let right = last.lane < lanes.count - 1 ? "\(lanes.count - 1 - last.lane) ›" : ""
        var cards = frame.cards[...]
        for column in frame.columns {
            let shown = cards.prefix { $0.lane == column.lane }
            cards = cards.dropFirst(shown.count)
            let insets = (left: column.lane == first.lane && !left.isEmpty ? DisplayWidth.of(left) + 1 : 0,
                          right: column.lane == last.lane && !right.isEmpty ? DisplayWidth.of(right) + 1 : 0)
            drawColumn(lanes[column.lane], column: column, cards: shown, context: context, layout: layout, headerInsets: insets, into: &grid)
        }
        if !context.projection.bands.isEmpty { drawBandHeaders(context, into: &grid, layout: layout) }
        if context.projection.total == 0 { drawFirstStep(context, into: &grid, layout: layout) }
        grid.put(left, x: 0, y: 0, style: theme[.header])
        grid.put(right, x: layout.width - DisplayWidth.of(right), y: 0, style: theme[.header])
    }

    static func drawColumn(_ lane: BoardProjection.Lane, column: ViewLayout.Column, cards: ArraySlice<ViewLayout.Card>,
                           context: ViewContext, layout: BoardLayout, headerInsets: (left: Int, right: Int) = (0, 0),
                           into grid: inout CellGrid) {
        let theme = context.theme
        let area = column.area
        let isSelectedColumn = column.lane == context.ui.column
        let inner = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
        // Separator on the right edge.
        let separator = context.settings.asciiOnly ? "|" : "│"
        if area.maxX < layout.width {
            for y in 0..<area.height { grid.put(separator, x: area.maxX - 1, y: y, style: theme[.border]) }
        }

        // Header: name, count (count/limit when a WIP limit is set), then " · N stale" when the
        // whole name fits beside it: the name wins, and the word keeps the two numbers apart.
        let headerStyle = isSelectedColumn ? theme[.headerSelected] : theme[.header]
        grid.fill(Rect(x: area.x, y: area.y, width: area.width - 1, height: 1), style: headerStyle)
        let limit = context.settings.wipLimits[lane.column.id] ?? lane.column.wip // the board's, unless the rc overrides it
        let count = limit.map { "\(lane.issues.count)/\($0)" } ?? "\(lane.issues.count)"
        let countWidth = DisplayWidth.of(count)
        let fullName = Sanitizer.line(lane.column.name)
        var stale = lane.staleCount > 0 ? " · \(lane.staleCount) stale" : ""
        let header = Rect(x: inner.x + headerInsets.left, y: area.y, width: max(0, inner.width - headerInsets.left - headerInsets.right), height: 1)
        if DisplayWidth.of(fullName) + 1 + countWidth + DisplayWidth.of(stale) > header.width { stale = "" }
        let staleWidth = DisplayWidth.of(stale)
        let name = DisplayWidth.truncate(fullName, to: max(0, header.width - countWidth - staleWidth - 1))
        grid.put(name, x: header.x, y: area.y, style: headerStyle, limit: header.maxX)
        var countStyle = headerStyle
        if let limit, lane.issues.count > limit { countStyle = theme[.wipExceeded] }
        grid.put(count, x: header.maxX - countWidth - staleWidth, y: area.y, style: countStyle, limit: header.maxX)
        grid.put(stale, x: header.maxX - staleWidth, y: area.y, style: CardView.overlay(theme[.stale], on: headerStyle))

        if !context.projection.bands.isEmpty {
            drawBandCards(lane, cards: cards, isSelectedColumn: isSelectedColumn, context: context, into: &grid)
            return
        }

        // Cards, after "↑ N more" when the column is scrolled.
        let offset = column.offset
        let selectedIndex = BoardSelection.index(context.ui, lane)
        if offset > 0 {
            grid.put((context.settings.asciiOnly ? "^ " : "↑ ") + "\(offset) more", x: inner.x, y: area.y + 1,
                     style: theme[.dim], limit: inner.maxX)
        }
        for card in cards {
            if let issue = context.board.issues[card.number] {
                let selected = isSelectedColumn && card.position == selectedIndex
                CardView.draw(issue, context: context, x: area.x, y: card.area.y, width: area.width - 1, selected: selected, into: &grid)
            }
        }
        let position = offset + cards.count
        if lane.issues.isEmpty {
            grid.put("(empty)", x: inner.x, y: area.y + 1, style: theme[.dim], limit: inner.maxX)
        } else if position < lane.issues.count, area.maxY - 1 > area.y {
            let more = "↓ \(lane.issues.count - position) more"
            grid.put(context.settings.asciiOnly ? "v \(lane.issues.count - position) more" : more,
                     x: inner.x, y: area.maxY - 1, style: theme[.dim], limit: inner.maxX)
        }
    }

    /// An empty board says how to add its first issue, with the key bound now.
    static func drawFirstStep(_ context: ViewContext, into grid: inout CellGrid, layout: BoardLayout) {
        let keys = context.keymap.keys(for: .newIssue, in: .board).first.map(KeyNotation.format)
        let text = "No issues yet. " + (keys.map { "Press \($0) to add the first one here, or run: " } ?? "Add the first one with: ")
            + "lanes add \"TITLE\""
        let lines = DisplayWidth.wrap(text, to: max(1, layout.width - 4))
        let top = max(3, (layout.height - lines.count) / 2)
        for (index, line) in lines.enumerated() where top + index < layout.height - 1 {
            grid.fill(Rect(x: 0, y: top + index, width: layout.width, height: 1), style: context.theme[.default])
            grid.put(line, x: max(0, (layout.width - DisplayWidth.of(line)) / 2), y: top + index, style: context.theme[.default])
        }
    }

    // MARK: - Swimlanes

    /// A column's cards, band by band, scrolled together with the whole board.
    static func drawBandCards(_ lane: BoardProjection.Lane, cards: ArraySlice<ViewLayout.Card>, isSelectedColumn: Bool,
                              context: ViewContext, into grid: inout CellGrid) {
        let selected = isSelectedColumn && !lane.issues.isEmpty
            ? SwimlaneLayout.locate(lane.issues[BoardSelection.index(context.ui, lane)], in: lane) : nil
        for card in cards {
            guard let issue = context.board.issues[card.number], let band = card.band else { continue }
            CardView.draw(issue, context: context, x: card.area.x, y: card.area.y, width: card.area.width - 1,
                          selected: selected.map { $0 == (band.index, band.slot) } ?? false, into: &grid)
        }
    }

    /// One header row per band across the whole width: its name and how many cards it holds.
    static func drawBandHeaders(_ context: ViewContext, into grid: inout CellGrid, layout: BoardLayout) {
        let theme = context.theme
        for band in SwimlaneLayout(projection: context.projection, layout: layout).bands {
            let y = 1 + band.top - context.ui.boardRowOffset
            guard y >= 1, y < layout.height - 1 else { continue }
            grid.fill(Rect(x: 0, y: y, width: layout.width, height: 1), style: theme[.border])
            let rule = context.settings.asciiOnly ? "-" : "─"
            let title = " " + Sanitizer.line(band.name) + " · \(band.count) "
            grid.put(rule + rule + title + String(repeating: rule, count: max(0, layout.width)), x: 0, y: y, style: theme[.header])
        }
    }
}
