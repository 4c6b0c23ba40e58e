/// A yes/no question on the status line (`delete #3 "…"? (y/n)`): `y` does what it asks, any
/// other key does not. Kept apart from the line-editing prompt because one key answers it.
public struct Question: Hashable, Sendable {
    /// What `y` does.
    public enum Action: Hashable, Sendable {
        /// Delete these issues (`D`).
        case delete([Int])
        /// Clear the filter that hides the issue, then select and open it (`:goto`); `n` opens
        /// it without clearing.
        case clearFilterAndGoTo(Int)
    }

    public var text: String
    public var action: Action

    public init(_ text: String, action: Action) {
        self.text = text
        self.action = action
    }
}
