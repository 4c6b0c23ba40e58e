/// A set of issue numbers, one bit each: what a query's name and label lists are read into
/// from `name_bits` (`NameBitsTable`, in `NumberChunk`s) and intersected as. At 1M issues a
/// list is 125 KB; intersecting two is a pass over their words.
struct NumberBitmap {
    /// Bit `n % 64` of word `n / 64` is number `n`.
    private var words: [UInt64] = []

    /// Adds the numbers of `numbers`, chunk `chunk` (0 ... `NumberChunk.last`).
    mutating func formUnion(chunk: Int, _ numbers: NumberChunk) {
        let first = chunk * NumberChunk.wordCount
        if words.count < first + NumberChunk.wordCount {
            words += repeatElement(0, count: first + NumberChunk.wordCount - words.count)
        }
        for (offset, word) in numbers.words.enumerated() { words[first + offset] |= word }
    }

    /// Keeps the numbers that are in `other` too.
    mutating func formIntersection(_ other: NumberBitmap) {
        if words.count > other.words.count { words.removeLast(words.count - other.words.count) }
        for index in words.indices { words[index] &= other.words[index] }
    }

    /// The numbers, ascending (or descending).
    func numbers(descending: Bool) -> [Int] {
        var numbers: [Int] = []
        for (index, word) in words.enumerated() {
            var rest = word
            while rest != 0 {
                numbers.append(index * 64 + rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
        return descending ? numbers.reversed() : numbers
    }
}
