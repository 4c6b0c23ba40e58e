import BoardModel

/// The board as one view shows it: the issues matching the filter, per column in rank order and
/// as one list in the query's order.
///
/// Computed once per (board change, filter) and shared by the reducer and the views, so a
/// keystroke that only moves the cursor costs no filtering or sorting.
public struct BoardProjection: Sendable {
    public struct Lane: Sendable {
        public var column: Column
        public var issues: [Int]
        /// Open issues in this lane not updated for longer than the stale limit.
        public var staleCount = 0
        /// With swimlanes: this column's issues in each band, aligned with `bands`.
        public var byBand: [[Int]] = []
    }

    /// With swimlanes: the band names, in order (empty without swimlanes).
    public var bands: [String] = []

    public var lanes: [Lane]
    public var list: [Int]
    /// Issues on the board in total, and how many match the filter.
    public var total: Int
    public var matching: Int { list.count }

    /// `candidates`, when given, are the only issues that can match (the previous result of a
    /// query this one narrows), so typing a longer filter looks at fewer issues each key.
    /// `order`, when given, must be `state`'s for the query's sort; it is computed otherwise.
    /// `searchText`, when given, must be `state`'s; free text is then found in one pass over it.
    /// `bands`, when given, must be `state`'s for `swimlanes`; it is computed otherwise.
    public init(state: BoardState, query: Query, now: Timestamp = .now, staleAfterDays: Int = 14,
                swimlanes: Swimlanes = .none, candidates: [Int]? = nil, order: IssueOrder? = nil,
                searchText: SearchText? = nil, bands bandIndex: BandIndex? = nil) {
        // Match into a flag per slot (reading issues in place, never copying one), then keep the
        // flagged slots of the already sorted orders: no sorting, hashing or copying per key.
        var matched = [Bool](repeating: false, count: state.issues.count)
        let known = query.knownAnswers(from: searchText, in: state)
        state.issues.forEachPointer(candidates) { slot, issue in
            if query.matches(at: issue, slot: slot, known: known, now: now, staleAfterDays: staleAfterDays) { matched[slot] = true }
        }
        let order = order.flatMap { $0.sort == query.sort ? $0 : nil } ?? IssueOrder(state: state, sort: query.sort)
        let staleBefore = now.milliseconds - Int64(staleAfterDays) * Timestamp.day
        (list, lanes) = state.issues.withValues { issues in
            guard let base = issues.baseAddress else { return ([], state.columns.map { Lane(column: $0, issues: []) }) }
            let list = order.list.compactMap { matched[Int($0)] ? base[Int($0)].number : nil }
            let lanes = zip(order.columns, order.lanes).map { column, slots in
                var lane = Lane(column: column, issues: [])
                for slot in slots where matched[Int(slot)] {
                    let issue = base + Int(slot)
                    lane.issues.append(issue.pointee.number)
                    if issue.pointee.state == .open, issue.pointee.updated.milliseconds < staleBefore { lane.staleCount += 1 }
                }
                return lane
            }
            return (list, lanes)
        }
        total = state.issues.count
        if swimlanes != .none {
            groupIntoBands(state: state, index: bandIndex.flatMap { $0.swimlanes == swimlanes ? $0 : nil }
                ?? BandIndex(state: state, swimlanes: swimlanes))
        }
    }

    /// Orders each column by band, then rank, and records the bands. An issue in several bands
    /// is in each band's cards (so a band's count is what the list gives for it) and once in
    /// `issues`, at its first band (so the header's count and the cursor take it once).
    mutating func groupIntoBands(state: BoardState, index: BandIndex) {
        // Only the bands of issues on the board now, in their order, then by name.
        var used = [Bool](repeating: false, count: index.orders.count)
        for lane in lanes {
            for number in lane.issues { index.forEachBand(ofSlot: state.issues.slot(of: number)!) { used[$0] = true } }
        }
        let keys = index.orders.map { index.swimlanes.key(ofBandOrdered: $0) }
        let sorted = index.orders.indices.filter { used[$0] }
            .sorted { (index.orders[$0], keys[$0]) < (index.orders[$1], keys[$1]) }
        bands = sorted.map { keys[$0] }
        var position = [Int](repeating: 0, count: index.orders.count)
        for (place, band) in sorted.enumerated() { position[band] = place }
        // The place of an issue's first band: where `issues` takes an issue in several bands.
        func firstPlace(ofSlot slot: Int) -> Int {
            var first = Int.max
            index.forEachBand(ofSlot: slot) { first = min(first, position[$0]) }
            return first
        }
        for lane in lanes.indices {
            var byBand = Array(repeating: [Int](), count: bands.count)
            var inSeveral = false
            for number in lanes[lane].issues {
                var count = 0
                index.forEachBand(ofSlot: state.issues.slot(of: number)!) { band in
                    byBand[position[band]].append(number)
                    count += 1
                }
                if count > 1 { inSeveral = true }
            }
            lanes[lane].byBand = byBand
            // Array lookups, no hashing: a keystroke with swimlanes may place 100,000 cards.
            lanes[lane].issues = !inSeveral ? byBand.flatMap { $0 } : byBand.enumerated().flatMap { place, numbers in
                numbers.filter { firstPlace(ofSlot: state.issues.slot(of: $0)!) == place }
            }
        }
    }
}
