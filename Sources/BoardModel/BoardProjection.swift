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
    public init(state: BoardState, query: Query, now: Timestamp = .now, staleAfterDays: Int = 14,
                swimlanes: Swimlanes = .none, candidates: [Int]? = nil) {
        // One pass over the issues, keeping only small sort keys: copying 100,000 issue values
        // (and their strings) per keystroke of the filter would dominate its cost.
        let staleBefore = now.milliseconds - Int64(staleAfterDays) * Timestamp.day
        var byColumn: [String: [(rank: Double, number: Int)]] = [:]
        var stale: [String: Int] = [:]
        var listKeys: [(key: Int64, number: Int)] = []
        func consider(_ issue: Issue) {
            guard query.matches(issue, now: now, staleAfterDays: staleAfterDays) else { return }
            byColumn[issue.column, default: []].append((issue.rank, issue.number))
            listKeys.append((query.sort.key(of: issue), issue.number))
            if issue.isOpen, issue.updated.milliseconds < staleBefore { stale[issue.column, default: 0] += 1 }
        }
        if let candidates {
            for number in candidates { if let issue = state.issues[number] { consider(issue) } }
        } else {
            for issue in state.issues.values { consider(issue) }
        }
        let descending = query.sort.descending
        listKeys.sort { a, b in
            a.key != b.key ? (a.key < b.key) != descending : (a.number < b.number) != descending
        }
        list = listKeys.map(\.number)
        lanes = state.columns.map { column in
            let keys = (byColumn[column.id] ?? []).sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.number < $1.number }
            return Lane(column: column, issues: keys.map(\.number), staleCount: stale[column.id] ?? 0)
        }
        total = state.issues.count
        if swimlanes != .none { groupIntoBands(state: state, swimlanes: swimlanes) }
    }

    /// Orders each column by band, then rank, and records the bands.
    mutating func groupIntoBands(state: BoardState, swimlanes: Swimlanes) {
        var order: [String: String] = [:]
        for lane in lanes {
            for number in lane.issues {
                guard let issue = state.issues[number] else { continue }
                let band = swimlanes.band(of: issue)
                order[band.key] = band.order
            }
        }
        bands = order.keys.sorted { (order[$0]!, $0) < (order[$1]!, $1) }
        let position = Dictionary(uniqueKeysWithValues: bands.enumerated().map { ($0.element, $0.offset) })
        for index in lanes.indices {
            var byBand = Array(repeating: [Int](), count: bands.count)
            for number in lanes[index].issues {
                guard let issue = state.issues[number] else { continue }
                byBand[position[swimlanes.band(of: issue).key]!].append(number)
            }
            lanes[index].byBand = byBand
            lanes[index].issues = byBand.flatMap { $0 }
        }
    }
}
