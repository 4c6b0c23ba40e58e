/// How the board is split into horizontal bands, so a lead sees who holds what.
public enum Swimlanes: String, CaseIterable, Sendable {
    case none, assignee, priority, label

    /// Every grouping's name, in `S` order: usage lines, help and errors spell them from here.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// The next grouping for `S`: none → assignee → priority → label → none.
    public var next: Swimlanes {
        let all = Swimlanes.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The band an issue belongs to, and the band's sort position. An issue with several
    /// assignees or labels sits in the band of the first one (alphabetically).
    public func band(of issue: Issue) -> (key: String, order: String) {
        let order = withUnsafePointer(to: issue) { bandOrder(at: $0) }
        return (key(ofBandOrdered: order), order)
    }

    /// The sort position of the issue's band, which names the band too; read in place (a board
    /// grouped into bands does this for every issue on every filter keystroke).
    func bandOrder(at issue: UnsafePointer<Issue>) -> String {
        switch self {
        case .none: ""
        case .assignee: issue.pointee.assignees.min() ?? Swimlanes.last
        case .priority: String(issue.pointee.priority.order)
        case .label: issue.pointee.labels.min() ?? Swimlanes.last
        }
    }

    /// The band's name from its sort position.
    func key(ofBandOrdered order: String) -> String {
        switch self {
        case .none: ""
        case .assignee: order == Swimlanes.last ? "unassigned" : "@" + order
        case .priority: Priority.allCases.first { String($0.order) == order }?.rawValue ?? order
        case .label: order == Swimlanes.last ? "no label" : order
        }
    }

    /// Sorts after every name: the band of issues with no assignee or no label comes last.
    static let last = "\u{10FFFF}"
}
