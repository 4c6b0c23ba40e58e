import Foundation
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
        /// Issues in this lane that match but wait (snoozed), hidden from the cards.
        public var waitingCount = 0
        /// With swimlanes: this column's issues in each band, aligned with `bands`.
        public var byBand: [[Int]] = []
    }

    /// With swimlanes: the band names, in order (empty without swimlanes).
    public var bands: [String] = []

    public var lanes: [Lane]
    public var list: [Int]
    /// Issues on the board in total (not archived or deleted), and how many match the filter.
    public var total: Int
    public var matching: Int { list.count }
    /// The issues that match but wait (snoozed; counted in the lanes' `waitingCount`), so that
    /// a query narrowing this one can count them from here.
    var waitingMatches: [Int] = []

    /// `candidates`, when given, are the only issues that can match (the previous result of a
    /// query this one narrows), so typing a longer filter looks at fewer issues each key.
    /// `order`, when given, must be `state`'s for the query's sort; it is computed otherwise.
    /// `searchText`, when given, must be `state`'s; free text is then found in one pass over it.
    /// `bands`, when given, must be `state`'s for `swimlanes`; it is computed otherwise.
    /// `narrowing`, when given, is this board's projection (same sort and swimlanes) of a query
    /// that every issue this one matches also matches: its list and lanes are then kept where
    /// they match, instead of every issue's place in `order` being looked at.
    public init(state: BoardState, query: Query, now: Timestamp = .now, zone: TimeZone? = nil, staleAfterDays: Int = 14,
                swimlanes: Swimlanes = .none, candidates: [Int]? = nil, order: IssueOrder? = nil,
                searchText: SearchText? = nil, bands bandIndex: BandIndex? = nil, narrowing: BoardProjection? = nil) {
        // Match into a flag per slot (reading issues in place, never copying one), then keep the
        // flagged slots of the already sorted orders: no sorting, hashing or copying per key.
        // What every issue is asked besides the terms (hidden? waiting? stale?) is read from the
        // order's `IssueFacts`, so a term answered board-wide (free text) reads no issue at all.
        let order = order.flatMap { $0.sort == query.sort ? $0 : nil } ?? IssueOrder(state: state, sort: query.sort)
        let facts = order.facts
        var matched = [Bool](repeating: false, count: state.issues.count)
        var waiting: [String: Int] = [:]
        var waitingIssues: [Int] = []
        let known = query.knownAnswers(from: searchText, in: state)
        let combined = query.combinedAnswers(known)
        let decided = combined ?? [], isDecided = combined != nil
        state.issues.forEachPointer(candidates) { slot, issue in
            if isDecided, !decided[slot] { return }
            let flags = facts.flags[slot]
            if flags & IssueFacts.hidden != 0, !query.reveals(issue.pointee) { return }
            if isDecided || query.matchesTerms(at: issue, slot: slot, known: known, now: now, staleAfterDays: staleAfterDays) {
                if flags & IssueFacts.snoozed != 0, query.hidesWaiting(issue, now: now, zone: zone) {
                    waiting[issue.pointee.column, default: 0] += 1
                    waitingIssues.append(issue.pointee.number)
                } else {
                    matched[slot] = true
                }
            }
        }
        waitingMatches = waitingIssues
        let staleBefore = now.milliseconds - Int64(staleAfterDays) * Timestamp.day
        // Each lane's matching slots, in rank order: from the narrowed projection's lane (its
        // numbers' slots), else from every slot of the order's lane. (With swimlanes a lane's
        // issues are in band order, not rank order: those take the order's lanes.)
        let narrowing = narrowing.flatMap { $0.lanes.count == order.lanes.count && swimlanes == .none ? $0 : nil }
        let laneMatches: [[Int32]]
        if let narrowing {
            list = narrowing.list.filter { state.issues.slot(of: $0).map { matched[$0] } ?? false }
            laneMatches = narrowing.lanes.map { lane in
                lane.issues.compactMap { state.issues.slot(of: $0).flatMap { matched[$0] ? Int32($0) : nil } }
            }
        } else {
            list = order.list.compactMap { matched[Int($0)] ? facts.numbers[Int($0)] : nil }
            laneMatches = order.lanes.map { slots in slots.filter { matched[Int($0)] } }
        }
        lanes = zip(order.columns, laneMatches).map { column, shown in
            var lane = Lane(column: column, issues: shown.map { facts.numbers[Int($0)] })
            lane.waitingCount = waiting[column.id] ?? 0
            lane.staleCount = shown.count { facts.openUpdated[Int($0)] < staleBefore }
            return lane
        }
        total = state.shownByDefaultCount
        if swimlanes != .none {
            groupIntoBands(laneMatches, index: bandIndex.flatMap { $0.swimlanes == swimlanes ? $0 : nil }
                ?? BandIndex(state: state, swimlanes: swimlanes))
        }
    }

    /// Orders each column by band, then rank, and records the bands. An issue in several bands
    /// is in each band's cards (so a band's count is what the list gives for it) and once in
    /// `issues`, at its first band (so the header's count and the cursor take it once).
    /// `laneSlots` are each lane's issues as slots of the board.
    mutating func groupIntoBands(_ laneSlots: [[Int32]], index: BandIndex) {
        // Every band's place among all bands (by sort position, then name), known before any
        // card is placed, so one pass over the cards places each and finds its first band.
        let keys = index.orders.map { index.swimlanes.key(ofBandOrdered: $0) }
        let ranked = index.orders.indices.sorted { (index.orders[$0], keys[$0]) < (index.orders[$1], keys[$1]) }
        var rank = [Int](repeating: 0, count: ranked.count)
        for (place, band) in ranked.enumerated() { rank[band] = place }
        // Per lane: how many cards each band holds and each issue's first band; then each band's
        // cards placed band after band in one array. (An array per band, appended to card by
        // card, spent most of the grouping on checking and growing those arrays.)
        var counts: [[Int]] = [], firstBands: [[Int]] = []
        for slots in laneSlots {
            var count = [Int](repeating: 0, count: ranked.count)
            var firsts = [Int](repeating: 0, count: slots.count)
            for (at, slot) in slots.enumerated() {
                var first = Int.max
                index.forEachBand(ofSlot: Int(slot)) { band in
                    count[band] += 1
                    if rank[band] < first { (first, firsts[at]) = (rank[band], band) }
                }
            }
            counts.append(count)
            firstBands.append(firsts)
        }
        // Only the bands of issues on the board now.
        let shown = ranked.filter { band in counts.contains { $0[band] > 0 } }
        bands = shown.map { keys[$0] }
        for lane in lanes.indices {
            let issues = lanes[lane].issues
            var start = [Int](repeating: 0, count: ranked.count + 1)
            for band in ranked.indices { start[band + 1] = start[band] + counts[lane][band] }
            var next = start
            var cards = [Int](repeating: 0, count: start[ranked.count])
            for (number, slot) in zip(issues, laneSlots[lane]) {
                index.forEachBand(ofSlot: Int(slot)) { band in
                    cards[next[band]] = number
                    next[band] += 1
                }
            }
            lanes[lane].byBand = shown.map { Array(cards[start[$0]..<start[$0 + 1]]) }
            // The cursor's order: by first band, in the bands' order, then rank.
            var firstStart = [Int](repeating: 0, count: ranked.count)
            for band in firstBands[lane] { firstStart[band] += 1 }
            var placed = 0
            for band in shown { (firstStart[band], placed) = (placed, placed + firstStart[band]) }
            var ordered = [Int](repeating: 0, count: issues.count)
            for (number, band) in zip(issues, firstBands[lane]) {
                ordered[firstStart[band]] = number
                firstStart[band] += 1
            }
            lanes[lane].issues = ordered
        }
    }
}
