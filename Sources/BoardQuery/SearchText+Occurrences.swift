import BoardModel

extension SearchText {
    /// Every place one word occurs in the buffer, so that a longer word containing it is found by
    /// checking those places instead of reading the whole buffer again.
    ///
    /// Typing on in the filter grows a word ("login" → "logina"), and every occurrence of the
    /// longer word holds one of the shorter word at a fixed distance. Checking the 100,000 places
    /// "login" occurs at 100k issues replaces a pass over 12 MB whose two-byte test passes at
    /// each of them anyway; and since each place keeps the eight bytes that follow it, a word
    /// grown letter by letter is checked from them, up to eight letters, without reading the
    /// buffer (reading it at a million scattered places, a cache miss each, was most of a
    /// keystroke at a million issues). Each place also keeps the slot whose text holds it, so the
    /// issues holding a word are read off without a walk through every text's start.
    /// `ProjectionCache` keeps them with each projection, so they are always for the buffer they
    /// were found in (one board version).
    public struct Occurrences: Sendable, Equatable {
        let needle: [UInt8]
        /// Where `needle` occurs, by ascending offset: one record each, so that a word grown by a
        /// letter keeps its places in one pass that writes one array (three arrays, each counted
        /// and filled apart, were most of a key typed on at a million issues).
        let places: [Place]
        /// How many of the bytes after each place `Place.following` knows.
        let known: Int

        struct Place: Equatable {
            /// The offset in `bytes` where `needle` starts.
            var start: Int32
            /// The slot whose text holds it.
            var slot: Int32
            /// The bytes after `needle` there (the first in the lowest byte; 0 past the buffer's
            /// end), of which the lowest `known` are kept (the others are 0).
            var following: UInt64
        }

        var count: Int { places.count }

        /// The same places with the same bytes after them, as far as both know them.
        public static func == (a: Occurrences, b: Occurrences) -> Bool {
            let known = min(a.known, b.known)
            let mask: UInt64 = known >= 8 ? .max : (1 << UInt64(8 * known)) - 1
            return a.needle == b.needle && a.places.count == b.places.count
                && zip(a.places, b.places).allSatisfy { $0.start == $1.start && $0.slot == $1.slot && $0.following & mask == $1.following & mask }
        }
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
        for candidate in earlier where candidate.count < inside?.occurrences.count ?? Int.max {
            if let offset = SearchText.offset(of: candidate.needle, in: pin) { inside = (candidate, offset) }
        }
        if let (earlier, offset) = inside {
            if offset == 0, pin.count - earlier.needle.count <= earlier.known { return extending(earlier, to: pin) }
            return listing(pin, at: earlier.places.lazy.map { (Int($0.start) - offset, $0.slot) })
        }
        guard pin.count >= SearchText.shortestListed else { return nil }
        let most = bytes.count / 8
        // The buffer's two halves (split where a text starts: a word never spans two) on both
        // cores: this pass over every byte is the third letter of a word (120 MB at a million issues).
        let halves = inHalves { slots, bytes, hay in SearchText.listing(pin, in: hay, bytes: bytes, slots: slots, starts: starts, most: most) }
        guard let first = halves[0], let second = halves[1], first.count + second.count <= most else { return nil }
        return Occurrences(needle: pin, places: first + second, known: 8)
    }

    /// Every place `pin` occurs in `bytes` of `hay` (the texts of `slots`), with the bytes after
    /// each; nil past `most` places.
    private static func listing(_ pin: [UInt8], in hay: UnsafeBufferPointer<UInt8>, bytes: Range<Int>, slots: Range<Int>,
                                starts: [Int32], most: Int) -> [Occurrences.Place]? {
        var places: [Occurrences.Place] = []
        let search = TextSearch(pin)
        let part = UnsafeBufferPointer(rebasing: hay[bytes])
        var from = 0, slot = slots.lowerBound
        while let found = search.firstIndex(in: part, from: from) {
            if places.count == most { return nil }
            let at = bytes.lowerBound + found
            while Int(starts[slot + 1]) <= at { slot += 1 }
            places.append(Occurrences.Place(start: Int32(at), slot: Int32(slot), following: SearchText.bytes(after: at + pin.count, in: hay)))
            from = found + 1
        }
        return places
    }

    /// The occurrences of `pin`, a word that starts with `earlier`'s and is longer by no more
    /// than the bytes it knows after each place: those of `earlier` followed by the rest of
    /// `pin`, told by those bytes; the buffer is not read.
    private func extending(_ earlier: Occurrences, to pin: [UInt8]) -> Occurrences {
        let grown = pin.count - earlier.needle.count
        let shift = UInt64(8 * grown)
        let mask: UInt64 = grown >= 8 ? .max : (1 << shift) - 1
        let rest = pin[earlier.needle.count...].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        // One pass, written in place into room for every earlier place: the room never written
        // is never touched, so it costs address space, not memory.
        let places = [Occurrences.Place](unsafeUninitializedCapacity: earlier.count) { buffer, count in
            earlier.places.withUnsafeBufferPointer { earlier in
                for place in earlier where place.following & mask == rest {
                    buffer.initializeElement(at: count, to: Occurrences.Place(start: place.start, slot: place.slot,
                                                                              following: grown >= 8 ? 0 : place.following >> shift))
                    count += 1
                }
            }
        }
        return Occurrences(needle: pin, places: places, known: earlier.known - grown)
    }

    /// The occurrences of `pin` among `places` (offsets, ascending, with the slot holding each),
    /// with the bytes after each.
    private func listing(_ pin: [UInt8], at places: some Sequence<(Int, Int32)>) -> Occurrences {
        var found: [Occurrences.Place] = []
        bytes.withUnsafeBufferPointer { hay in
            for (start, slot) in places where start >= 0 && start + pin.count <= hay.count {
                var at = 0
                while at < pin.count, hay[start + at] == pin[at] { at += 1 }
                guard at == pin.count else { continue }
                // The word holds the earlier one and no 0 byte: it is in the same text.
                found.append(Occurrences.Place(start: Int32(start), slot: slot, following: SearchText.bytes(after: start + pin.count, in: hay)))
            }
        }
        return Occurrences(needle: pin, places: found, known: 8)
    }

    /// The eight bytes of `hay` from `offset` as one number, the first lowest; 0 past the end.
    private static func bytes(after offset: Int, in hay: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if offset + 8 <= hay.count, let base = hay.baseAddress {
            return UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
        }
        return (0..<8).reversed().reduce(0) { $0 << 8 | UInt64(offset + $1 < hay.count ? hay[offset + $1] : 0) }
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
        var issues = [Int](unsafeUninitializedCapacity: occurrences.count) { issues, count in
            var last: Int32 = -1
            for place in occurrences.places where place.slot != last {
                if stale.isEmpty || !stale.contains(Int(place.slot)) {
                    issues.initializeElement(at: count, to: numbers[Int(place.slot)])
                    count += 1
                }
                last = place.slot
            }
        }
        let buffered = starts.count - 1
        issues += stale.filter { $0 < buffered && $0 < numbers.count }.map { numbers[$0] }
        issues += numbers[min(buffered, numbers.count)...]
        return issues
    }

    /// For each slot of the buffer, whether one of `occurrences` falls in its text.
    func slots(holding occurrences: Occurrences) -> [Bool] {
        var found = [Bool](repeating: false, count: starts.count - 1)
        for place in occurrences.places { found[Int(place.slot)] = true }
        return found
    }
}
