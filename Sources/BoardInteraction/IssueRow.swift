import BoardModel

/// What one drawn line of the issue view is about, for the keys that act on the selected line:
/// <Enter> follows `target`, `o` toggles the task item on description line `task`, `E` and `R`
/// edit and delete `comment`.
///
/// The issue view (BoardViews) builds one per line at the terminal's width; the run loop hands
/// them to the reducer in `ReduceContext.issueRows`. Any row that names an issue (a `#N`
/// reference, a link to another issue) sets `target`, and <Enter> follows it.
public struct IssueRow: Equatable, Sendable {
    /// The issue this line leads to.
    public var target: Int?
    /// The description line of the task item (`- [ ]`) this line belongs to.
    public var task: Int?
    /// The comment this line belongs to (its `commented` event's id).
    public var comment: EventID?
    /// A line with nothing on it: the cursor passes over it.
    public var isBlank = false

    public init(target: Int? = nil, task: Int? = nil, comment: EventID? = nil, isBlank: Bool = false) {
        self.target = target
        self.task = task
        self.comment = comment
        self.isBlank = isBlank
    }
}

/// Where the cursor and the scroll of an issue view were, kept while following a reference so
/// that going back puts them back (a pager's history).
public struct IssuePlace: Equatable, Sendable {
    public var cursor: Int
    public var scroll: Int
    public init(cursor: Int, scroll: Int) {
        self.cursor = cursor
        self.scroll = scroll
    }
}
