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
        /// The cards, in rank order (with swimlanes: by first band, then rank).
        public var issues: ProjectedIssues
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
    public var list: ProjectedIssues
    /// Issues on the board in total (not archived or deleted), and how many match the filter.
    public var total: Int
    public var matching: Int { list.count }
    /// The issues that match but wait (snoozed; counted in the lanes' `waitingCount`), so that
    /// a query narrowing this one can count them from here.
    var waitingMatches: [Int] = []

    /// `candidates`, when given, are the only issues that can match (the issues a typed word
    /// occurs in), so typing a longer filter looks at fewer issues each key.
    /// `order`, when given, must be `state`'s for the query's sort; it is computed otherwise.
    /// `searchText`, when given, must be `state`'s; free text is then found in one pass over it.
    /// `bands`, when given, must be `state`'s for `swimlanes`; it is computed otherwise.
    /// `narrowing`, when given, is this board's projection of a query that every issue this one
    /// matches also matches: only its matches (shown or waiting) are looked at, if fewer.
    public init(state: BoardState, query: Query, now: Timestamp = .now, zone: TimeZone? = nil, staleAfterDays: Int = 14,
                swimlanes: Swimlanes = .none, candidates: [Int]? = nil, order: IssueOrder? = nil,
                searchText: SearchText? = nil, bands bandIndex: BandIndex? = nil, narrowing: BoardProjection? = nil) {
        let order = order.flatMap { $0.sort == query.sort ? $0 : nil } ?? IssueOrder(state: state, sort: query.sort)
        self.init(state: state, query: query, now: now, zone: zone, staleAfterDays: staleAfterDays, swimlanes: swimlanes,
                  candidates: candidates, order: OrderPlaces(order), searchText: searchText, bands: bandIndex, narrowing: narrowing)
    }

    /// The same, with the order's places kept from an earlier keystroke (`ProjectionCache`).
    /// `twoCoresFrom`: see `BoardProjection.twoCoresFrom` (tests give 0, to split tiny boards).
    package init(state: BoardState, query: Query, now: Timestamp = .now, zone: TimeZone? = nil, staleAfterDays: Int = 14,
                 swimlanes: Swimlanes = .none, candidates: [Int]? = nil, order places: OrderPlaces,
                 searchText: SearchText? = nil, bands bandIndex: BandIndex? = nil, narrowing: BoardProjection? = nil,
                 twoCoresFrom: Int = BoardProjection.twoCoresFrom) {
        // Match into bits at each match's place on the board and in the list (reading issues in
        // place, never copying one): no sorting, hashing or copying per key, and nothing written
        // per match beyond two bits, whatever the number of matches (`ProjectedIssues`).
        // What every issue is asked besides the terms (hidden? waiting? stale?) is read from the
        // order's `IssueFacts`, so a term answered board-wide (free text) reads no issue at all.
        let places = places.order.sort == query.sort ? places : OrderPlaces(IssueOrder(state: state, sort: query.sort))
        let order = places.order, facts = order.facts
        let known = query.knownAnswers(from: searchText, in: state)
        let combined = query.combinedAnswers(known)
        let decided = combined ?? [], isDecided = combined != nil
        // The fewest issues that can match: the candidates, or the narrowed projection's matches
        // (unless so many that every slot's flag is read faster).
        let most = Self.mostCandidates(decided: isDecided, issues: state.issues.count)
        let fewest = narrowing.flatMap { earlier -> [Int]? in
            earlier.matching + earlier.waitingMatches.count < min(candidates?.count ?? Int.max, state.issues.count / 2, most)
                ? Array(earlier.list) + earlier.waitingMatches : nil
        } ?? candidates.flatMap { $0.count < most ? $0 : nil }
        let staleBefore = now.milliseconds - Int64(staleAfterDays) * Timestamp.day
        var board = PlaceSet(places: places.laneStarts.last!), listed = PlaceSet(places: order.list.count)
        // The stale matches' places on the board: each lane's count is read off the bits.
        var stale = PlaceSet(places: places.laneStarts.last!)
        var waiting: [String: Int] = [:]
        var waitingIssues: [Int] = []
        // Every term answered beforehand and many slots to look at: the plain matches' bits set
        // on both cores; only the matches whose issue must be read are left to `consider`.
        var rest: [Int]?
        if isDecided, case let count = fewest?.count ?? state.issues.count, count >= twoCoresFrom {
            let found = DecidedPlaces.onBothCores(count: count, places: places, decided: decided, staleBefore: staleBefore,
                                                  state: state, fewest: fewest)
            (board, listed, stale, rest) = (found.board, found.listed, found.stale, found.flagged)
        }
        // Plain loops over local arrays: through `forEachPointer`'s closure each array was reached
        // through the closure's context, and every slot paid the call.
        let flags = facts.flags, openUpdated = facts.openUpdated
        let boardPlaces = places.boardPlaces, listPlaces = places.listPlaces
        board.inserting { keepOnBoard in
            listed.inserting { keepInList in
                stale.inserting { keepStale in
                    state.issues.withValues { issues in
                        func consider(_ slot: Int) {
                            if isDecided, !decided[slot] { return }
                            let flags = flags[slot]
                            if flags != 0 || !isDecided {
                                let issue = UnsafePointer(issues.baseAddress! + slot)
                                if flags & IssueFacts.hidden != 0, !query.reveals(issue.pointee) { return }
                                guard isDecided || query.matchesTerms(at: issue, slot: slot, known: known, now: now, staleAfterDays: staleAfterDays) else { return }
                                if flags & IssueFacts.snoozed != 0, query.hidesWaiting(issue, now: now, zone: zone) {
                                    waiting[issue.pointee.column, default: 0] += 1
                                    waitingIssues.append(issue.pointee.number)
                                    return
                                }
                            }
                            let place = Int(boardPlaces[slot])
                            keepOnBoard(place)
                            keepInList(Int(listPlaces[slot]))
                            if openUpdated[slot] < staleBefore { keepStale(place) }
                        }
                        if let rest {
                            for slot in rest { consider(slot) }
                        } else if let fewest {
                            for number in fewest { if let slot = state.issues.slot(of: number) { consider(slot) } }
                        } else {
                            for slot in issues.indices { consider(slot) }
                        }
                    }
                }
            }
        }
        board.seal()
        listed.seal()
        stale.seal()
        waitingMatches = waitingIssues
        list = ProjectedIssues(places: places, set: listed, board: false, range: 0..<order.list.count)
        lanes = order.columns.indices.map { index in
            let column = order.columns[index]
            var lane = Lane(column: column, issues: ProjectedIssues(places: places, set: board, board: true,
                                                                   range: places.laneStarts[index]..<places.laneStarts[index + 1]))
            lane.waitingCount = waiting[column.id] ?? 0
            lane.staleCount = stale.rank(places.laneStarts[index + 1]) - stale.rank(places.laneStarts[index])
            return lane
        }
        total = state.shownByDefaultCount
        if swimlanes != .none {
            let laneSlots = lanes.indices.map { index in
                let start = places.laneStarts[index]
                return board.places(in: start..<places.laneStarts[index + 1]).map { order.lanes[index][$0 - start] }
            }
            groupIntoBands(laneSlots, index: bandIndex.flatMap { $0.swimlanes == swimlanes ? $0 : nil }
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
            lanes[lane].issues = ProjectedIssues(ordered)
        }
    }
}
