import BoardModel
import BoardQuery

/// An effect the reducer asks the run loop to carry out. The reducer itself never does I/O.
public enum Reaction: Hashable, Sendable {
    /// Append the events for these changes (the run loop reports errors on the status line).
    case save([Change])
    /// Repaint every cell (Ctrl-L).
    case redraw
    case suspend
    case quit
    /// Open the issue's title and description in the editor.
    case editIssue(Int)
    /// Write a comment in the editor, then add it to each issue.
    case editComment([Int])
    case undo
    case redo
    /// Remember the newest event as seen by this user (the activity view's marker).
    case markActivitySeen
}

/// What the reducer may read besides the UI state: the board, its projection and the session.
public struct ReduceContext {
    public var board: BoardState
    public var projection: BoardProjection
    public var actor: String
    /// Rows of cards or list rows visible at once, for paging.
    public var pageSize: Int
    public var now: Timestamp
    public var views: [SavedView]
    public var staleAfterDays: Int

    public init(board: BoardState, projection: BoardProjection, actor: String, pageSize: Int = 10, now: Timestamp = .now,
                views: [SavedView] = SavedView.builtin, staleAfterDays: Int = 14) {
        self.board = board
        self.projection = projection
        self.actor = actor
        self.pageSize = pageSize
        self.now = now
        self.views = views
        self.staleAfterDays = staleAfterDays
    }
}
