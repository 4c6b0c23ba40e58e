/// Links of a `TimelineChain` kept outside memory and read back one at a time: those of the
/// events a board's cache covers, left in the cache file (`BoardStore.CachedNumbers`).
public protocol StoredLinks: Sendable {
    /// Fixed for the store's life (a `TimelineChain` keeps it).
    var count: Int { get }
    /// The link at `index` (0 ..< count): a later index, or -1 at the end of a timeline. A link
    /// that cannot be read back reads as -1 (the timeline ends there).
    func link(at index: Int) -> Int32
}

/// For each entry of a board's `events`, the index of the same issue's next event (-1 at the
/// end): every issue's timeline chained through one array, without an allocation per issue.
///
/// A board opened from its cache leaves the links of the events the cache covers in the file
/// (4 bytes an event: 42 MB at a million issues, which only the few timelines a view shows
/// need) and holds those of the events folded since. Folding an event about an issue whose
/// last event is stored changes that stored link: the change is held beside it (`relinked`,
/// one entry at most per issue).
package struct TimelineChain: Sendable {
    private let stored: (any StoredLinks)?
    /// `stored`'s count, kept so that counting does not copy the existential.
    private let storedCount: Int
    private var relinked: [Int: Int32] = [:]
    private var held: [Int32] = []

    package init(stored: (any StoredLinks)? = nil) {
        self.stored = stored
        storedCount = stored?.count ?? 0
    }

    /// Links all held in memory (a board read whole, one decoded from bytes in memory).
    package init(_ links: [Int32]) {
        self.init()
        held = links
    }

    package var count: Int { storedCount + held.count }
    /// How many links are held in memory rather than read back (tests, memory reports).
    package var heldCount: Int { held.count + relinked.count }

    package subscript(index: Int) -> Int32 {
        get {
            guard index < storedCount, let stored else { return held[index - storedCount] }
            if let link = relinked[index] { return link }
            let link = stored.link(at: index)
            // Only forward and inside: a link read back wrong ends the timeline, never loops it.
            return link > index && Int(link) < count ? link : -1
        }
        set {
            if index < storedCount { relinked[index] = newValue } else { held[index - storedCount] = newValue }
        }
    }

    package mutating func append(_ link: Int32) { held.append(link) }

    package mutating func reserveCapacity(_ count: Int) { held.reserveCapacity(max(0, count - storedCount)) }

    /// Every link, in order (writing a cache: only a board read whole writes one, whose links
    /// are all held).
    package var links: [Int32] {
        guard storedCount > 0 else { return held }
        return (0..<count).map { self[$0] }
    }
}
