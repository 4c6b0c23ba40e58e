import BoardModel
import Screen

/// `:messages`: every problem the rc files and themes had at load, as `FILE:LINE: message`,
/// then this session's status-line messages, newest first. The status line has room for one
/// short line; this view has room for all of them. Scrolls like help; `q` backs out.
enum MessagesView {
    /// The longest entry shown: a 1 MB bad rc line must not become thousands of wrapped rows.
    static let entryLimit = 2000

    static func lines(_ context: ViewContext, width: Int) -> [(text: String, style: Style)] {
        let theme = context.theme
        var rows: [(text: String, style: Style)] = []
        func add(_ entries: [String], title: String, empty: String) {
            rows.append((title, theme[.helpSection]))
            if entries.isEmpty { rows.append((empty, theme[.dim])) }
            for entry in entries {
                let clipped = entry.count > entryLimit ? entry.prefix(entryLimit) + "…" : entry
                rows += DisplayWidth.wrap(Sanitizer.line(clipped), to: width).map { ($0, theme[.default]) }
            }
            rows.append(("", theme[.default]))
        }
        let problems = context.ui.problems
        add(problems.map(\.description), title: "Problems in the rc files (" + Plural.count(problems.count, "problem") + ")",
            empty: "none")
        add(context.ui.recentMessages.reversed().map(\.text), title: "Messages, newest first", empty: "none yet")
        return rows
    }

    static func render(_ context: ViewContext, into grid: inout CellGrid, layout: BoardLayout) {
        let rows = lines(context, width: max(1, layout.width - 2))
        let visible = layout.height - 1
        let scroll = min(context.ui.scroll, max(0, rows.count - visible))
        for (index, row) in rows.dropFirst(scroll).prefix(visible).enumerated() {
            grid.put(row.text, x: 1, y: index, style: row.style, limit: layout.width - 1)
        }
    }
}
