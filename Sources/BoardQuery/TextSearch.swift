import BoardModel

/// A lowercased needle prepared for case-insensitive search in UTF-8 bytes, shared by the
/// per-issue match and the board-wide `SearchText`. Prepared once per search: the board-wide
/// search calls `firstIndex` once per matching issue.
struct TextSearch {
    let pin: [UInt8]
    /// The offsets of the needle's rarest and second rarest bytes.
    let rare: Int
    let second: Int

    init(_ pin: [UInt8]) {
        self.pin = pin
        let byRarity = pin.indices.sorted { TextSearch.commonness(pin[$0]) < TextSearch.commonness(pin[$1]) }
        rare = byRarity.first ?? 0
        second = byRarity.count > 1 ? byRarity[1] : rare
    }

    /// Where `pin` (lowercased) first occurs in `hay` at or after `first`, folding ASCII capitals
    /// in `hay`.
    ///
    /// Sixteen starting positions at a time are tested for the needle's two rarest bytes at
    /// their offsets (each in both cases); only positions where both hit are compared in full.
    /// Rare bytes matter when typing on in the filter: every candidate already contains the
    /// shorter word, so its first byte would hit in all of them. (The two-byte test is the
    /// "generic SIMD" idea of the memchr crate's substring search.)
    func firstIndex(in hay: UnsafeBufferPointer<UInt8>, from first: Int = 0) -> Int? {
        pin.withUnsafeBufferPointer { pin in firstIndex(of: pin, in: hay, from: first) }
    }

    private func firstIndex(of pin: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from first: Int) -> Int? {
        guard !pin.isEmpty else { return first }
        guard hay.count - first >= pin.count, let base = hay.baseAddress else { return nil }
        @inline(__always) func fold(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte | 0x20 : byte }
        @inline(__always) func capital(_ byte: UInt8) -> UInt8 { byte >= 97 && byte <= 122 ? byte - 32 : byte }
        @inline(__always) func matches(at start: Int) -> Bool {
            var offset = 0
            while offset < pin.count, fold(hay[start + offset]) == pin[offset] { offset += 1 }
            return offset == pin.count
        }
        @inline(__always) func firstMatch(amongLanes word: UInt64, from start: Int) -> Int? {
            TextSearch.first(amongLanes: word, from: start, where: matches(at:))
        }
        let starts = hay.count - pin.count + 1
        guard starts - first >= 16 else {
            for start in first..<starts where fold(hay[start + rare]) == pin[rare] && matches(at: start) { return start }
            return nil
        }
        let rareLower = SIMD16<UInt8>(repeating: pin[rare]), rareUpper = SIMD16<UInt8>(repeating: capital(pin[rare]))
        let secondLower = SIMD16<UInt8>(repeating: pin[second]), secondUpper = SIMD16<UInt8>(repeating: capital(pin[second]))
        var start = first
        while true {
            let rareBlock = UnsafeRawPointer(base + start + rare).loadUnaligned(as: SIMD16<UInt8>.self)
            let secondBlock = UnsafeRawPointer(base + start + second).loadUnaligned(as: SIMD16<UInt8>.self)
            let hits = ((rareBlock .== rareLower) .| (rareBlock .== rareUpper))
                .& ((secondBlock .== secondLower) .| (secondBlock .== secondUpper))
            // The mask read as two words, each lane a byte of 0xFF or 0: `any(hits)` and
            // `hits[lane]` are calls to generic code here, which cost more than the test.
            let words = unsafeBitCast(hits, to: (UInt64, UInt64).self)
            if words.0 | words.1 != 0 {
                if let found = firstMatch(amongLanes: words.0, from: start) ?? firstMatch(amongLanes: words.1, from: start + 8) {
                    return found
                }
            }
            if start + 16 == starts { return nil }
            // The last block may overlap the one before: its starts are simply tested twice.
            start = Swift.min(start + 16, starts - 16)
        }
    }

    /// The first of the eight starts from `start` whose lane is set in `word` (a comparison's
    /// mask read as a word, each lane a byte of 0xFF or 0) for which `holds` is true.
    @inline(__always) static func first(amongLanes word: UInt64, from start: Int, where holds: (Int) -> Bool) -> Int? {
        var lanes = word & 0x8080_8080_8080_8080
        while lanes != 0 {
            let at = start + lanes.trailingZeroBitCount / 8
            if holds(at) { return at }
            lanes &= lanes - 1
        }
        return nil
    }

    /// How often a lowercased byte turns up in text: English letter frequency, with spaces and
    /// vowels most common; other bytes count as rare.
    private static func commonness(_ byte: UInt8) -> Int {
        switch byte {
        case 32: 30
        case 97...122: letterCommonness[Int(byte - 97)]
        default: 0
        }
    }

    /// a…z, from "etaoinshrdlcumwfgypbvkjxqz" (e commonest).
    private static let letterCommonness = [24, 7, 15, 17, 26, 11, 10, 19, 22, 4, 5, 16, 13, 21, 23, 8, 2, 18, 20, 25, 14, 6, 12, 3, 9, 1]
}
