/// Where events that are not held in memory are read from when asked for: the log itself,
/// for events a snapshot covers (see `BoardState.init(snapshot:archive:)`).
public protocol EventArchive: Sendable {
    /// Fixed for the archive's life (an `EventList` keeps it).
    var count: Int { get }
    /// The event at `index` (0 ..< count), read and decoded on demand.
    func event(at index: Int) -> Event
}

/// Every event folded into the board, in log order: an archived prefix read on demand, then the
/// events held in memory.
///
/// A board opened from its snapshot starts with every event archived, so opening a million
/// events costs neither the time to decode them nor the memory to hold them; the timeline or
/// activity view reads the few it shows.
public struct EventList: RandomAccessCollection, Sendable {
    let archive: (any EventArchive)?
    /// `archive`'s count, kept so that counting (the fold asks about three times an event) does
    /// not copy the existential to ask it: that copy was 10–15 % of a whole-log fold.
    private let archived: Int
    var held: [Event] = []
    /// False for a reader that needs each event's place in the order but not the event (the
    /// on-disk index's build: a million events it would hold only to free): events are then
    /// counted, not kept, and reading one is a programming error.
    package var keepsEvents = true
    private var counted = 0

    /// Events read from `archive` on demand (a board opened from its snapshot), or none yet.
    package init(archive: (any EventArchive)? = nil) {
        self.archive = archive
        archived = archive?.count ?? 0
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { archived + held.count + counted }

    public subscript(index: Int) -> Event {
        if index < archived, let archive { return archive.event(at: index) }
        return held[index - archived]
    }

    mutating func append(_ event: Event) {
        if keepsEvents { held.append(event) } else { counted += 1 }
    }

    mutating func reserveCapacity(_ count: Int) {
        if keepsEvents { held.reserveCapacity(count) }
    }
}
