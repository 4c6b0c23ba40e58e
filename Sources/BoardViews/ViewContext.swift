import BoardModel
import BoardQuery
import BoardInteraction
import Keymap
import Screen

/// Everything a view reads. Views are pure functions of this value.
///
/// The board, its projection, the actor and the time are the reducer's context
/// (`session`): one value, built once per frame by the run loop.
public struct ViewContext {
    /// What the reducer reads too: the board, its projection, who is working and when.
    public var session: ReduceContext
    public var ui: UIState
    public var theme: Theme
    public var keymap: Keymap
    public var settings: ViewSettings
    public var boardName: String

    public var board: BoardState { session.board }
    public var projection: BoardProjection {
        get { session.projection }
        set { session.projection = newValue }
    }
    public var actor: String { session.actor }
    public var now: Timestamp { session.now }

    public init(session: ReduceContext, ui: UIState, theme: Theme, keymap: Keymap, settings: ViewSettings = ViewSettings(),
                boardName: String) {
        self.session = session
        self.ui = ui
        self.theme = theme
        self.keymap = keymap
        self.settings = settings
        self.boardName = boardName
    }

    public init(board: BoardState, projection: BoardProjection, ui: UIState, theme: Theme, keymap: Keymap,
                settings: ViewSettings = ViewSettings(), actor: String, boardName: String, now: Timestamp = .now) {
        self.init(session: ReduceContext(board: board, projection: projection, actor: actor, now: now,
                                         staleAfterDays: settings.staleAfterDays),
                  ui: ui, theme: theme, keymap: keymap, settings: settings, boardName: boardName)
    }
}

/// Display settings from rc files.
public struct ViewSettings: Sendable {
    /// Work-in-progress limits by column id (`set wip doing 5`).
    public var wipLimits: [String: Int] = [:]
    /// Cards untouched for longer than this many days are stale (`set stale-after 14d`).
    public var staleAfterDays = 14
    /// Draw with ASCII only (no box-drawing characters), for non-UTF-8 locales.
    public var asciiOnly = false

    public init() {}
}
