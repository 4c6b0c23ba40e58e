/// One change to the board: the unit of truth. State is the fold of events in log order.
public struct Event: Hashable, Sendable {
    /// Unique across every clone of the board, so logs can be merged.
    public var id: EventID
    public var at: Timestamp
    public var actor: String
    /// The issue number, or 0 for board-wide events.
    public var issue: Int
    public var kind: EventKind

    public init(id: EventID, at: Timestamp, actor: String, issue: Int, kind: EventKind) {
        self.id = id
        self.at = at
        self.actor = actor
        self.issue = issue
        self.kind = kind
    }

}

/// What an event did.
public enum EventKind: Hashable, Sendable {
    /// The board's columns were set (board-wide; written by `init`).
    case columns([Column])
    case created(title: String, body: String, column: String, rank: Double, priority: Priority)
    case retitled(String)
    case bodyEdited(String)
    case moved(from: String, to: String, rank: Double)
    case assigned(String)
    case unassigned(String)
    case labelled(String)
    case unlabelled(String)
    case prioritised(Priority)
    case commented(String)
    case closed(from: String, to: String, rank: Double)
    case reopened(from: String, to: String, rank: Double)
    /// A merge gave this issue a new number because another clone had created the same number
    /// offline; the old number is kept here so the timeline tells the story.
    case renumbered(from: Int)
    /// The issue came from another tracker; `key` (e.g. `github:owner/repo#12`) makes a second
    /// import of the same file skip it.
    case imported(key: String)
    /// Archived, unarchived, deleted or restored (`IssueLifecycle.swift`); no arguments.
    case lifecycle(LifecycleStep)
    /// The due date was set (nil: cleared).
    case dueSet(CalendarDate?)
    /// The issue waits until a date (nil: woken by hand).
    case snoozed(CalendarDate?)
    /// This issue is now linked to another (written in the forward form: `blocks`, not `blocked-by`).
    case linked(LinkType, Int)
    case unlinked(LinkType, Int)
    /// A change to one of the board's columns (board-wide; `column-added`, `column-renamed`…).
    case column(ColumnEvent)
    /// A comment (the `commented` event with this id) got new text; the earlier text stays in
    /// the log and in the comment's versions.
    case commentEdited(EventID, text: String)
    /// A comment was withdrawn by its author; its text stays in the log.
    case commentDeleted(EventID)
    /// Someone (`Name <address>`) reported this issue by mail: `lanes intake` adds one for the
    /// first report and for each repeated report merged into it.
    case reported(String)

    /// The word used for this kind in the log and in JSON (`kind`).
    public var name: String {
        switch self {
        case .columns: "columns"
        case .created: "created"
        case .retitled: "retitled"
        case .bodyEdited: "body-edited"
        case .moved: "moved"
        case .assigned: "assigned"
        case .unassigned: "unassigned"
        case .labelled: "labelled"
        case .unlabelled: "unlabelled"
        case .prioritised: "prioritised"
        case .commented: "commented"
        case .closed: "closed"
        case .reopened: "reopened"
        case .renumbered: "renumbered"
        case .imported: "imported"
        case .lifecycle(let step): step.rawValue
        case .dueSet: "due"
        case .snoozed: "snoozed"
        case .linked: "linked"
        case .unlinked: "unlinked"
        case .column(let change): change.name
        case .commentEdited: "comment-edited"
        case .commentDeleted: "comment-deleted"
        case .reported: "reported"
        }
    }
}
