import BoardModel

/// Where each issue stands in an `IssueOrder`: its place on the board (the lanes one after the
/// other) and in the list, by slot, and its slot by number.
///
/// A projection keeps the matching places as bits (`PlaceSet`): a match sets the bit at its
/// place, and a card found by its number (the selection) is looked up here instead of by a
/// search through the lane. 8 bytes an issue (0.8 MB at 100,000 issues), computed with the
/// order, once per board version and sort.
package struct OrderPlaces: Sendable {
    let order: IssueOrder
    /// Where each lane's places start on the board; one extra entry marks the end.
    let laneStarts: [Int]
    /// For each slot, its place on the board and in the list.
    let boardPlaces: [Int32]
    let listPlaces: [Int32]
    /// Slots by number, when the slots are not in ascending number order (otherwise a binary
    /// search of `order.facts.numbers` finds them, at no memory).
    private let unorderedSlots: [Int: Int32]?

    init(_ order: IssueOrder) {
        self.order = order
        var starts = [0]
        var board = [Int32](repeating: 0, count: order.facts.numbers.count)
        for lane in order.lanes {
            for (offset, slot) in lane.enumerated() { board[Int(slot)] = Int32(starts.last! + offset) }
            starts.append(starts.last! + lane.count)
        }
        var list = [Int32](repeating: 0, count: order.facts.numbers.count)
        for (place, slot) in order.list.enumerated() { list[Int(slot)] = Int32(place) }
        laneStarts = starts
        boardPlaces = board
        listPlaces = list
        let numbers = order.facts.numbers
        unorderedSlots = zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 } ? nil
            : Dictionary(uniqueKeysWithValues: numbers.enumerated().map { ($1, Int32($0)) })
    }

    /// The slot of issue `number`, if the order holds it.
    func slot(of number: Int) -> Int? {
        if let unorderedSlots { return unorderedSlots[number].map(Int.init) }
        let numbers = order.facts.numbers
        var low = 0, high = numbers.count
        while low < high {
            let middle = (low + high) / 2
            if numbers[middle] < number { low = middle + 1 } else { high = middle }
        }
        return low < numbers.count && numbers[low] == number ? low : nil
    }

    /// The lane holding board place `place`.
    func lane(ofPlace place: Int) -> Int {
        var lane = 0
        while laneStarts[lane + 1] <= place { lane += 1 }
        return lane
    }

    /// The slot at `place` on the board.
    func boardSlot(_ place: Int) -> Int {
        let lane = lane(ofPlace: place)
        return Int(order.lanes[lane][place - laneStarts[lane]])
    }
}
