import CMemoryHints

extension SearchText {
    /// Calls `found` with each text of `slots` (lying in `bytes` of `hay`, this buffer) that
    /// holds `pin` (lowercased, `canSearch`) and where it first occurs there, by ascending slot.
    ///
    /// The pass behind a word's first letters, over the whole buffer (120 MB at a million
    /// issues). The buffer's capitals are folded, so each of sixteen starting positions is
    /// tested against the needle's two rarest bytes as they are (`TextSearch`, which searches
    /// unfolded text too, tests each in both cases), and a text's first place sends the loop
    /// straight on to the next text without a call or a new setup per text. With `everyPlace`,
    /// every place of `pin` is reported, not only each text's first (`nextLetters`).
    static func forEachFirstPlace(of pin: [UInt8], in hay: UnsafeBufferPointer<UInt8>, bytes: Range<Int>, slots: Range<Int>,
                                  starts: [Int32], everyPlace: Bool = false, _ found: (_ slot: Int, _ at: Int) -> Void) {
        guard !slots.isEmpty, !pin.isEmpty, bytes.count >= pin.count, let base = hay.baseAddress else { return }
        let search = TextSearch(pin)
        let rare = search.rare, second = search.second
        let rareByte = SIMD16<UInt8>(repeating: pin[rare]), secondByte = SIMD16<UInt8>(repeating: pin[second])
        pin.withUnsafeBufferPointer { pin in
            starts.withUnsafeBufferPointer { starts in
                // The last position a word can start at.
                let last = bytes.upperBound - pin.count
                var slot = slots.lowerBound, start = bytes.lowerBound
                @inline(__always) func holds(at: Int) -> Bool {
                    var offset = 0
                    while offset < pin.count, base[at + offset] == pin[offset] { offset += 1 }
                    return offset == pin.count
                }
                /// Reports a place and moves to the next text; false once past the last slot.
                @inline(__always) func report(_ at: Int) -> Bool {
                    // The text holding it: starts only grow, so search forward from the last one.
                    while Int(starts[slot + 1]) <= at { slot += 1 }
                    found(slot, at)
                    if everyPlace {
                        start = at + 1
                        return true
                    }
                    slot += 1
                    guard slot < slots.upperBound else { return false }
                    start = Int(starts[slot])
                    return true
                }
                @inline(__always) func firstHolding(amongLanes word: UInt64, from: Int) -> Int? {
                    TextSearch.first(amongLanes: word, from: from, where: holds(at:))
                }
                while start <= last {
                    if start + 15 <= last {
                        // Memory, not the comparisons, is what the pass waits on (see `prefetchDistance`).
                        lanes_prefetch(base + start + SearchText.prefetchDistance)
                        let rareBlock = UnsafeRawPointer(base + start + rare).loadUnaligned(as: SIMD16<UInt8>.self)
                        let secondBlock = UnsafeRawPointer(base + start + second).loadUnaligned(as: SIMD16<UInt8>.self)
                        // The mask read as two words, each lane a byte of 0xFF or 0 (see `TextSearch`).
                        let words = unsafeBitCast((rareBlock .== rareByte) .& (secondBlock .== secondByte), to: (UInt64, UInt64).self)
                        if words.0 | words.1 != 0,
                           let at = firstHolding(amongLanes: words.0, from: start) ?? firstHolding(amongLanes: words.1, from: start + 8) {
                            guard report(at) else { return }
                            continue
                        }
                        start += 16
                    } else if base[start + rare] == pin[rare], holds(at: start) {
                        guard report(start) else { return }
                    } else {
                        start += 1
                    }
                }
            }
        }
    }

    /// How far ahead of the pass the buffer is asked for (`lanes_prefetch`): the processor's own
    /// prefetcher left a pass over 140 MB at a million issues waiting on loads (PF 0 against
    /// 512, 1,024, 2,048 bytes: 32–34 ms against 27–31 ms a pass on one core, under load 4).
    /// Asking past the buffer's end is harmless: a prefetch never faults.
    static let prefetchDistance = 1024
}
