extension BoardState {
    /// The changes that would put back what `change` is about to change, computed from the
    /// state before it is applied. Undo saves these as new events, so history stays true and
    /// other users see the undo. Nil when the change cannot be undone (comments, new issues).
    public func inverse(of change: Change) -> [Change]? {
        switch change {
        case .create, .comment:
            return nil
        case let .retitle(number, _):
            return issues[number].map { [.retitle(number, $0.title)] }
        case let .editBody(number, _):
            return issues[number].map { [.editBody(number, $0.body)] }
        case let .move(number, _, _):
            return issues[number].map { [.move(number, to: $0.column, rank: $0.rank)] }
        case let .assign(number, users):
            guard let issue = issues[number] else { return nil }
            let added = users.filter { !issue.assignees.contains($0) }
            return added.isEmpty ? [] : [.unassign(number, added)]
        case let .unassign(number, users):
            guard let issue = issues[number] else { return nil }
            let removed = users.filter { issue.assignees.contains($0) }
            return removed.isEmpty ? [] : [.assign(number, removed)]
        case let .label(number, add, remove):
            guard let issue = issues[number] else { return nil }
            return [.label(number, add: remove.filter { issue.labels.contains($0) },
                           remove: add.filter { !issue.labels.contains($0) })]
        case let .prioritise(number, _):
            return issues[number].map { [.prioritise(number, $0.priority)] }
        case let .close(number):
            guard let issue = issues[number] else { return nil }
            return issue.isOpen ? [.reopen(number)] : []
        case let .reopen(number):
            guard let issue = issues[number] else { return nil }
            return issue.isOpen ? [] : [.move(number, to: issue.column, rank: issue.rank)]
        case .column(let change):
            return columnInverse(of: change)
        case let .editComment(number, id, _), let .deleteComment(number, id):
            return commentInverse(number, id)
        }
    }
}
