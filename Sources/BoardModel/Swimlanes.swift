/// How the board is split into horizontal bands, so a lead sees who holds what.
public enum Swimlanes: String, CaseIterable, Sendable {
    case none, assignee, priority, label

    /// The next grouping for `S`: none → assignee → priority → label → none.
    public var next: Swimlanes {
        let all = Swimlanes.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The band an issue belongs to, and the band's sort position. An issue with several
    /// assignees or labels sits in the band of the first one (alphabetically).
    public func band(of issue: Issue) -> (key: String, order: String) {
        switch self {
        case .none:
            return ("", "")
        case .assignee:
            guard let first = issue.assignees.min() else { return ("unassigned", "\u{10FFFF}") }
            return ("@" + first, first)
        case .priority:
            return (issue.priority.rawValue, String(issue.priority.order))
        case .label:
            guard let first = issue.labels.min() else { return ("no label", "\u{10FFFF}") }
            return (first, first)
        }
    }
}
