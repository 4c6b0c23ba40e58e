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
        var y = 0
        var entry = context.ui.activityOffset
        while y < rows, entry < events.count {
            let event = events[events.count - 1 - entry]
            if let seen = context.ui.lastSeen, event.at <= seen, entry > 0,
               events[events.count - entry].at > seen {
                let rule = context.settings.asciiOnly ? "-" : "─"
                grid.put(String(repeating: rule, count: 3) + " last seen " + String(repeating: rule, count: max(0, layout.width - 16)),
                         x: 1, y: y, style: theme[.stale], limit: layout.width - 1)
                y += 1
                if y >= rows { break }
            }
            let selected = entry == context.ui.activitySelected
            let base = selected ? theme[.listSelected] : theme[.default]
            grid.fill(Rect(x: 0, y: y, width: layout.width, height: 1), style: base)
            var x = grid.put(event.at.ago(relativeTo: context.now).padding(to: 9), x: 1, y: y,
                             style: CardView.overlay(theme[.timelineTime], on: base))
            x = grid.put(Sanitizer.line(event.actor) + " ", x: x, y: y, style: CardView.overlay(theme[.timelineActor], on: base))
            x = grid.put("#\(event.issue) ", x: x, y: y, style: CardView.overlay(theme[.cardID], on: base))
            var text = Sanitizer.line(event.summary(in: context.board))
            if case .commented(let comment) = event.kind { text += ": " + Sanitizer.line(comment) }
            grid.put(DisplayWidth.truncate(text, to: max(0, layout.width - 1 - x)), x: x, y: y, style: base, limit: layout.width - 1)
            y += 1
            entry += 1
        }
    }
}
