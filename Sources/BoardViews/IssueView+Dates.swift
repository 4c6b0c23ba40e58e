import BoardModel
import Screen

extension IssueView {
    /// The `due` and `waiting` rows of the issue view (none when the issue has neither).
    static func dateLines(_ issue: Issue, context: ViewContext, field: (String, String, Style) -> Line) -> [Line] {
        let theme = context.theme
        let clock = context.session.clock
        var lines: [Line] = []
        if let due = issue.due {
            let overdue = issue.isOverdue(clock)
            lines.append(field("due", due.description + " (" + CardView.dueText(due, today: clock.today) + ")" + (overdue ? " · overdue" : ""),
                               overdue ? theme[.wipExceeded] : theme[.default]))
        }
        if let snooze = issue.snooze {
            let by = Sanitizer.line(snooze.by)
            if issue.isSnoozed(clock) {
                lines.append(field("waiting", "until \(snooze.until) (snoozed by \(by)); s none wakes it", theme[.dim]))
            } else if issue.isResurfaced(clock) {
                lines.append(field("waiting", "back since \(snooze.until) (snoozed by \(by))", theme[.marked]))
            }
        }
        return lines
    }
}

extension ActivityView {
    /// Words put before an entry that concerns the reader: "mentioned you: " on a comment or
    /// description naming them; "woke #4: " on someone's change that ended a wait early;
    /// "back from waiting: " on a snooze whose day has come and that nobody touched since.
    static func note(_ event: Event, _ context: ViewContext) -> String {
        if let text = event.text, Mentions.names(in: text).contains(where: { $0.caseInsensitiveEquals(context.actor) }) {
            return "mentioned you: "
        }
        guard let issue = context.board.issues[event.issue] else { return "" }
        if let wake = issue.woken, wake.at == event.at, wake.by == event.actor {
            return "woke it (waited until \(wake.until)): "
        }
        if case .snoozed = event.kind, let snooze = issue.snooze, snooze.at == event.at, issue.isResurfaced(context.session.clock) {
            return "back from waiting: "
        }
        return ""
    }
}
