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
    /// The board's columns, then a lane for each column issues are still in that the board no
    /// longer has (named "ID (removed)"), so no issue is ever unreachable from the board.
    let columns: [Column]
    /// For each of `columns`, its issues by rank.
    let lanes: [[Int32]]
    /// All issues in `sort` order.
    let list: [Int32]
    /// What each keystroke reads of every issue, by slot (see `IssueFacts`).
    let facts: IssueFacts

    public init(state: BoardState, sort: QuerySort) {
        self.sort = sort
        var columns = state.columns
        var lanes = Array(repeating: [(rank: Double, number: Int, slot: Int32)](), count: state.columns.count)
        var list: [(key: Int64, number: Int, slot: Int32)] = []
        list.reserveCapacity(state.issues.count)
        state.issues.forEachPointer(nil) { index, issue in
            let slot = Int32(index)
            let number = issue.pointee.number
            let lane = IssueOrder.lane(of: issue.pointee.column, in: &columns)
            if lane == lanes.count { lanes.append([]) }
            lanes[lane].append((issue.pointee.rank, number, slot))
            list.append((sort.key(of: issue.pointee), number, slot))
        }
        let descending = sort.descending
        list.sort { a, b in a.key != b.key ? (a.key < b.key) != descending : (a.number < b.number) != descending }
        self.columns = columns
        self.list = list.map(\.slot)
        self.lanes = lanes.map { lane in
            lane.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.number < $1.number }.map(\.slot)
        }
        facts = IssueFacts(state: state)
    }

    private init(sort: QuerySort, columns: [Column], lanes: [[Int32]], list: [Int32], facts: IssueFacts) {
        self.sort = sort
        self.columns = columns
        self.lanes = lanes
        self.list = list
        self.facts = facts
    }

    /// The index in `columns` of the lane for column `id`, adding a removed column's lane.
    private static func lane(of id: String, in columns: inout [Column]) -> Int {
        if let lane = columns.firstIndex(where: { $0.id == id }) { return lane }
        columns.append(Column(id: id, name: id + " (removed)"))
        return columns.count - 1
    }

    /// This order after the issues numbered `changed` were created or changed in `state`: they
    /// are taken out and put back where they now belong by binary search, instead of sorting
    /// every issue again after each move. A change of the board's columns sorts again.
    public func updating(_ changed: Set<Int>, in state: BoardState) -> IssueOrder {
        guard columns.prefix(state.columns.count) == state.columns[...] else { return IssueOrder(state: state, sort: sort) }
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
            var columns = self.columns
            for slot in slots.sorted() {
                let lane = IssueOrder.lane(of: issues[Int(slot)].column, in: &columns)
                if lane == lanes.count { lanes.append([]) }
                lanes[lane].insert(slot, at: IssueOrder.insertionPoint(of: slot, in: lanes[lane], by: laneOrder))
                list.insert(slot, at: IssueOrder.insertionPoint(of: slot, in: list, by: listOrder))
            }
            // A removed column's lane goes once its last issue has moved out.
            for lane in (state.columns.count..<lanes.count).reversed() where lanes[lane].isEmpty {
                lanes.remove(at: lane)
                columns.remove(at: lane)
            }
            return IssueOrder(sort: sort, columns: columns, lanes: lanes, list: list, facts: facts.updating(changed, in: state))
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
