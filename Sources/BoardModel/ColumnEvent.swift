/// What a `column-*` event did to the board's columns (board-wide, issue field `-`).
///
/// One event per change, rather than rewriting the whole list as the older `columns` event
/// does, so that two clones' changes merge: two additions both stay, a rename and a move of the
/// same column both apply. Positions are written as the column to follow (`after`, nil: first).
public enum ColumnEvent: Hashable, Sendable {
    case added(Column, after: String?)
    case renamed(String, name: String)
    case moved(String, after: String?)
    /// The column's issues land in `to` (nil: the first column), now and when a merge brings
    /// in moves into it made before the removal was seen.
    case removed(String, to: String?)
    case limited(String, wip: Int?)
    case closing(String, Bool)

    /// The word used for this kind in the log and in JSON.
    public var name: String {
        switch self {
        case .added: "column-added"
        case .renamed: "column-renamed"
        case .moved: "column-moved"
        case .removed: "column-removed"
        case .limited: "column-wip"
        case .closing: "column-closing"
        }
    }

    /// The id of the column the event is about.
    public var columnID: String {
        switch self {
        case .added(let column, _): column.id
        case .renamed(let id, _), .moved(let id, _), .removed(let id, _), .limited(let id, _), .closing(let id, _): id
        }
    }

    /// Words for the timeline and the activity view ("renamed column QA to Testing").
    public func summary(in state: BoardState) -> String {
        switch self {
        case let .added(column, after):
            return "added column \(column.name)" + (after.map { " after \(state.columnName($0))" } ?? " first")
                + (column.isClosing ? " (closing)" : "") + (column.wip.map { ", WIP limit \($0)" } ?? "")
        case let .renamed(id, name): return "renamed column \(id) to \(name)"
        case let .moved(id, after): return "moved column \(state.columnName(id))" + (after.map { " after \(state.columnName($0))" } ?? " first")
        case let .removed(id, to): return "removed column \(id)" + (to.map { ", its issues to \(state.columnName($0))" } ?? "")
        case let .limited(id, wip): return "set the WIP limit of \(state.columnName(id)) to " + (wip.map(String.init) ?? "none")
        case let .closing(id, on): return "made \(state.columnName(id)) " + (on ? "a closing column" : "not closing")
        }
    }
}

extension Event {
    /// `#N ` before an issue event's summary; nothing before a board event's ("bob: renamed column…").
    public var subjectPrefix: String { issue == 0 ? "" : "#\(issue) " }
}

extension EventKind {
    /// Whether the event is about the board rather than an issue (its issue field is `-`).
    public var isBoardWide: Bool {
        switch self {
        case .columns, .column: true
        default: false
        }
    }
}
