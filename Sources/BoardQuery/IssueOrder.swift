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

    /// Sorted from 16-byte records (a key and a slot; equal keys are rare, their numbers are read
    /// from `facts`), each lane's made at its size and dropped once sorted, the list's after
    /// them: 24-byte records grown by doubling and copied to be sorted held 70 MB at once at a
    /// million issues, the peak of the session's open.
    public init(state: BoardState, sort: QuerySort) {
        self.sort = sort
        let facts = IssueFacts(state: state)
        var columns = state.columns
        var laneOf: [Int32] = []
        laneOf.reserveCapacity(state.issues.count)
        var laneSizes = [Int](repeating: 0, count: columns.count)
        state.issues.forEachPointer(nil) { _, issue in
            let lane = IssueOrder.lane(of: issue.pointee.column, in: &columns)
            if lane == laneSizes.count { laneSizes.append(0) }
            laneSizes[lane] += 1
            laneOf.append(Int32(lane))
        }
        var records = laneSizes.map { size in
            var lane: [(rank: Double, slot: Int32)] = []
            lane.reserveCapacity(size)
            return lane
        }
        state.issues.forEachPointer(nil) { slot, issue in records[Int(laneOf[slot])].append((issue.pointee.rank, Int32(slot))) }
        laneOf = []
        let numbers = facts.numbers
        var lanes: [[Int32]] = []
        for lane in records.indices {
            records[lane].sort { a, b in a.rank != b.rank ? a.rank < b.rank : numbers[Int(a.slot)] < numbers[Int(b.slot)] }
            lanes.append(records[lane].map(\.slot))
            records[lane] = []
        }
        var list: [(key: Int64, slot: Int32)] = []
        list.reserveCapacity(state.issues.count)
        state.issues.forEachPointer(nil) { slot, issue in list.append((sort.key(of: issue.pointee), Int32(slot))) }
        let descending = sort.descending
        list.sort { a, b in
            a.key != b.key ? (a.key < b.key) != descending : (numbers[Int(a.slot)] < numbers[Int(b.slot)]) != descending
        }
        self.columns = columns
        self.lanes = lanes
        self.list = list.map(\.slot)
        self.facts = facts
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
