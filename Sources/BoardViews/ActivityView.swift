import BoardModel
import Screen

/// The board's own timeline: every event, newest first, in the same words as an issue's
/// timeline, with a line where this user last looked.
enum ActivityView {
    static func render(_ context: ViewContext, into grid: inout CellGrid, layout: BoardLayout) {
        let theme = context.theme
        let events = context.board.events
        let rows = layout.height - 1
        guard !events.isEmpty else {
            grid.put("no activity yet", x: 1, y: 0, style: theme[.dim])
            return
        }
        // Each event on screen is read back from the log once: the column widths and the rows
        // share the list. Columns sized to those entries: actor, #id, the issue's title, what happened.
        let first = context.ui.activityOffset
        let shown = (first..<min(events.count, first + rows)).map { events[events.count - 1 - $0] }
        let actorWidth = min(16, shown.map { DisplayWidth.of(Sanitizer.line($0.actor)) }.max() ?? 0)
        let idWidth = shown.map { subject($0).count }.max() ?? 0
        let titleWidth = min(30, max(8, (layout.width - 12 - actorWidth - idWidth) / 3))
        // The event just above this one (newer), to place the "last seen" line between them.
        var newer = first > 0 && context.ui.lastSeen != nil ? events[events.count - first] : nil
        var y = 0
        for (index, event) in shown.enumerated() {
            guard y < rows else { break }
            if let seen = context.ui.lastSeen, event.at <= seen, let newer, newer.at > seen {
                let rule = context.settings.asciiOnly ? "-" : "─"
                grid.put(String(repeating: rule, count: 3) + " last seen " + String(repeating: rule, count: max(0, layout.width - 16)),
                         x: 1, y: y, style: theme[.stale], limit: layout.width - 1)
                y += 1
                if y >= rows { break }
            }
            newer = event
            let selected = first + index == context.ui.activitySelected
            let base = selected ? theme[.listSelected] : theme[.default]
            grid.fill(Rect(x: 0, y: y, width: layout.width, height: 1), style: base)
            var x = grid.put(event.at.ago(relativeTo: context.now).padding(to: 9), x: 1, y: y,
                             style: CardView.overlay(theme[.timelineTime], on: base))
            let actor = DisplayWidth.truncate(Sanitizer.line(event.actor), to: actorWidth)
            x = grid.put(filled(actor, to: actorWidth) + " ", x: x, y: y, style: CardView.overlay(theme[.timelineActor], on: base))
            x = grid.put(filled(subject(event), to: idWidth) + " ", x: x, y: y, style: CardView.overlay(theme[.cardID], on: base))
            if let issue = context.board.issues[event.issue] {
                let title = DisplayWidth.truncate(Sanitizer.line(issue.title), to: titleWidth)
                x = grid.put(filled(title, to: titleWidth) + " ", x: x, y: y, style: base, limit: layout.width - 1)
            }
            var text = Sanitizer.line(event.summary(in: context.board))
            if case .commented(let comment) = event.kind { text += ": " + Sanitizer.line(comment) }
            grid.put(DisplayWidth.truncate(text, to: max(0, layout.width - 1 - x)), x: x, y: y, style: base, limit: layout.width - 1)
            y += 1
        }
    }

    /// `#N`, or `board` for a board-wide event (a column change).
    static func subject(_ event: Event) -> String { event.issue == 0 ? "board" : "#\(event.issue)" }

    /// `text` (no wider than `width`) padded with spaces to exactly `width` columns.
    static func filled(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }
}
