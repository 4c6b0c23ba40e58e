import BoardModel
import BoardQuery

/// An effect the reducer asks the run loop to carry out. The reducer itself never does I/O;
/// each effect's outcome comes back to it as a `Message` (`.saved`, `.saveFailed`, …).
public enum Effect: Equatable, Sendable {
    /// Append the events for these changes; the outcome is `.saved` or `.saveFailed`.
    case save(SaveRequest)
    /// Undo (`.back`) or redo (`.forward`) a step under the lock; the outcome is `.replayed`
    /// or `.replayFailed`. `keep` is the issue to keep selected.
    case replay(UndoStep, UndoDirection, keep: Int?)
    /// Read other writers' new events; the outcome is `.othersWrote` (only if there were any)
    /// or `.refreshFailed`.
    case refresh(keep: Int?)
    /// Open the editor on an issue's text or a new comment; the outcome is `.editorReturned`
    /// or `.editorFailed`.
    case runEditor(EditorRequest)
    /// Keep editor text whose save failed where the next edit offers it; the outcome is `.draftKept`.
    case keepDraft(TypedText, error: String)
    /// Forget kept editor text: it was saved or deliberately emptied.
    case discardDraft(EditorRequest)
    /// Read this user's "last seen" marker and remember `newest` as seen; the outcome is `.lastSeen`.
    case markActivitySeen(newest: Timestamp?)
    /// Repaint every cell (Ctrl-L, a resize).
    case redraw
    case suspend
    case quit
}

/// Changes to save as one step, and what the reducer needs when the outcome comes back.
public struct SaveRequest: Equatable, Sendable {
    public var changes: [Change]
    /// The issue selected on the board before the save: a card that moved stays selected.
    public var keep: Int?
    /// Editor text the changes came from: kept as a draft if the save fails.
    public var typed: TypedText?

    public init(_ changes: [Change], keep: Int? = nil, typed: TypedText? = nil) {
        self.changes = changes
        self.keep = keep
        self.typed = typed
    }
}

/// What a save wrote: its events, and the undo parts recorded under the lock (only the parts
/// that really changed a field).
public struct SaveResult: Equatable, Sendable {
    public var request: SaveRequest
    public var events: [Event]
    public var parts: [UndoStep.Part]

    public init(request: SaveRequest, events: [Event], parts: [UndoStep.Part]) {
        self.request = request
        self.events = events
        self.parts = parts
    }
}

/// What the editor is opened on.
public enum EditorRequest: Equatable, Sendable {
    /// An issue's title and description.
    case issue(Int)
    /// A comment to add to each of these issues.
    case comment([Int])
    /// New text for a comment (by its event id) on an issue.
    case editComment(Int, EventID)

    /// Names the recovery file of text whose save failed (`issue-12`, `comment-3-4`).
    public var subject: String {
        switch self {
        case .issue(let number): "issue-\(number)"
        case .comment(let numbers): "comment-" + numbers.map(String.init).joined(separator: "-")
        case let .editComment(number, id): "comment-\(number)-\(id)"
        }
    }

    /// The word for the text in messages ("your text is kept in …").
    public var what: String {
        switch self {
        case .issue: "text"
        case .comment, .editComment: "comment"
        }
    }
}

/// Text a person wrote in the editor, and what it was for.
public struct TypedText: Equatable, Sendable {
    public var text: String
    public var request: EditorRequest

    public init(_ text: String, for request: EditorRequest) {
        self.text = text
        self.request = request
    }
}

/// What the reducer may read besides the UI state: the board, its projection and the session.
/// Views read the same fields through `ViewContext.session`.
public struct ReduceContext {
    public var board: BoardState
    public var projection: BoardProjection
    public var actor: String
    /// Rows of cards or list rows visible at once, for paging.
    public var pageSize: Int
    public var now: Timestamp
    public var views: [SavedView]
    public var staleAfterDays: Int
    /// Why the board cannot be written, if it cannot: changing commands are refused with it.
    public var readOnlyReason: String?
    /// What keys mean (the keymap); without it every key is unbound.
    public var bindings: (any KeyBindings)?
    /// The lines of the open issue view at the terminal's width (empty in other views).
    public var issueRows: [IssueRow] = []

    public init(board: BoardState, projection: BoardProjection, actor: String, pageSize: Int = 10, now: Timestamp = .now,
                views: [SavedView] = SavedView.builtin, staleAfterDays: Int = 14, readOnlyReason: String? = nil,
                bindings: (any KeyBindings)? = nil) {
        self.board = board
        self.projection = projection
        self.actor = actor
        self.pageSize = pageSize
        self.now = now
        self.views = views
        self.staleAfterDays = staleAfterDays
        self.readOnlyReason = readOnlyReason
        self.bindings = bindings
    }
}
