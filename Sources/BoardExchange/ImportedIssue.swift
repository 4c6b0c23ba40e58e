import BoardModel

/// An issue read from another tracker's export, before it becomes events.
public struct ImportedIssue: Sendable {
    public struct Comment: Sendable {
        public var author: String
        public var at: Timestamp
        public var text: String
    }

    /// Unique within the source (`github:12`, `jira:WEB-4`): a re-import skips known keys.
    public var key: String
    /// The number to keep on the board, if it is free.
    public var number: Int?
    public var title: String
    public var body = ""
    public var isClosed = false
    /// A column id or name the source names (a Jira status); nil: first column, or the closing one.
    public var column: String?
    public var labels: [String] = []
    public var assignees: [String] = []
    public var author: String
    public var priority = Priority.none
    public var created: Timestamp
    /// When the source last changed the issue (gh `updatedAt`, Jira `Updated`…): the import's
    /// last event carries it, so a freshly imported backlog is as fresh as it was at the source.
    public var updated: Timestamp?
    public var closed: Timestamp?
    public var comments: [Comment] = []
    /// A whole timeline to replay instead of the fields above (lanes' own JSON export).
    public var replay: [ReplayedEvent]?

    public struct ReplayedEvent: Sendable {
        public var at: Timestamp
        public var actor: String
        public var kind: EventKind
    }

    public init(key: String, title: String, author: String, created: Timestamp) {
        self.key = key
        self.title = title
        self.author = author
        self.created = created
    }
}

/// A row or record that could not be imported, with where it was.
public struct ImportProblem: Error, Sendable, CustomStringConvertible {
    public var place: String
    public var message: String
    public var description: String { "\(place): \(message)" }
}
