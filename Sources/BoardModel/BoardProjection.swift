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

    public init(state: BoardState, query: Query, now: Timestamp = .now, staleAfterDays: Int = 14,
                swimlanes: Swimlanes = .none) {
        let found = query.run(on: state, now: now, staleAfterDays: staleAfterDays)
        list = found.map(\.number)
        var byColumn: [String: [Issue]] = [:]
        for issue in found { byColumn[issue.column, default: []].append(issue) }
        let staleBefore = now.milliseconds - Int64(staleAfterDays) * Timestamp.day
        lanes = state.columns.map { column in
            let issues = byColumn[column.id] ?? []
            return Lane(column: column, issues: issues.sorted(by: BoardState.rankOrder).map(\.number),
                        staleCount: issues.filter { $0.isOpen && $0.updated.milliseconds < staleBefore }.count)
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

    public func lane(containing number: Int) -> Int? {
        lanes.firstIndex { $0.issues.contains(number) }
    }
}
