import BoardModel

/// Which swimlane bands each issue sits in, by slot, for one grouping.
///
/// Finding an issue's bands reads its assignees or labels, which live elsewhere on the heap for
/// each of 100,000 issues: done on every filter keystroke that cost tens of milliseconds in
/// cache misses alone. A session keeps this per board version (`updating` re-reads only the
/// changed issues), and a keystroke only reads these contiguous numbers.
public struct BandIndex: Sendable {
    public let swimlanes: Swimlanes
    /// Distinct band sort positions (which also name the bands), in first-seen order.
    private(set) var orders: [String] = []
    private var numbered: [String: Int32] = [:]
    /// For each slot, its band's index in `orders`; or, for an issue in several bands (several
    /// assignees or labels), `-1 - i` where `spans[i]` says where in `members` they are listed.
    /// Most issues are in one band, so the common case stays one contiguous number.
    private(set) var bandOfSlot: [Int32] = []
    /// Every set of bands, one after the other. (An array per set put each on its own in the
    /// heap: reading them cost a cache miss per issue in several bands, on every keystroke.)
    private var members: [Int32] = []
    private var spans: [(start: Int32, count: Int32)] = []

    public init(state: BoardState, swimlanes: Swimlanes) {
        self.swimlanes = swimlanes
        bandOfSlot.reserveCapacity(state.issues.count)
        state.issues.forEachPointer(nil) { _, issue in
            bandOfSlot.append(bands(swimlanes.bandOrders(at: issue), replacing: nil))
        }
    }

    /// This index after the issues numbered `changed` were created or changed in `state`.
    public func updating(_ changed: Set<Int>, in state: BoardState) -> BandIndex {
        var updated = self
        let numbers = changed.filter { state.issues.contains($0) }
        updated.bandOfSlot.append(contentsOf: repeatElement(0, count: max(0, state.issues.count - bandOfSlot.count)))
        state.issues.forEachPointer(Array(numbers)) { slot, issue in
            updated.bandOfSlot[slot] = updated.bands(swimlanes.bandOrders(at: issue), replacing: updated.bandOfSlot[slot])
        }
        return updated
    }

    /// Calls `body` with the index in `orders` of each band the issue in `slot` is in.
    @inline(__always)
    func forEachBand(ofSlot slot: Int, _ body: (Int) -> Void) {
        let band = bandOfSlot[slot]
        if band >= 0 {
            body(Int(band))
        } else {
            let span = spans[Int(-1 - band)]
            for member in members[Int(span.start)..<Int(span.start + span.count)] { body(Int(member)) }
        }
    }

    /// The entry of `bandOfSlot` for an issue in the bands ordered `orders`; a previous entry
    /// naming a set has its set reused (rewritten in place when it has as many members).
    private mutating func bands(_ orders: [String], replacing previous: Int32?) -> Int32 {
        if orders.count == 1 { return band(orders[0]) }
        var set: [Int32] = []
        for order in orders {
            let band = band(order)
            if !set.contains(band) { set.append(band) }
        }
        if set.count == 1 { return set[0] }
        let span = (start: Int32(members.count), count: Int32(set.count))
        if let previous, previous < 0 {
            let old = spans[Int(-1 - previous)]
            if old.count == span.count {
                members.replaceSubrange(Int(old.start)..<Int(old.start + old.count), with: set)
            } else {
                members += set
                spans[Int(-1 - previous)] = span
            }
            return previous
        }
        members += set
        spans.append(span)
        return -Int32(spans.count)
    }

    private mutating func band(_ order: String) -> Int32 {
        if let known = numbered[order] { return known }
        let band = Int32(orders.count)
        numbered[order] = band
        orders.append(order)
        return band
    }
}
