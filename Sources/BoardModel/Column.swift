/// A column of the board. Its `id` is what the log and queries use; `name` is what people read.
public struct Column: Hashable, Sendable {
    public var id: String
    public var name: String
    /// Moving an issue into a closing column closes it.
    public var isClosing: Bool
    /// The board's work-in-progress limit (`lanes columns wip`); an rc `set wip` overrides it
    /// for one person.
    public var wip: Int?

    public init(id: String, name: String, isClosing: Bool = false, wip: Int? = nil) {
        self.id = id
        self.name = name
        self.isClosing = isClosing
        self.wip = wip
    }

    /// The columns of a new board.
    public static let defaults: [Column] = [
        Column(id: "backlog", name: "Backlog"),
        Column(id: "todo", name: "To do"),
        Column(id: "doing", name: "In progress"),
        Column(id: "review", name: "Review"),
        Column(id: "done", name: "Done", isClosing: true),
    ]
}
