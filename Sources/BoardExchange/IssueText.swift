import BoardModel
import Screen

/// The text form of `lanes show N`: fields, body, then the timeline. Every user string is sanitised.
public enum IssueText {
    public static func render(_ issue: Issue, timeline: [Event], state: BoardState, now: Timestamp = .now) -> String {
        let clean = Sanitizer.line
        var out = "#\(issue.number) \(clean(issue.title))\n"
        out += "state:     \(issue.state.rawValue)\n"
        out += "column:    \(clean(state.columnName(issue.column)))\n"
        out += "priority:  \(issue.priority.rawValue)\n"
        out += "assignees: \(issue.assignees.isEmpty ? "-" : clean(issue.assignees.joined(separator: ", ")))\n"
        out += "labels:    \(issue.labels.isEmpty ? "-" : clean(issue.labels.joined(separator: ", ")))\n"
        out += linkLines(issue, state: state)
        out += "author:    \(clean(issue.author))\n"
        if let reporter = issue.reporter { out += "reporter:  \(clean(reporter))\(issue.otherReporters)\n" }
        out += "created:   \(issue.created.iso8601) (\(issue.created.ago(relativeTo: now)))\n"
        out += "updated:   \(issue.updated.iso8601) (\(issue.updated.ago(relativeTo: now)))\n"
        out += dateLines(issue, clock: DayClock(now: now))
        if !issue.body.isEmpty {
            out += "\n" + indent(Sanitizer.multiline(issue.body)) + "\n"
        }
        out += "\ntimeline:\n"
        let comments = Dictionary(IssueComment.all(in: timeline).map { ($0.id, $0) }) { first, _ in first }
        for event in timeline {
            let comment = comments[event.id]
            out += "  \(event.at.iso8601)  \(clean(event.actor))  \(clean(comment?.summary ?? event.summary(in: state)))\n"
            if let comment, !comment.isDeleted {
                out += indent(Sanitizer.multiline(comment.text), by: 6) + "\n"
            }
        }
        return out
    }

    static func indent(_ text: String, by count: Int = 2) -> String {
        let pad = String(repeating: " ", count: count)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
    }
}
