/// Human words for an event, the same in `lanes show`, the issue view and the activity view.
extension Event {
    /// "moved To do → In progress", "added label bug", "commented". Text from users is returned
    /// raw: callers sanitise it at the point of drawing or printing.
    public func summary(in state: BoardState) -> String {
        switch kind {
        case .columns(let columns):
            return "set columns " + columns.map(\.name).joined(separator: ", ")
        case let .created(title, _, column, _, _):
            return "created \"\(title)\" in \(state.columnName(column))"
        case .retitled(let title):
            return "retitled to \"\(title)\""
        case .bodyEdited:
            return "edited the description"
        case let .moved(from, to, _):
            return from == to ? "reordered in \(state.columnName(to))" : "moved \(state.columnName(from)) → \(state.columnName(to))"
        case .assigned(let user):
            return "assigned \(user)"
        case .unassigned(let user):
            return "unassigned \(user)"
        case .labelled(let label):
            return "added label \(label)"
        case .unlabelled(let label):
            return "removed label \(label)"
        case .prioritised(let priority):
            return "set priority \(priority.rawValue)"
        case .commented:
            return "commented"
        case .commentEdited:
            return "edited a comment"
        case .commentDeleted:
            return "deleted a comment"
        case let .closed(from, to, _):
            return "closed (\(state.columnName(from)) → \(state.columnName(to)))"
        case .imported(let key):
            return MailKey.isMail(key) ? "received by mail" : "imported from \(key)"
        case .reported(let reporter):
            return "reported by \(reporter)"
        case .renumbered(let old):
            return "renumbered from #\(old) (two clones created #\(old) offline)"
        case let .reopened(from, to, _):
            return "reopened (\(state.columnName(from)) → \(state.columnName(to)))"
        case .lifecycle(let step):
            return step.rawValue
        case .dueSet(let date):
            return date.map { "set due \($0)" } ?? "cleared the due date"
        case .snoozed(let date):
            return date.map { "snoozed until \($0)" } ?? "woke it"
        case let .linked(type, other):
            return "linked: \(type.rawValue) #\(other)"
        case let .unlinked(type, other):
            return "unlinked: \(type.rawValue) #\(other)"
        case .column(let change):
            return change.summary(in: state)
        }
    }

    /// The longer text an event carries (a comment or a new description), if any.
    public var text: String? {
        switch kind {
        case .commented(let text), .bodyEdited(let text), .commentEdited(_, let text): text
        case let .created(_, body, _, _, _): body.isEmpty ? nil : body
        default: nil
        }
    }
}
