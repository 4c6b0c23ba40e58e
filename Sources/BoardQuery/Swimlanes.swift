import BoardModel

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

    /// The sort positions of the bands an issue is in, which name the bands too; read in place
    /// (a board grouped into bands does this for every issue when the grouping changes). An
    /// issue with several assignees or labels is in the band of each, so that a band holds
    /// what `lanes list assignee:NAME` lists.
    func bandOrders(at issue: UnsafePointer<Issue>) -> [String] {
        switch self {
        case .none: [""]
        case .assignee: issue.pointee.assignees.isEmpty ? [Swimlanes.last] : issue.pointee.assignees
        case .priority: [String(issue.pointee.priority.order)]
        case .label: issue.pointee.labels.isEmpty ? [Swimlanes.last] : issue.pointee.labels
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
