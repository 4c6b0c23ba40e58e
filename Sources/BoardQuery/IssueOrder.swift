import BoardModel

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

    private init(sort: QuerySort, lanes: [[Int32]], list: [Int32]) {
        self.sort = sort
        self.lanes = lanes
        self.list = list
    }

    /// This order after the issues numbered `changed` were created or changed in `state`
    /// (which must have the same columns): they are taken out and put back where they now
    /// belong by binary search, instead of sorting every issue again after each move.
    public func updating(_ changed: Set<Int>, in state: BoardState) -> IssueOrder {
        let slots = Set(changed.compactMap { state.issues.slot(of: $0).map(Int32.init) })
        guard !slots.isEmpty else { return self }
        let descending = sort.descending
        return state.issues.withValues { issues in
            func laneOrder(_ a: Int32, _ b: Int32) -> Bool {
                let (x, y) = (issues[Int(a)], issues[Int(b)])
                return x.rank != y.rank ? x.rank < y.rank : x.number < y.number
            }
            func listOrder(_ a: Int32, _ b: Int32) -> Bool {
                let (x, y) = (sort.key(of: issues[Int(a)]), sort.key(of: issues[Int(b)]))
                return x != y ? (x < y) != descending : (issues[Int(a)].number < issues[Int(b)].number) != descending
            }
            var isChanged = [Bool](repeating: false, count: issues.count)
            for slot in slots { isChanged[Int(slot)] = true }
            var lanes = self.lanes.map { $0.filter { !isChanged[Int($0)] } }
            var list = self.list.filter { !isChanged[Int($0)] }
            for slot in slots.sorted() {
                if let lane = state.columns.firstIndex(where: { $0.id == issues[Int(slot)].column }) {
                    lanes[lane].insert(slot, at: IssueOrder.insertionPoint(of: slot, in: lanes[lane], by: laneOrder))
                }
                list.insert(slot, at: IssueOrder.insertionPoint(of: slot, in: list, by: listOrder))
            }
            return IssueOrder(sort: sort, lanes: lanes, list: list)
        }
    }

    /// The first index in the sorted `slots` whose element does not come before `slot`.
    private static func insertionPoint(of slot: Int32, in slots: [Int32], by before: (Int32, Int32) -> Bool) -> Int {
        var low = 0, high = slots.count
        while low < high {
            let middle = (low + high) / 2
            if before(slots[middle], slot) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
