import BoardModel
import Screen

/// One issue: its fields, its description, then its timeline, newest last. Scrolls.
enum IssueView {
    /// A line of the issue view with its style; pieces let one line mix styles.
    struct Line {
        var pieces: [(String, Style)]
        init(_ pieces: [(String, Style)]) { self.pieces = pieces }
        init(_ text: String, _ style: Style) { pieces = [(text, style)] }
    }

    static func render(_ number: Int, _ context: ViewContext, into grid: inout CellGrid, layout: BoardLayout) {
        let theme = context.theme
        guard let issue = context.board.issues[number] else {
            grid.put("issue #\(number) is not on this board", x: 1, y: 1, style: theme[.statusError])
            return
        }
        let lines = self.lines(issue, context: context, width: layout.width - 2)
        let visible = layout.height - 1
        let scroll = min(context.ui.scroll, max(0, lines.count - visible))
        for (row, line) in lines.dropFirst(scroll).prefix(visible).enumerated() {
            var x = 1
            for (text, style) in line.pieces {
                let room = layout.width - 1 - x
                guard room > 0 else { break }
                x = grid.put(DisplayWidth.truncate(text, to: room), x: x, y: row, style: style, limit: layout.width - 1)
            }
        }
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
        lines.append(field("state", issue.state.rawValue + " · " + Sanitizer.line(board.columnName(issue.column)), theme[.default]))
        lines.append(field("priority", issue.priority.rawValue, marker.map { theme[$0.element] } ?? theme[.dim]))
        lines.append(field("assignees", issue.assignees.isEmpty ? "unassigned" : Sanitizer.line(issue.assignees.joined(separator: ", ")),
                           issue.assignees.isEmpty ? theme[.unassigned] : theme[.assignee]))
        lines.append(field("labels", issue.labels.isEmpty ? "-" : Sanitizer.line(issue.labels.joined(separator: ", ")), theme[.label]))
        lines.append(field("author", Sanitizer.line(issue.author) + " · created " + issue.created.ago(relativeTo: now)
                           + " · updated " + issue.updated.ago(relativeTo: now), theme[.default]))
        if let reporter = issue.reporter {
            lines.append(field("reporter", Sanitizer.line(reporter) + issue.otherReporters, theme[.default]))
        }
        lines.append(Line("", theme[.default]))
        if issue.body.isEmpty {
            lines.append(Line("(no description)", theme[.dim]))
        } else {
            for text in DisplayWidth.wrap(Sanitizer.multiline(issue.body), to: width) { lines.append(Line(text, theme[.default])) }
        }
        lines.append(Line("", theme[.default]))
        lines.append(Line("Timeline", theme[.helpSection]))
        let events = board.timelines[issue.number] ?? []
        let ageWidth = 9
        for event in events {
            let actor = Sanitizer.line(event.actor)
            let summary = Sanitizer.line(event.summary(in: board))
            lines.append(Line([(event.at.ago(relativeTo: now).padding(to: ageWidth), theme[.timelineTime]),
                               (actor + " ", theme[.timelineActor]), (summary, theme[.default])]))
            if case .commented(let text) = event.kind {
                for wrapped in DisplayWidth.wrap(Sanitizer.multiline(QuoteFold.folded(text)), to: max(1, width - ageWidth - 2)) {
                    lines.append(Line(String(repeating: " ", count: ageWidth + 2) + wrapped, theme[.default]))
                }
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
