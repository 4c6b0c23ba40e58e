import BoardModel
import BoardQuery
import BoardInteraction
import Screen

/// Where one frame puts what a click can hit: the board's columns and cards, the list's rows.
///
/// Computed once from the view state and the terminal size; `BoardView` and `ListView` draw
/// from it and `target(x:y:)` reads it back, so a click finds exactly what is drawn under the
/// pointer. (The hit test used to re-derive this arithmetic, and drifted: a click in the last
/// column's extra cells could name a column off screen, a card cut off at the bottom was hit.)
public struct ViewLayout {
    /// A board column on screen: its lane and the slot it is drawn in, separator included.
    public struct Column {
        public var lane: Int
        public var area: Rect
        /// The first card shown (without swimlanes; with them the whole board scrolls).
        public var offset: Int
    }

    /// A card on screen: the two rows it is drawn on, across its column's slot.
    public struct Card {
        public var lane: Int
        public var number: Int
        public var area: Rect
        /// Its index in the lane, or, with swimlanes, its band and slot there.
        public var position: Int
        public var band: (index: Int, slot: Int)?
    }

    public let layout: BoardLayout
    let view: UIState.View
    public private(set) var columns: [Column] = []
    public private(set) var cards: [Card] = []
    /// The list's first row shown and the issues shown from there, one per row below the header.
    public private(set) var listOffset = 0
    public private(set) var listRows: ArraySlice<Int> = []
    let activityOffset: Int

    public init(ui: UIState, projection: BoardProjection, layout: BoardLayout) {
        self.layout = layout
        view = ui.view
        activityOffset = ui.activityOffset
        guard !layout.isTooSmall else { return }
        switch ui.view {
        case .board: placeBoard(ui, projection)
        case .list:
            let list = projection.list
            listOffset = min(ui.listOffset, max(0, list.count - 1))
            listRows = list.isEmpty ? [] : ArraySlice(list[listOffset..<min(list.count, listOffset + layout.listRows)])
        default: break
        }
    }

    private mutating func placeBoard(_ ui: UIState, _ projection: BoardProjection) {
        let lanes = projection.lanes
        guard !lanes.isEmpty else { return }
        let visible = layout.visibleColumns(of: lanes.count)
        let first = min(ui.firstColumn, max(0, lanes.count - visible))
        let baseWidth = layout.width / visible
        let bands = projection.bands.isEmpty ? nil : SwimlaneLayout(projection: projection, layout: layout).bands
        var x = 0
        for slot in 0..<visible where first + slot < lanes.count {
            let index = first + slot, lane = lanes[index]
            let width = slot == visible - 1 ? layout.width - x : baseWidth
            let area = Rect(x: x, y: 0, width: width, height: layout.height - 1)
            x += width
            func place(_ number: Int, y: Int, position: Int, band: (index: Int, slot: Int)? = nil) {
                cards.append(Card(lane: index, number: number, area: Rect(x: area.x, y: y, width: area.width, height: 2),
                                  position: position, band: band))
            }
            if let bands {
                columns.append(Column(lane: index, area: area, offset: 0))
                // Only the cards on screen are visited: a band's card `slot` is drawn at row
                // `top + slot * cardHeight`, so the slots that fit follow from the rows shown.
                for (band, placed) in bands.enumerated() where lane.byBand.indices.contains(band) {
                    let issues = lane.byBand[band]
                    let top = 1 + placed.top + 1 - ui.boardRowOffset
                    let below = max(0, 1 - top), rows = area.maxY - 2 - top // rows to skip; rows left for a card's top
                    guard rows >= 0 else { continue }
                    let first = (below + BoardLayout.cardHeight - 1) / BoardLayout.cardHeight
                    let last = min(issues.count - 1, rows / BoardLayout.cardHeight)
                    guard first <= last else { continue }
                    for slot in first...last {
                        place(issues[slot], y: top + slot * BoardLayout.cardHeight, position: slot, band: (index: band, slot: slot))
                    }
                }
                continue
            }
            let offset = min(ui.cardOffset[lane.column.id] ?? 0, max(0, lane.issues.count - 1))
            columns.append(Column(lane: index, area: area, offset: offset))
            var y = area.y + layout.firstCardRow(scrolled: offset > 0)
            var position = offset
            let end = offset + layout.cards(scrolled: offset > 0)
            while position < min(end, lane.issues.count), y + 1 < area.maxY {
                place(lane.issues[position], y: y, position: position)
                y += BoardLayout.cardHeight
                position += 1
            }
        }
    }

    /// The board column drawn at screen column `x` (the wheel scrolls the column under the pointer).
    public func column(x: Int) -> Int? {
        columns.first { x >= $0.area.x && x < $0.area.maxX }?.lane
    }

    /// What is drawn at (x, y), for a click.
    public func target(x: Int, y: Int) -> ClickTarget? {
        guard !layout.isTooSmall, y >= 0, y < layout.height - 1 else { return nil }
        switch view {
        case .board:
            let card = cards.first { x >= $0.area.x && x < $0.area.maxX && y >= $0.area.y && y < $0.area.maxY }
            return card.map { .card(column: $0.lane, number: $0.number) }
        case .list:
            let row = y - 1
            return row >= 0 && row < listRows.count ? .row(listRows[listRows.startIndex + row]) : nil
        case .activity:
            return .activity(activityOffset + y)
        case .issue, .help, .messages:
            return nil
        }
    }
}
