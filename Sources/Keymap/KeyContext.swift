import BoardInteraction

/// Where a binding applies. Every context falls back to `generic`.
public enum KeyContext: String, CaseIterable, Sendable {
    case generic, board, list, issue, help, activity
}

extension KeyContext {
    /// The keymap context of a view.
    public init(view: UIState.View) {
        switch view {
        case .board: self = .board
        case .list: self = .list
        case .issue: self = .issue
        case .help, .messages: self = .help
        case .activity: self = .activity
        }
    }
}
