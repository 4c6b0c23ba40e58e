import BoardModel

extension SearchText {
    /// Where one word first occurs in each text that holds it, so that a longer word containing
    /// it is found by looking in those texts only, from there, instead of reading the whole
    /// buffer again.
    ///
    /// Typing on in the filter grows a word ("lo" → "log" → "login"), and every text holding the
    /// longer word holds the shorter one, no earlier than where the shorter one first occurs (less
    /// its offset in the longer word). Each text's first place keeps the eight bytes that follow
    /// it, so a word grown letter by letter is mostly told from them, up to eight letters,
    /// without reading the buffer; only a text whose first place does not go on as the longer
    /// word is searched again, from that place to its end. One place a text (not every place)
    /// bounds the list by the number of issues, whatever the word, and lets the pass that lists
    /// a word's third letter (120 MB at a million issues, on both cores) go from a text's first
    /// place straight to the next text: it listed about a million places, 80–90 ms a key. Each place also keeps
    /// its slot, so the issues holding a word are read off without a walk through every text's
    /// start. `ProjectionCache` keeps them with each projection, so they are always for the
    /// buffer they were found in (one board version).
    public struct Occurrences: Sendable, Equatable {
        let needle: [UInt8]
        /// For each text holding `needle`, by ascending slot, where it first occurs there.
        let places: PlaceList
        /// How many of the bytes after each place `Place.following` knows.
        let known: Int

        struct Place: Equatable {
            /// The offset in `bytes` where `needle` first occurs in the slot's text.
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
            let mask = Occurrences.mask(min(a.known, b.known))
            return a.needle == b.needle && a.places.count == b.places.count
                && zip(a.places, b.places).allSatisfy { $0.start == $1.start && $0.slot == $1.slot && $0.following & mask == $1.following & mask }
        }

        /// The lowest `known` bytes of a `following`.
        static func mask(_ known: Int) -> UInt64 { known >= 8 ? .max : (1 << UInt64(8 * known)) - 1 }
    }

    /// A word shorter than this is not listed: a letter or two occurs in almost every issue, and
    /// a two-letter word's first place rarely goes on as the three-letter word typed next ("ti"
    /// of "settings" before "timeline"), so its list saved no pass (a search again of most texts
    /// from there, on one core, cost more than the third letter's pass over the whole buffer).
    static let shortestListed = 3

    /// Whether `needle` (a lowercased free-text word) can be searched in the buffer: ASCII,
    /// since only ASCII capitals are folded there, and no 0 byte, which ends each text.
    static func canSearch(_ needle: String) -> Bool {
        needle.utf8.allSatisfy { $0 < 0x80 && $0 != 0 }
    }

    /// Where `needle` (lowercased, `canSearch`) first occurs in each text: found from the
    /// occurrences in `earlier` of a word inside it (the fewest there are), else by reading the
    /// whole buffer; nil for a word too short to be listed.
    public func occurrences(of needle: String, from earlier: [Occurrences]) -> Occurrences? {
        let pin = Array(needle.utf8)
        var inside: (occurrences: Occurrences, offset: Int)?
        for candidate in earlier where candidate.count < inside?.occurrences.count ?? Int.max {
            if let offset = SearchText.offset(of: candidate.needle, in: pin) { inside = (candidate, offset) }
        }
        if let (earlier, offset) = inside { return narrowing(earlier, offset: offset, to: pin) }
        guard pin.count >= SearchText.shortestListed else { return nil }
        // The buffer's two halves (split where a text starts: a word never spans two) on both
        // cores, each writing its texts' places into an array of room for each of its slots
        // (room never written costs address space, not memory).
        let halves = inHalves { slots, bytes, hay in
            [Occurrences.Place](unsafeUninitializedCapacity: slots.count) { places, written in
                guard let target = places.baseAddress else { return }
                written = SearchText.firstPlaces(of: pin, in: hay, bytes: bytes, slots: slots, starts: starts, into: target)
            }
        }
        return Occurrences(needle: pin, places: Occurrences.PlaceList(halves), known: 8)
    }

    /// Whether answering `pin` (lowercased, `canSearch`) reads the whole buffer: two letters
    /// (`matches`), or a listed word inside none of `earlier`'s (`occurrences(of:from:)`).
    func readsWhole(for pin: [UInt8], from earlier: [Occurrences]) -> Bool {
        pin.count == 2 || pin.count >= SearchText.shortestListed && !earlier.contains { SearchText.offset(of: $0.needle, in: pin) != nil }
    }

    /// Writes to `target` where `pin` first occurs in each text of `slots` (lying in `bytes` of
    /// `hay`) that holds it, with the bytes after it; returns how many it wrote.
    private static func firstPlaces(of pin: [UInt8], in hay: UnsafeBufferPointer<UInt8>, bytes: Range<Int>, slots: Range<Int>,
                                    starts: [Int32], into target: UnsafeMutablePointer<Occurrences.Place>) -> Int {
        var count = 0
        forEachFirstPlace(of: pin, in: hay, bytes: bytes, slots: slots, starts: starts) { slot, at in
            (target + count).initialize(to: Occurrences.Place(start: Int32(at), slot: Int32(slot),
                                                              following: SearchText.bytes(after: at + pin.count, in: hay)))
            count += 1
        }
        return count
    }

    /// The first places of `pin`, a word holding `earlier`'s at `offset`: in each text holding
    /// `earlier`'s word, from where that first occurs less `offset`. A word grown at its end by
    /// no more than the bytes known after each place is told from them where it goes on there;
    /// anywhere else the text is searched from there to its end. One pass, written in place
    /// into room for every earlier place.
    private func narrowing(_ earlier: Occurrences, offset: Int, to pin: [UInt8]) -> Occurrences {
        let grown = pin.count - earlier.needle.count
        let told = offset == 0 && grown <= earlier.known
        let shift = UInt64(8 * grown)
        let mask = Occurrences.mask(grown)
        let rest = pin[earlier.needle.count...].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let known = told ? earlier.known - grown : 8
        let search = TextSearch(pin)
        return bytes.withUnsafeBufferPointer { hay in
            let places = [Occurrences.Place](unsafeUninitializedCapacity: earlier.count) { buffer, count in
                for part in earlier.places.parts {
                    part.withUnsafeBufferPointer { part in for place in part {
                        if told, place.following & mask == rest {
                            buffer.initializeElement(at: count, to: Occurrences.Place(start: place.start, slot: place.slot,
                                                                                      following: grown >= 8 ? 0 : place.following >> shift))
                            count += 1
                            continue
                        }
                        // Searched from the earliest place the word can start at, to the text's end.
                        let text = Int(starts[Int(place.slot)])..<Int(starts[Int(place.slot) + 1])
                        // (Not where it was told apart from the bytes after the earlier word.)
                        let from = max(text.lowerBound, Int(place.start) - offset + (told ? 1 : 0))
                        guard let found = search.firstIndex(in: UnsafeBufferPointer(rebasing: hay[text]), from: from - text.lowerBound) else { continue }
                        let at = text.lowerBound + found
                        buffer.initializeElement(at: count, to: Occurrences.Place(start: Int32(at), slot: place.slot,
                                                                                  following: SearchText.bytes(after: at + pin.count, in: hay) & Occurrences.mask(known)))
                        count += 1
                    } }
                }
            }
            return Occurrences(needle: pin, places: Occurrences.PlaceList([places]), known: known)
        }
    }

    /// The eight bytes of `hay` from `offset` as one number, the first lowest; 0 past the end.
    static func bytes(after offset: Int, in hay: UnsafeBufferPointer<UInt8>) -> UInt64 {
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
            for part in occurrences.places.parts {
                for place in part where stale.isEmpty || !stale.contains(Int(place.slot)) {
                    issues.initializeElement(at: count, to: numbers[Int(place.slot)])
                    count += 1
                }
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
        for part in occurrences.places.parts {
            for place in part { found[Int(place.slot)] = true }
        }
        return found
    }
}
