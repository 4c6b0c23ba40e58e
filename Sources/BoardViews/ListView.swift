import BoardModel
import BoardInteraction
import Screen

/// The list: one row per issue in the filter, in the query's sort order.
enum ListView {
    /// For the status line: where the selection is and which sort is in force, " (list 12/60 · sort:id)".
    static func position(_ context: ViewContext) -> String {
        let list = context.projection.list
        let index = BoardSelection.listIssue(context.ui, list).flatMap { list.firstIndex(of: $0) }
        return " (list " + (index.map { "\($0 + 1)/\(list.count) · " } ?? "") + context.ui.filter.sort.term + ")"
    }

    static func render(_ context: ViewContext, into grid: inout CellGrid, frame: ViewLayout) {
        let theme = context.theme
        let layout = frame.layout
        let list = context.projection.list
        let width = layout.width
        // Fixed columns; the title takes what is left.
        let idWidth = max(3, String(context.board.highestNumber).count + 1)
        let fixed: [(String, Int)] = [("COLUMN", 12), ("ASSIGNEES", 12), ("LABELS", 12), ("PRIO", 6), ("UPDATED", 7)]
        let shown = width >= 70 ? fixed : width >= 50 ? Array(fixed.prefix(1)) : []
        let titleWidth = max(8, width - idWidth - 1 - shown.reduce(0) { $0 + $1.1 + 1 } - 1)

        grid.fill(Rect(x: 0, y: 0, width: width, height: 1), style: theme[.listHeader])
        grid.put("ID", x: 0, y: 0, style: theme[.listHeader])
        var x = idWidth + 1
        grid.put("TITLE", x: x, y: 0, style: theme[.listHeader])
        x += titleWidth + 1
        for (name, w) in shown {
            grid.put(name, x: x, y: 0, style: theme[.listHeader], limit: x + w)
            x += w + 1
        }

        if list.isEmpty {
            grid.put(context.ui.filter.isEmpty ? "no issues yet" : "no issues match the filter", x: 1, y: 2, style: theme[.dim])
            return
        }
        let selected = BoardSelection.listIssue(context.ui, list)
        for (row, number) in frame.listRows.enumerated() {
            guard let issue = context.board.issues[number] else { continue }
            let y = row + 1
            let style = issue.number == selected ? theme[.listSelected] : theme[.card]
            grid.fill(Rect(x: 0, y: y, width: width, height: 1), style: style)
            grid.put("#\(issue.number)", x: 0, y: y, style: CardView.overlay(theme[.cardID], on: style), limit: idWidth)
            if context.ui.marked.contains(issue.number) {
                grid.put("*", x: idWidth, y: y, style: CardView.overlay(theme[.marked], on: style))
            }
            var x = idWidth + 1
            grid.put(DisplayWidth.truncate(Sanitizer.line(issue.title), to: titleWidth), x: x, y: y, style: style, limit: x + titleWidth)
            x += titleWidth + 1
            let cells: [(String, Theme.Element?)] = [
                (context.board.columnName(issue.column), nil),
                (issue.assignees.joined(separator: ","), .assignee),
                (issue.labels.joined(separator: ","), .label),
                (issue.priority == .none ? "" : issue.priority.rawValue, CardView.marker(issue.priority)?.element),
                (issue.updated.age(relativeTo: context.now), .dim),
            ]
            for ((text, element), (_, w)) in zip(cells, shown) {
                let cellStyle = element.map { CardView.overlay(theme[$0], on: style) } ?? style
                grid.put(DisplayWidth.truncate(Sanitizer.line(text), to: w), x: x, y: y, style: cellStyle, limit: x + w)
                x += w + 1
            }
        }
    }
}
