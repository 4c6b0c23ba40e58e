/// What is drawn at a screen cell, for mouse clicks: the views' layout gives it, the reducer
/// acts on it (`.clicked`).
public enum ClickTarget: Equatable, Sendable {
    /// A card: its lane's index on the board and its issue.
    case card(column: Int, number: Int)
    /// A row of the list: its issue.
    case row(Int)
    /// An activity entry (0 = newest).
    case activity(Int)
}
