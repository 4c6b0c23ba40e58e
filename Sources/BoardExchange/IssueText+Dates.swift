import BoardModel
import Screen

extension IssueText {
    /// The `due:` and `waiting:` lines of `lanes show` (none when the issue has neither).
    static func dateLines(_ issue: Issue, clock: DayClock) -> String {
        var out = ""
        if let due = issue.due {
            out += "due:       \(due)\(issue.isOverdue(clock) ? " (overdue)" : "")\n"
        }
        if let snooze = issue.snooze {
            let state = issue.isSnoozed(clock) ? "until \(snooze.until)" : issue.isResurfaced(clock) ? "back since \(snooze.until)" : nil
            if let state { out += "waiting:   \(state) (snoozed by \(Sanitizer.line(snooze.by)))\n" }
        }
        return out
    }
}
