import BoardModel
import BoardQuery
import BoardInteraction
import Keymap
import Screen

/// Everything a view reads. Views are pure functions of this value.
public struct ViewContext {
    public var board: BoardState
    public var projection: BoardProjection
    public var ui: UIState
    public var theme: Theme
    public var keymap: Keymap
    public var settings: ViewSettings
    public var actor: String
    public var boardName: String
    public var now: Timestamp
    /// Keys typed so far of a longer binding (`p` of `pu`): the status line hints what may follow.
    public var pendingKeys: [Key] = []

    public init(board: BoardState, projection: BoardProjection, ui: UIState, theme: Theme, keymap: Keymap,
                settings: ViewSettings = ViewSettings(), actor: String, boardName: String, now: Timestamp = .now) {
        self.board = board
        self.projection = projection
        self.ui = ui
        self.theme = theme
        self.keymap = keymap
        self.settings = settings
        self.actor = actor
        self.boardName = boardName
        self.now = now
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
