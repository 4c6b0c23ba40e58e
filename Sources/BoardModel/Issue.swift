/// One issue as the fold of its events has left it.
public struct Issue: Hashable, Sendable {
    public enum State: String, Sendable { case open, closed }

    public var number: Int
    public var title: String
    public var body: String
    public var column: String
    public var rank: Double
    public var assignees: [String]
    public var labels: [String]
    public var priority: Priority
    public var author: String
    public var created: Timestamp
    public var updated: Timestamp
    public var state: State
    /// Where `reopen` sends a closed issue back to.
    public var columnBeforeClose: String?

    public init(number: Int, title: String, body: String, column: String, rank: Double, priority: Priority,
                author: String, created: Timestamp) {
        self.number = number
        self.title = title
        self.body = body
        self.column = column
        self.rank = rank
        self.assignees = []
        self.labels = []
        self.priority = priority
        self.author = author
        self.created = created
        self.updated = created
        self.state = .open
        self.columnBeforeClose = nil
    }

    public var isOpen: Bool { state == .open }
}
