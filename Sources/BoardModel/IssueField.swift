/// One field of an issue that a change sets: what undo checks before putting an old value back,
/// so that it never overwrites what someone else set since.
public enum IssueField: Hashable, Sendable {
    case title, body, priority
    /// Column, rank and open/closed state, which move together.
    case placement
    /// Whether this user is assigned.
    case assignee(String)
    /// Whether this label is on the issue.
    case label(String)
    /// Something about one of the board's columns (by id); its value is read from the board's
    /// columns, not from an issue (`ColumnAspect.value`).
    case column(String, ColumnAspect)
    /// The text of the comment with this event id (or that it is deleted).
    case comment(EventID)

    /// The field's value in `issue`, comparable between two states of the board.
    public func value(in issue: Issue) -> String {
        switch self {
        case .title: issue.title
        case .body: issue.body
        case .priority: issue.priority.rawValue
        case .placement: "\(issue.column) \(issue.rank) \(issue.state.rawValue)"
        case .assignee(let user): issue.assignees.contains(user) ? "yes" : "no"
        case .label(let label): issue.labels.contains(label) ? "yes" : "no"
        case .column: ""
        case .comment: "" // not a field of `Issue`: `value(in:board:)` reads it from the timeline
        }
    }

    /// Words for the status line: "#105 priority was changed by alice since".
    public var name: String {
        switch self {
        case .title: "title"
        case .body: "description"
        case .priority: "priority"
        case .placement: "column"
        case .assignee(let user): "assignee " + user
        case .label(let label): "label " + label
        case .column(let id, _): "column " + id
        case .comment(let id): "comment " + id.description
        }
    }

    /// Whether an event of this kind sets this field.
    public func isSet(by kind: EventKind) -> Bool {
        switch (self, kind) {
        case (.title, .retitled), (.body, .bodyEdited), (.priority, .prioritised),
             (.placement, .moved), (.placement, .closed), (.placement, .reopened):
            true
        case (.assignee(let user), .assigned(let other)), (.assignee(let user), .unassigned(let other)),
             (.label(let user), .labelled(let other)), (.label(let user), .unlabelled(let other)):
            user == other
        case (.column(let id, _), .column(let change)):
            id == change.columnID
        case (.comment(let id), .commentEdited(let other, _)), (.comment(let id), .commentDeleted(let other)):
            id == other
        default:
            false
        }
    }
}

extension Change {
    /// The change split into parts that each set one field of one issue (assigning two people
    /// is two parts), so undo can keep the parts nobody touched since and leave the rest.
    /// Empty for a new issue and a comment, which set no field of an existing issue.
    public var parts: [(issue: Int, field: IssueField, change: Change)] {
        switch self {
        case .create, .comment, .column:
            return []
        case .editComment(let number, let id, _), .deleteComment(let number, let id):
            return [(number, .comment(id), self)]
        case .retitle(let number, _):
            return [(number, .title, self)]
        case .editBody(let number, _):
            return [(number, .body, self)]
        case .prioritise(let number, _):
            return [(number, .priority, self)]
        case .move(let number, _, _), .close(let number), .reopen(let number):
            return [(number, .placement, self)]
        case let .assign(number, users):
            return users.map { (number, .assignee($0), .assign(number, [$0])) }
        case let .unassign(number, users):
            return users.map { (number, .assignee($0), .unassign(number, [$0])) }
        case let .label(number, add, remove):
            return add.map { (number, .label($0), .label(number, add: [$0], remove: [])) }
                + remove.map { (number, .label($0), .label(number, add: [], remove: [$0])) }
        }
    }
}

extension IssueField {
    /// The field's value in `issue` of `board`: a comment's text lives in the timeline, not in `Issue`.
    public func value(in issue: Issue, board: BoardState) -> String {
        if case .comment(let id) = self { return board.commentValue(id, on: issue.number) }
        return value(in: issue)
    }
}
