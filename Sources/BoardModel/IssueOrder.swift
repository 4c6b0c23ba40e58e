/// Every issue of a board in the orders views show them: each column by rank, and the list by
/// one sort key. Positions are slots of `BoardState.issues` (creation order).
///
/// Sorting 100,000 issues costs more than matching them, and neither order depends on the
/// filter, so a session computes this once per board version and sort, and each filter
/// keystroke only keeps the matching slots of already sorted arrays.
public struct IssueOrder: Sendable {
    /// The sort the list is in.
    public let sort: QuerySort
    /// For each of the board's columns (same index as `BoardState.columns`), its issues by rank.
    let lanes: [[Int32]]
    /// All issues in `sort` order.
    let list: [Int32]

    public init(state: BoardState, sort: QuerySort) {
        self.sort = sort
        var lanes = Array(repeating: [(rank: Double, number: Int, slot: Int32)](), count: state.columns.count)
        var list: [(key: Int64, number: Int, slot: Int32)] = []
        list.reserveCapacity(state.issues.count)
        state.issues.forEachPointer(nil) { index, issue in
            let slot = Int32(index)
            let number = issue.pointee.number
            if let lane = state.columns.firstIndex(where: { $0.id == issue.pointee.column }) {
                lanes[lane].append((issue.pointee.rank, number, slot))
            }
            list.append((sort.key(of: issue.pointee), number, slot))
        }
        let descending = sort.descending
        list.sort { a, b in a.key != b.key ? (a.key < b.key) != descending : (a.number < b.number) != descending }
        self.list = list.map(\.slot)
        self.lanes = lanes.map { lane in
            lane.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.number < $1.number }.map(\.slot)
        }
    }
}
