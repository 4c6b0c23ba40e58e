/// One issue as the fold of its events has left it.
public struct Issue: Hashable, Sendable {
    public enum State: String, Sendable { case open, closed }

    public var number: Int
    public var column: String
    public var rank: Double
    public var assignees: [String]
    public var labels: [String]
    public var author: String
    public var created: Timestamp
    public var updated: Timestamp
    /// Where `reopen` sends a closed issue back to.
    public var columnBeforeClose: String?
    /// The snooze and the last early wake (see `Waiting.swift`): one reference, nil on almost
    /// every issue, so the waiting state costs an issue 8 bytes, not 96.
    package var waiting: WaitingRecord?
    /// Everyone named with `@` in its description or comments.
    public var mentions: [Mention] = []
    /// Links to other issues from this side (`#7 blocked-by #3` here is `#3 blocks #7` there).
    public var links: [IssueLink] = []
    /// Who reported it by mail (`Name <address>`), first reporter first (see `Issue+Reporters.swift`).
    public var reporters: [String] = []
    /// When each single-valued field was last set, so that concurrent edits resolve the same
    /// way in every clone: the event with the latest time (then the greatest id) wins.
    package var clocks: FieldClocks
    /// The day it is due as days since the epoch, `noDueDay` if unset (see `due`):
    /// 8 bytes, where an optional took 16 with its padding.
    private var dueDay = Issue.noDueDay
    // The fields of a byte or two next, side by side, where they share one word of padding
    // (before, each took a word of its own: 16 bytes an issue, 1.6 MB at 100,000 issues),
    // then the two texts (17 bytes each: a string, or where it lies in the cache).
    /// Archived and deleted, each with its last writer (`IssueLifecycle.swift`).
    public package(set) var lifecycle = Lifecycle()
    public var priority: Priority
    public var state: State
    /// The title, held or read back from the cache as the description is (see `title`): a
    /// heap string of 80 bytes an issue held for the few dozen a screen shows.
    package var storedTitle: IssueBody
    /// The description, held or read back from the cache (`IssueBody`; see `body`).
    package var storedBody: IssueBody

    /// The day it is due, if anyone set one.
    public var due: CalendarDate? {
        get { dueDay == Issue.noDueDay ? nil : CalendarDate(daysSinceEpoch: dueDay) }
        set { dueDay = newValue?.daysSinceEpoch ?? Issue.noDueDay }
    }
    /// No due day: a day no calendar date reaches (dates are bounded to years 1–9999).
    private static let noDueDay = Int64.min

    public init(number: Int, title: String, body: String, column: String, rank: Double, priority: Priority,
                author: String, created: Timestamp) {
        self.number = number
        self.storedTitle = .held(title)
        self.storedBody = .held(body)
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
        self.clocks = FieldClocks(Stamp(at: created, id: EventID(0)))
    }

    public var isOpen: Bool { state == .open }

    public var title: String {
        get { storedTitle.text }
        set { storedTitle = .held(newValue) }
    }

    public var body: String {
        get { storedBody.text }
        set { storedBody = .held(newValue) }
    }
}

/// The (time, id) of an event: the order in which concurrent edits of one field resolve.
package struct Stamp: Hashable, Comparable, Sendable {
    package var at: Timestamp
    package var id: EventID
    package init(at: Timestamp, id: EventID) { self.at = at; self.id = id }
    package static func < (a: Stamp, b: Stamp) -> Bool { a.at != b.at ? a.at < b.at : a.id < b.id }
}
