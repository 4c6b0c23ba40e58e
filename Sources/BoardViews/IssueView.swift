import BoardModel
import BoardInteraction
import Screen

/// One issue: its fields, its description, then its timeline, newest last. A cursor selects a
/// line (j/k, pages, g/G) and the view scrolls to keep it in sight; the selected line's row says
/// what <Enter>, `o`, `E` and `R` act on.
public enum IssueView {
    /// A line of the issue view with its style; pieces let one line mix styles.
    struct Line {
        var pieces: [(String, Style)]
        var row = IssueRow()
        init(_ pieces: [(String, Style)], row: IssueRow = IssueRow()) {
            self.pieces = pieces
            self.row = row
            self.row.isBlank = pieces.allSatisfy { $0.0.allSatisfy { $0 == " " } }
        }
        init(_ text: String, _ style: Style) { self.init([(text, style)]) }
    }

    static func render(_ number: Int, _ context: ViewContext, into grid: inout CellGrid, layout: BoardLayout) {
        let theme = context.theme
        guard let issue = context.board.issues[number], !issue.isDeleted else {
            let text = context.board.issues[number] == nil ? "issue #\(number) is not on this board" : "issue #\(number) is deleted"
            grid.put(text, x: 1, y: 1, style: theme[.statusError])
            return
        }
        let lines = self.lines(issue, context: context, width: layout.width - 2)
        let visible = layout.height - 1
        let scroll = min(context.ui.scroll, max(0, lines.count - visible))
        let cursor = min(context.ui.issueCursor, lines.count - 1)
        for (row, line) in lines.enumerated().dropFirst(scroll).prefix(visible) {
            let y = row - scroll
            let selected = row == cursor
            if selected { grid.fill(Rect(x: 0, y: y, width: layout.width, height: 1), style: theme[.listSelected]) }
            var x = 1
            for (text, style) in line.pieces {
                let room = layout.width - 1 - x
                guard room > 0 else { break }
                x = grid.put(DisplayWidth.truncate(text, to: room), x: x, y: y, style: selected ? CardView.overlay(style, on: theme[.listSelected]) : style,
                             limit: layout.width - 1)
            }
        }
    }

    /// What each line is about, at this width: the reducer's `ReduceContext.issueRows`.
    public static func rows(_ number: Int, _ context: ViewContext, width: Int) -> [IssueRow] {
        guard let issue = context.board.issues[number] else { return [] }
        return lines(issue, context: context, width: width - 2).map(\.row)
    }

    static func lines(_ issue: Issue, context: ViewContext, width: Int) -> [Line] {
        let theme = context.theme
        let board = context.board
        let now = context.now
        var lines: [Line] = []
        for text in DisplayWidth.wrap("#\(issue.number) " + Sanitizer.line(issue.title), to: width) {
            lines.append(Line(text, theme[.issueTitle]))
        }
        func field(_ name: String, _ value: String, _ style: Style) -> Line {
            Line([(name.padding(to: 11), theme[.issueField]), (value, style)])
        }
        let marker = CardView.marker(issue.priority)
        lines.append(field("state", issue.state.rawValue + " · " + Sanitizer.line(board.columnName(issue.column)) + archivedNote(issue),
                           theme[.default]))
        lines.append(field("priority", issue.priority.rawValue, marker.map { theme[$0.element] } ?? theme[.dim]))
        lines.append(field("assignees", issue.assignees.isEmpty ? "unassigned" : Sanitizer.line(issue.assignees.joined(separator: ", ")),
                           issue.assignees.isEmpty ? theme[.unassigned] : theme[.assignee]))
        lines.append(field("labels", issue.labels.isEmpty ? "-" : Sanitizer.line(issue.labels.joined(separator: ", ")), theme[.label]))
        lines.append(field("author", Sanitizer.line(issue.author) + " · created " + issue.created.ago(relativeTo: now)
                           + " · updated " + issue.updated.ago(relativeTo: now), theme[.default]))
        lines += dateLines(issue, context: context, field: field)
        if let reporter = issue.reporter {
            lines.append(field("reporter", Sanitizer.line(reporter) + issue.otherReporters, theme[.default]))
        }
        lines.append(Line("", theme[.default]))
        if issue.body.isEmpty {
            lines.append(Line("(no description)", theme[.dim]))
        } else {
            for line in MarkdownRenderer.lines(issue.body, width: width, theme: theme) {
                lines.append(Line(line.pieces, row: IssueRow(target: line.target, task: line.task)))
            }
        }
        lines.append(Line("", theme[.default]))
        lines += linkLines(issue, context: context)
        lines.append(Line("Timeline", theme[.helpSection]))
        lines += timeline(issue, context: context, width: width)
        return lines
    }

    /// The timeline's entries; a comment as it reads now, rendered as Markdown under its entry.
    /// A comment's edits and deletion are folded into it ("(edited)"), not listed apart.
    static func timeline(_ issue: Issue, context: ViewContext, width: Int) -> [Line] {
        let theme = context.theme
        let events = context.board.timelines[issue.number] ?? []
        let comments = Dictionary(IssueComment.all(in: events).map { ($0.id, $0) }) { first, _ in first }
        let ageWidth = 9
        let indent = String(repeating: " ", count: ageWidth + 2)
        var lines: [Line] = []
        for event in events {
            switch event.kind {
            case .commentEdited, .commentDeleted: continue
            default: break
            }
            let comment = comments[event.id]
            let row = IssueRow(comment: comment?.id)
            let summary = Sanitizer.line(comment?.summary ?? event.summary(in: context.board))
            lines.append(Line([(event.at.ago(relativeTo: context.now).padding(to: ageWidth), theme[.timelineTime]),
                               (Sanitizer.line(event.actor) + " ", theme[.timelineActor]),
                               (summary, comment?.isDeleted == true ? theme[.dim] : theme[.default])], row: row))
            guard let comment, !comment.isDeleted else { continue }
            for line in MarkdownRenderer.lines(QuoteFold.folded(comment.text), width: max(1, width - ageWidth - 2), theme: theme) {
                var drawn = Line([(indent, theme[.default])] + line.pieces, row: row)
                drawn.row.target = line.target
                lines.append(drawn)
            }
        }
        return lines
    }
}

extension String {
    /// Pads with spaces to `width` display columns (never cuts).
    func padding(to width: Int) -> String {
        let current = DisplayWidth.of(self)
        return current >= width ? self + " " : self + String(repeating: " ", count: width - current)
    }
}
