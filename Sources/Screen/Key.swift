/// One input event from the terminal, independent of the terminal library.
public enum Key: Hashable, Sendable {
    /// A printable character (never a control character).
    case character(Character)
    /// Ctrl + a letter (`<C-r>` is `.control("r")`).
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// The terminal changed size; the backend has already taken the new size.
    case resize
    /// A mouse event at a cell.
    case mouse(MouseEvent)
}

/// A mouse press or wheel turn.
public struct MouseEvent: Hashable, Sendable {
    public enum Action: Hashable, Sendable { case press, doublePress, wheelUp, wheelDown }
    public var action: Action
    public var x: Int
    public var y: Int
    public init(action: Action, x: Int, y: Int) {
        self.action = action
        self.x = x
        self.y = y
    }
}
