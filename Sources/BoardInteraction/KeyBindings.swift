import BoardModel
import BoardQuery
import Screen

/// What keys mean in a view, as the reducer asks it: the keymap, seen from the interaction
/// target (`Keymap` conforms in its own target, which depends on this one).
public protocol KeyBindings: Sendable {
    /// What the keys typed so far (a prefix key and the next one, say) mean in `view`.
    func meaning(of keys: [Key], in view: UIState.View) -> KeyResolution
    /// The keys as a person writes them (`<C-x>`), for "not bound here".
    func notation(_ keys: [Key]) -> String
}

/// What a sequence of pending keys means in a view.
public enum KeyResolution: Equatable, Sendable {
    case command(Command)
    /// The keys so far are the start of a longer binding: wait for more.
    case pending
    case unbound
}
