import BoardModel

/// Which swimlane band each issue sits in, by slot, for one grouping.
///
/// Finding an issue's band reads its assignees or labels, which live elsewhere on the heap for
/// each of 100,000 issues: done on every filter keystroke that cost tens of milliseconds in
/// cache misses alone. A session keeps this per board version (`updating` re-reads only the
/// changed issues), and a keystroke only reads these contiguous numbers.
public struct BandIndex: Sendable {
    public let swimlanes: Swimlanes
    /// Distinct band sort positions (which also name the bands), in first-seen order.
    private(set) var orders: [String] = []
    private var numbered: [String: Int32] = [:]
    /// For each slot, its band's index in `orders`.
    private(set) var bandOfSlot: [Int32] = []

    public init(state: BoardState, swimlanes: Swimlanes) {
        self.swimlanes = swimlanes
        bandOfSlot.reserveCapacity(state.issues.count)
        state.issues.forEachPointer(nil) { _, issue in bandOfSlot.append(band(swimlanes.bandOrder(at: issue))) }
    }

    /// This index after the issues numbered `changed` were created or changed in `state`.
    public func updating(_ changed: Set<Int>, in state: BoardState) -> BandIndex {
        var updated = self
        let numbers = changed.filter { state.issues.contains($0) }
        updated.bandOfSlot.append(contentsOf: repeatElement(0, count: max(0, state.issues.count - bandOfSlot.count)))
        state.issues.forEachPointer(Array(numbers)) { slot, issue in
            updated.bandOfSlot[slot] = updated.band(swimlanes.bandOrder(at: issue))
        }
        return updated
    }

    private mutating func band(_ order: String) -> Int32 {
        if let known = numbered[order] { return known }
        let band = Int32(orders.count)
        numbered[order] = band
        orders.append(order)
        return band
    }
}
