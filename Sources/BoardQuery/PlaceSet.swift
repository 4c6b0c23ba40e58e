/// The places of one of the board's orders that a filter keeps: a bit per place, and how many
/// are kept before each run of 64 places.
///
/// A `/` keystroke used to write every matching issue's number into each lane and the list
/// (8 bytes a match, twice, at a million issues most of a keystroke) although a screen shows a
/// few dozen. Setting a bit per match costs a store into 1/64 of the memory, and the views'
/// questions (the n-th card, a card's index, the count) are answered from the bits: the n-th
/// kept place by a binary search over the counts, then within one word.
struct PlaceSet: Sendable {
    private(set) var words: [UInt64]
    /// For each word, the kept places in the words before it (filled by `seal`).
    private var before: [Int32] = []
    /// Kept places in all (filled by `seal`).
    private(set) var count = 0

    /// No place kept, of `places` places.
    init(places: Int) {
        words = [UInt64](repeating: 0, count: (places + 63) / 64)
    }

    /// Keeps places while `body` runs; `seal` afterwards.
    mutating func inserting(_ body: (Inserter) -> Void) {
        words.withUnsafeMutableBufferPointer { words in body(Inserter(words: words)) }
    }

    /// Keeps a place: a store, no call (a closure here cost a call per match).
    struct Inserter {
        let words: UnsafeMutableBufferPointer<UInt64>

        @inline(__always) func callAsFunction(_ place: Int) {
            words[place >> 6] |= 1 << UInt64(place & 63)
        }

        /// Keeps `place` if `keep` is 1; with 0 the word is written back as it was. No branch:
        /// where half the places are kept at random, a branch per place is mispredicted about
        /// every other time.
        @inline(__always) func callAsFunction(_ place: Int, if keep: UInt64) {
            words[place >> 6] |= keep << UInt64(place & 63)
        }
    }

    /// Keeps the places `other` (of as many places) keeps too; before `seal`.
    mutating func formUnion(_ other: PlaceSet) {
        for index in words.indices { words[index] |= other.words[index] }
    }

    /// Counts the kept places, once every place is in.
    mutating func seal() {
        var kept = 0
        before = words.map { word in
            defer { kept += word.nonzeroBitCount }
            return Int32(kept)
        }
        count = kept
    }

    func contains(_ place: Int) -> Bool {
        place >= 0 && place >> 6 < words.count && words[place >> 6] & (1 << UInt64(place & 63)) != 0
    }

    /// How many kept places come before `place`.
    func rank(_ place: Int) -> Int {
        guard place >> 6 < words.count else { return count }
        let below = place & 63 == 0 ? 0 : words[place >> 6] & (UInt64.max >> UInt64(64 - place & 63))
        return Int(before[place >> 6]) + below.nonzeroBitCount
    }

    /// The kept place with `rank` kept places before it (`rank < count`).
    func place(ofRank rank: Int) -> Int {
        // The last word with at most `rank` kept places before it holds it.
        var low = 0, high = before.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if Int(before[middle]) <= rank { low = middle } else { high = middle }
        }
        var word = words[low]
        for _ in 0..<(rank - Int(before[low])) { word &= word - 1 }
        return low << 6 + word.trailingZeroBitCount
    }

    /// The first kept place at or after `place`, or nil.
    func next(from place: Int, below end: Int) -> Int? {
        var index = place >> 6
        guard place < end, index < words.count else { return nil }
        var word = words[index] & (UInt64.max << UInt64(place & 63))
        while word == 0 {
            index += 1
            guard index << 6 < end, index < words.count else { return nil }
            word = words[index]
        }
        let found = index << 6 + word.trailingZeroBitCount
        return found < end ? found : nil
    }

    /// The kept places in `range`, ascending.
    func places(in range: Range<Int>) -> [Int] {
        var found: [Int] = []
        var place = range.lowerBound
        while let next = next(from: place, below: range.upperBound) {
            found.append(next)
            place = next + 1
        }
        return found
    }
}
