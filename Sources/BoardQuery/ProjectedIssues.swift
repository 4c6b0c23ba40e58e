import BoardModel

/// The issue numbers of a lane or of the list, in the order shown: an array, or the places of
/// a board order that a filter kept (`PlaceSet`), read where they are asked for.
///
/// A keystroke of the `/` filter at a million issues used to write every match into the lanes
/// and the list, though a screen reads a few dozen cards, their count and the selection's index.
/// Kept places answer those without visiting the other matches: `count` at once, `[i]` and
/// `firstIndex(of:)` / `contains` (the selection) in a few steps. Iterating visits only the kept
/// places.
public struct ProjectedIssues: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    enum Storage: Sendable {
        case numbers([Int])
        /// The kept places of `places` in `range` (a lane, or the whole list), the first of
        /// them the `first`-th kept place; `board` tells whether the places are the board's or
        /// the list's.
        case kept(Kept)
    }

    struct Kept: Sendable {
        let places: OrderPlaces
        let set: PlaceSet
        let board: Bool
        let range: Range<Int>
        let first: Int
        let count: Int
    }

    let storage: Storage

    public init(_ numbers: [Int]) { storage = .numbers(numbers) }

    public init(arrayLiteral numbers: Int...) { storage = .numbers(numbers) }

    /// The places of `set` in `range`, of the board's order if `board`, else of the list's.
    init(places: OrderPlaces, set: PlaceSet, board: Bool, range: Range<Int>) {
        let first = set.rank(range.lowerBound)
        storage = .kept(Kept(places: places, set: set, board: board, range: range, first: first,
                             count: set.rank(range.upperBound) - first))
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .numbers(let numbers): numbers.count
        case .kept(let kept): kept.count
        }
    }

    public subscript(position: Int) -> Int {
        switch storage {
        case .numbers(let numbers):
            return numbers[position]
        case .kept(let kept):
            precondition(position >= 0 && position < kept.count, "index out of range")
            return kept.number(at: kept.set.place(ofRank: kept.first + position))
        }
    }

    public func makeIterator() -> Iterator {
        switch storage {
        case .numbers(let numbers): Iterator(numbers: numbers.makeIterator(), kept: nil, from: 0)
        case .kept(let kept): Iterator(numbers: nil, kept: kept, from: kept.range.lowerBound)
        }
    }

    /// Visits the kept places one word of bits at a time (a subscript per element would search
    /// for each).
    public struct Iterator: IteratorProtocol {
        var numbers: IndexingIterator<[Int]>?
        let kept: Kept?
        var from: Int

        public mutating func next() -> Int? {
            if numbers != nil { return numbers!.next() }
            guard let kept, let place = kept.set.next(from: from, below: kept.range.upperBound) else { return nil }
            from = place + 1
            return kept.number(at: place)
        }
    }

    public func _customContainsEquatableElement(_ number: Int) -> Bool? {
        _customIndexOfEquatableElement(number).map { $0 != nil }
    }

    /// Found through the number's place (`OrderPlaces`) instead of a search of the elements.
    public func _customIndexOfEquatableElement(_ number: Int) -> Int?? {
        guard case .kept(let kept) = storage else { return nil }
        guard let slot = kept.places.slot(of: number) else { return .some(nil) }
        let place = Int(kept.board ? kept.places.boardPlaces[slot] : kept.places.listPlaces[slot])
        guard kept.range.contains(place), kept.set.contains(place) else { return .some(nil) }
        return .some(kept.set.rank(place) - kept.first)
    }

    public func _customLastIndexOfEquatableElement(_ number: Int) -> Int?? {
        _customIndexOfEquatableElement(number)
    }

    public static func == (a: ProjectedIssues, b: ProjectedIssues) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }
}

extension ProjectedIssues.Kept {
    /// The issue number at `place`.
    func number(at place: Int) -> Int {
        let slot = board ? places.boardSlot(place) : Int(places.order.list[place])
        return places.order.facts.numbers[slot]
    }
}

extension ProjectedIssues: CustomStringConvertible {
    public var description: String { Array(self).description }
}
