extension SearchText {
    /// For each text, the letters and digits that follow a word anywhere in it: the texts
    /// holding the word grown by one letter or digit, known without reading the text again.
    ///
    /// At a million issues a word's second and third letters were each a pass over the whole
    /// buffer (130 MB, ~35 ms however many cores: memory bandwidth), in the keystroke. Worked
    /// out while the session waits for the next key (`NextLettersWork`, on the other cores), the
    /// next key's answer is a bit test a text (8 MB). The same pass lists each text's first
    /// place of a word long enough to be listed, so the keys after it narrow those as before.
    public struct NextLetters: Sendable {
        let needle: [UInt8]
        /// For each slot of the buffer, the `letterBits` of every byte that follows `needle`
        /// there, and `holds` if it occurs there at all.
        let bits: [UInt64]
        /// Each text's first place of `needle`, when it is long enough to be listed
        /// (`shortestListed`).
        let occurrences: Occurrences?

        /// Set in `bits` for a text holding `needle` (no letter or digit has this bit).
        static let holds: UInt64 = 1 << 63

        /// Whether the texts holding `pin` (lowercased, `canSearch`) can be read off `bits`:
        /// `needle` itself, or `needle` and one more letter or digit.
        func answers(_ pin: [UInt8]) -> Bool { NextLetters.answers(pin, after: needle) }

        static func answers(_ pin: [UInt8], after needle: [UInt8]) -> Bool {
            pin == needle || pin.count == needle.count + 1 && pin.starts(with: needle) && SearchText.letterBits[Int(pin[needle.count])] != 0
        }

        /// For each slot of the buffer, whether its text holds `pin` (`answers(pin)`).
        func slots(holding pin: [UInt8]) -> [Bool] {
            let bit = pin.count == needle.count ? NextLetters.holds : SearchText.letterBits[Int(pin[needle.count])]
            return bits.map { $0 & bit != 0 }
        }
    }

    /// The slots a pass over the buffer does between asking whether to go on (about 2 MB of
    /// text: a key that comes meanwhile stops the work within a millisecond or so).
    static let nextLettersChunk = 1 << 14

    /// The letters after `pin` (lowercased, `canSearch`, not empty) in every text: one pass over
    /// the buffer, on both cores. `goOn` is told the bytes read after each chunk of texts and
    /// may stop the work (nil is then returned).
    func nextLetters(after pin: [UInt8], goOn: (_ read: Int) -> Bool) -> NextLetters? {
        let count = starts.count - 1
        let listed = pin.count >= SearchText.shortestListed
        var bits = [UInt64](repeating: 0, count: count)
        // Each half writes the bits of its own slots, and its first places into an array of its
        // own (`Occurrences.PlaceList`); nil for a half stopped.
        let halves: [[Occurrences.Place]?] = bits.withUnsafeMutableBufferPointer { bits in
            let bitsAddress = UInt(bitPattern: bits.baseAddress)
            return inHalves { slots, _, hay in
                guard let bits = UnsafeMutablePointer<UInt64>(bitPattern: bitsAddress) else { return nil }
                var stopped = false
                let places = [Occurrences.Place](unsafeUninitializedCapacity: listed ? slots.count : 0) { places, count in
                    SearchText.letterBits.withUnsafeBufferPointer { letterBits in
                        var from = slots.lowerBound
                        while from < slots.upperBound {
                            let to = min(from + SearchText.nextLettersChunk, slots.upperBound)
                            let bytes = Int(starts[from])..<Int(starts[to])
                            // Every text ends in a 0 byte, which `pin` does not hold: a byte follows each place.
                            SearchText.forEachFirstPlace(of: pin, in: hay, bytes: bytes, slots: from..<to, starts: starts, everyPlace: true) { slot, at in
                                if listed, bits[slot] == 0 {
                                    places.initializeElement(at: count, to: Occurrences.Place(start: Int32(at), slot: Int32(slot),
                                                                                            following: SearchText.bytes(after: at + pin.count, in: hay)))
                                    count += 1
                                }
                                bits[slot] |= NextLetters.holds | letterBits[Int(hay[at + pin.count])]
                            }
                            guard goOn(bytes.count) else {
                                stopped = true
                                return
                            }
                            from = to
                        }
                    }
                }
                return stopped ? nil : places
            }
        }
        guard !halves.contains(where: { $0 == nil }) else { return nil }
        return NextLetters(needle: pin, bits: bits, occurrences: listed ? Occurrences(needle: pin, places: Occurrences.PlaceList(halves.compactMap { $0 }), known: 8) : nil)
    }
}
