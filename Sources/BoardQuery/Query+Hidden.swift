import BoardModel

/// Issues hidden by default (archived, deleted): which queries show them.
extension Query {
    /// Whether this query shows `issue` although it is not shown by default: a deleted issue
    /// never, an archived one only when the query asks for `is:archived`.
    func reveals(_ issue: borrowing Issue) -> Bool {
        !issue.isDeleted && (!issue.isArchived || revealsArchived)
    }

    /// Whether the query asks for archived issues (`is:archived`, not negated).
    public var revealsArchived: Bool {
        terms.contains { $0.condition == .archived && !$0.negated }
    }
}
