import BoardModel

extension SearchText {
    /// Every place one word occurs in the buffer, so that a longer word containing it is found by
    /// checking those places instead of reading the whole buffer again.
    ///
    /// Typing on in the filter grows a word ("login" → "logina"), and every occurrence of the
    /// longer word holds one of the shorter word at a fixed distance. Checking the 100,000 places
    /// "login" occurs at 100k issues replaces a pass over 12 MB whose two-byte test passes at
    /// each of them anyway; and since each place keeps the four bytes that follow it, a word
    /// grown by up to four letters is checked without reading the buffer (reading it at 100,000
    /// scattered places cost as much as the pass). `ProjectionCache` keeps them with each
    /// projection, so they are always for the buffer they were found in (one board version).
    public struct Occurrences: Sendable, Equatable {
        let needle: [UInt8]
        /// The offsets in `bytes` where `needle` starts, ascending.
        let starts: [Int32]
        /// For each start, the four bytes after `needle` there (the first in the lowest byte; 0
        /// past the buffer's end).
        let following: [UInt32]
    }

    /// A word shorter than this is not listed: a letter or two occurs in almost every issue,
    /// many times over, and a search needs only its first occurrence in each.
    static let shortestListed = 3

    /// Whether `needle` (a lowercased free-text word) can be searched in the buffer: ASCII,
    /// since only ASCII capitals are folded there, and no 0 byte, which ends each text.
    static func canSearch(_ needle: String) -> Bool {
        needle.utf8.allSatisfy { $0 < 0x80 && $0 != 0 }
    }

    /// Where `needle` (lowercased, `canSearch`) occurs in the buffer: found from the
    /// occurrences in `earlier` of a word inside it (the fewest there are), else by reading the
    /// whole buffer; nil for a word too short, or found too often (more than once every 8 bytes)
    /// to be worth listing.
    public func occurrences(of needle: String, from earlier: [Occurrences]) -> Occurrences? {
        let pin = Array(needle.utf8)
        var inside: (occurrences: Occurrences, offset: Int)?
        for candidate in earlier where candidate.starts.count < inside?.occurrences.starts.count ?? Int.max {
            if let offset = SearchText.offset(of: candidate.needle, in: pin) { inside = (candidate, offset) }
        }
        if let (earlier, offset) = inside {
            let grown = pin.count - earlier.needle.count
            if offset == 0, grown <= 4 { return extending(earlier, to: pin) }
            return listing(pin, at: earlier.starts.lazy.map { Int($0) - offset })
        }
        guard pin.count >= SearchText.shortestListed else { return nil }
        let most = bytes.count / 8
        var starts: [Int32] = [], following: [UInt32] = []
        let search = TextSearch(pin)
        let complete = bytes.withUnsafeBufferPointer { hay in
            var from = 0
            while let at = search.firstIndex(in: hay, from: from) {
                if starts.count == most { return false }
                starts.append(Int32(at))
                following.append(SearchText.bytes(after: at + pin.count, in: hay))
                from = at + 1
            }
            return true
        }
        return complete ? Occurrences(needle: pin, starts: starts, following: following) : nil
    }

    /// The occurrences of `pin`, a word that starts with `earlier`'s and is at most four bytes
    /// longer: those of `earlier` followed by the rest of `pin`, told by the bytes kept after
    /// each (the buffer is read only where the longer word occurs).
    private func extending(_ earlier: Occurrences, to pin: [UInt8]) -> Occurrences {
        let grown = pin.count - earlier.needle.count
        let mask: UInt32 = grown == 4 ? .max : (1 << UInt32(8 * grown)) - 1
        let rest = pin[earlier.needle.count...].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        // Each kept place holds the longer word (the earlier word there, then the bytes kept
        // after it): only the four bytes after the longer word are read.
        var starts: [Int32] = [], following: [UInt32] = []
        bytes.withUnsafeBufferPointer { hay in
            for (start, after) in zip(earlier.starts, earlier.following) where after & mask == rest {
                starts.append(start)
                following.append(SearchText.bytes(after: Int(start) + pin.count, in: hay))
            }
        }
        return Occurrences(needle: pin, starts: starts, following: following)
    }

    /// The occurrences of `pin` among the offsets `places` (ascending), with the bytes after each.
    private func listing(_ pin: [UInt8], at places: some Sequence<Int>) -> Occurrences {
        var starts: [Int32] = [], following: [UInt32] = []
        bytes.withUnsafeBufferPointer { hay in
            for start in places where start >= 0 && start + pin.count <= hay.count {
                var at = 0
                while at < pin.count, hay[start + at] == pin[at] { at += 1 }
                guard at == pin.count else { continue }
                starts.append(Int32(start))
                following.append(SearchText.bytes(after: start + pin.count, in: hay))
            }
        }
        return Occurrences(needle: pin, starts: starts, following: following)
    }

    /// The four bytes of `hay` from `offset` as one number, the first lowest; 0 past the end.
    private static func bytes(after offset: Int, in hay: UnsafeBufferPointer<UInt8>) -> UInt32 {
        if offset + 4 <= hay.count, let base = hay.baseAddress {
            return UInt32(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt32.self))
        }
        return (0..<4).reversed().reduce(0) { $0 << 8 | UInt32(offset + $1 < hay.count ? hay[offset + $1] : 0) }
    }

    /// Where `part` first occurs in `whole`, if anywhere.
    private static func offset(of part: [UInt8], in whole: [UInt8]) -> Int? {
        guard part.count <= whole.count else { return nil }
        return (0...(whole.count - part.count)).first { whole[$0..<($0 + part.count)].elementsEqual(part) }
    }

    /// The issues that can hold the word of `occurrences`: those it occurs in, and those whose
    /// text changed or is new since the buffer was built.
    func issues(holding occurrences: Occurrences, in state: BoardState) -> [Int] {
        let numbers = state.issues.keys
        var issues: [Int] = []
        var slot = 0, last = -1
        for at in occurrences.starts {
            while starts[slot + 1] <= at { slot += 1 }
            if slot != last, !stale.contains(slot) { issues.append(numbers[slot]) }
            last = slot
        }
        let buffered = starts.count - 1
        issues += stale.filter { $0 < buffered && $0 < numbers.count }.map { numbers[$0] }
        issues += numbers[min(buffered, numbers.count)...]
        return issues
    }

    /// For each slot of the buffer, whether one of `occurrences` falls in its text.
    func slots(holding occurrences: Occurrences) -> [Bool] {
        var found = [Bool](repeating: false, count: starts.count - 1)
        var slot = 0
        for at in occurrences.starts {
            while starts[slot + 1] <= at { slot += 1 }
            found[slot] = true
        }
        return found
    }
}
