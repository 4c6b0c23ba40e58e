/// One issue as the fold of its events has left it.
public struct Issue: Hashable, Sendable {
    public enum State: String, Sendable { case open, closed }

    // Laid out by hand, the fields of a word first, for a big board holds 100,000 to a million
    // issues in one array and every byte costs 0.1 to 1 MB (`IssueLayoutTests`): what most
    // issues never set behind one reference, names as numbers into the process's table
    // (`InternedName`), and the small fields in the words the two 17-byte texts leave unused.
    public var rank: Double
    public var assignees: [String]
    public var labels: [String]
    public var created: Timestamp
    public var updated: Timestamp
    /// Mentions, links, reporters and the waiting state, nil on almost every issue
    /// (`Issue+Rare.swift`): 8 bytes an issue, not 32.
    @usableFromInline var rare: RareFields?
    /// When each single-valued field was last set, so that concurrent edits resolve the same
    /// way in every clone: the event with the latest time (then the greatest id) wins.
    package var clocks: FieldClocks
    /// Archived and deleted, each with its last writer (`IssueLifecycle.swift`).
    public package(set) var lifecycle = Lifecycle()
    public var priority: Priority
    public var state: State
    @usableFromInline var columnName: InternedName
    /// The title, held or read back from the cache as the description is (see `title`): a
    /// heap string of 80 bytes an issue held for the few dozen a screen shows.
    package var storedTitle: IssueBody
    @usableFromInline var authorName: InternedName
    /// The description, held or read back from the cache (`IssueBody`; see `body`).
    package var storedBody: IssueBody
    /// Where `reopen` sends a closed issue back to, `none` while open.
    @usableFromInline var closedFrom = InternedName.none
    /// The day it is due as days since the epoch, `noDueDay` if unset (see `due`): 4 bytes,
    /// where an optional took 16 with its padding (dates are bounded to years 1–9999).
    @usableFromInline var dueDay = Issue.noDueDay
    /// At most `NumberedTable.maximumNumber`, which 4 bytes hold.
    @usableFromInline var storedNumber: Int32

    public var number: Int {
        @inlinable get { Int(storedNumber) }
        set { storedNumber = Int32(newValue) }
    }

    /// The column's id.
    public var column: String {
        @inlinable get { columnName.string }
        set { columnName = InternedName(newValue) }
    }

    /// Who wrote its `created` event.
    public var author: String {
        @inlinable get { authorName.string }
        set { authorName = InternedName(newValue) }
    }

    /// Where `reopen` sends a closed issue back to.
    public var columnBeforeClose: String? {
        @inlinable get { closedFrom.isNone ? nil : closedFrom.string }
        set { closedFrom = newValue.map(InternedName.init) ?? .none }
    }

    /// The day it is due, if anyone set one.
    public var due: CalendarDate? {
        @inlinable get { dueDay == Issue.noDueDay ? nil : CalendarDate(daysSinceEpoch: Int64(dueDay)) }
        // Every parser bounds a date to years 1–9999; clamped, a day past ±5 million years
        // cannot trap or read back as no date.
        set { dueDay = newValue.map { Int32(clamping: max($0.daysSinceEpoch, Int64(Issue.noDueDay) + 1)) } ?? Issue.noDueDay }
    }
    /// No due day: a day no calendar date reaches (dates are bounded to years 1–9999).
    @usableFromInline static let noDueDay = Int32.min

    /// `number` is at most `NumberedTable.maximumNumber`.
    public init(number: Int, title: String, body: String, column: String, rank: Double, priority: Priority,
                author: String, created: Timestamp) {
        self.storedNumber = Int32(number)
        self.storedTitle = .held(title)
        self.storedBody = .held(body)
        self.columnName = InternedName(column)
        self.rank = rank
        self.assignees = []
        self.labels = []
        self.priority = priority
        self.authorName = InternedName(author)
        self.created = created
        self.updated = created
        self.state = .open
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
