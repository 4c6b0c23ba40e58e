import BoardModel
import Screen

/// One card: `#id`, priority marker and title on the first line; labels and assignees on the second.
enum CardView {
    static func draw(_ issue: Issue, context: ViewContext, x: Int, y: Int, width: Int, selected: Bool,
                     into grid: inout CellGrid) {
        let theme = context.theme
        // Only the title line carries the selection band: the details line stays as it is, so
        // moving the selection repaints two lines, not four (what a keystroke costs over SSH).
        let base = selected ? theme[.cardSelected] : theme[.card]
        let details = theme[.card]
        grid.fill(Rect(x: x, y: y, width: width, height: 1), style: base)
        grid.fill(Rect(x: x, y: y + 1, width: width, height: 1), style: details)
        let limit = x + width - 1
        var column = x + 1
        if context.ui.marked.contains(issue.number) {
            column = grid.put("*", x: x, y: y, style: overlay(theme[.marked], on: base), limit: limit)
        }

        column = grid.put("#\(issue.number)", x: column, y: y, style: overlay(theme[.cardID], on: base), limit: limit) + 1
        if let marker = marker(issue.priority) {
            column = grid.put(marker.text, x: column, y: y, style: overlay(theme[marker.element], on: base), limit: limit) + 1
        }
        let title = Sanitizer.line(issue.title)
        grid.put(DisplayWidth.truncate(title, to: max(0, limit - column)), x: column, y: y, style: base, limit: limit)

        // Second line: stale age, labels, then assignees (or "unassigned").
        column = x + 1
        for badge in badges(issue, board: context.board) {
            column = grid.put(badge.text, x: column, y: y + 1, style: overlay(theme[badge.element], on: details), limit: limit) + 1
        }
        let staleDays = (context.now.milliseconds - issue.updated.milliseconds) / Timestamp.day
        if issue.isOpen, staleDays > Int64(context.settings.staleAfterDays) {
            column = grid.put("\(staleDays)d", x: column, y: y + 1, style: overlay(theme[.stale], on: details), limit: limit) + 1
        }
        for badge in dateBadges(issue, clock: context.session.clock) {
            column = grid.put(badge.text, x: column, y: y + 1, style: overlay(theme[badge.element], on: details), limit: limit) + 1
        }
        for label in issue.labels {
            column = grid.put(Sanitizer.line(label), x: column, y: y + 1, style: overlay(theme[.label], on: details), limit: limit) + 1
        }
        if let reporter = reporterBadge(issue) {
            column = grid.put(reporter, x: column, y: y + 1, style: overlay(theme[.dim], on: details), limit: limit) + 1
        }
        if issue.assignees.isEmpty {
            if issue.isOpen { grid.put("unassigned", x: column, y: y + 1, style: overlay(theme[.unassigned], on: details), limit: limit) }
        } else {
            let names = issue.assignees.map { "@" + Sanitizer.line($0) }.joined(separator: " ")
            grid.put(DisplayWidth.truncate(names, to: max(0, limit - column)), x: column, y: y + 1,
                     style: overlay(theme[.assignee], on: details), limit: limit)
        }
    }

    /// A one-character marker per priority, coloured by the theme.
    static func marker(_ priority: Priority) -> (text: String, element: Theme.Element)? {
        switch priority {
        case .urgent: ("!!", .priorityUrgent)
        case .high: ("!", .priorityHigh)
        case .medium: ("=", .priorityMedium)
        case .low: ("-", .priorityLow)
        case .none: nil
        }
    }

    /// A foreground element drawn on a card keeps the card's background (so the selection bar
    /// stays one solid band) and adds its attributes.
    static func overlay(_ style: Style, on base: Style) -> Style {
        Style(foreground: style.foreground == .terminalDefault ? base.foreground : style.foreground,
              background: base.background, attributes: style.attributes.union(base.attributes))
    }
}
