import BoardModel

/// Every issue's title and body, ASCII capitals folded, in one contiguous buffer.
///
/// The filter's free text used to be searched string by string, and reaching 200,000 strings
/// scattered over the heap cost more than reading their bytes. One buffer is read front to back
/// at memory speed. Built once, then kept across board versions by `updating`: issues changed
/// since are searched one by one until there are too many of them.
public struct SearchText: Sendable {
    /// Title, a 0 byte, body, a 0 byte, for each issue in slot order.
    let bytes: Bytes
    /// Where each slot's text starts in `bytes`; one extra entry marks the end.
    let starts: [Int32]
    /// For each slot, the letters and digits its text holds, a bit each (`letterBits`): a filter's
    /// first character, which most issues hold, is answered from these 8 bytes an issue
    /// instead of a pass over every byte.
    let letters: [UInt64]
    /// Slots whose text may have changed since `bytes` was built (slots past it are new).
    public private(set) var stale: Set<Int> = []
    /// Where the words being searched for occur, found by `ProjectionCache` from an earlier
    /// word's occurrences before the search (see `Occurrences`).
    var occurrences: [Occurrences] = []
    /// The letters after a word in each text, worked out between keys (`NextLetters`), which
    /// `ProjectionCache` sets for the keystroke that can use them.
    var following: [NextLetters] = []

    public init(state: BoardState) { self.init(state: state, twoCoresFrom: SearchText.copiedOnTwoCoresFrom) }

    /// `twoCoresFrom`: the number of issues from which the texts are copied on both cores
    /// (`copiedOnTwoCoresFrom`; tests lower it).
    init(state: BoardState, twoCoresFrom: Int) {
        // Each text read once (see `Copy`), through the issue's stored text: its `title` and
        // `body` copied the whole issue (retaining each of its strings and arrays) per call.
        let count = state.issues.count
        var starts = [Int32](repeating: 0, count: count + 1)
        var letters = [UInt64](repeating: 0, count: count)
        bytes = state.issues.withValues { issues in
            starts.withUnsafeMutableBufferPointer { starts in
                letters.withUnsafeMutableBufferPointer { letters in
                    let copy = Copy(issues: issues, starts: starts, letters: letters)
                    return (count >= twoCoresFrom ? copy.onBothCores() : nil) ?? copy.onOneCore()
                }
            }
        }
        self.starts = starts
        self.letters = letters
    }

    /// The number of issues from which the build copies their texts on both cores: below, the
    /// copy takes about as long as handing half of it over.
    static let copiedOnTwoCoresFrom = 4096

    /// Copies `source` to `target` with ASCII capitals folded; returns the `letterBits` of the
    /// bytes copied. One loop does both, so each byte of the text is read once; eight bytes at a
    /// time (a capital is a byte from 0x41 to 0x5A, told apart in a word by adding to its low
    /// seven bits and looking at the top bit), which halves the loop's time.
    static func fold(_ source: UnsafeBufferPointer<UInt8>, into target: UnsafeMutablePointer<UInt8>) -> UInt64 {
        guard let from = source.baseAddress else { return 0 }
        return letterBits.withUnsafeBufferPointer { bits in
            // Two sums, so that the table's loads need not wait for each other.
            var held: UInt64 = 0, alsoHeld: UInt64 = 0
            var at = 0
            while at + 8 <= source.count {
                let word = UnsafeRawPointer(from + at).loadUnaligned(as: UInt64.self)
                let low = word & 0x7F7F_7F7F_7F7F_7F7F
                // Top bit set in a byte of 0x41 or more, below 0x80, and not past 0x5A.
                let capitals = (low &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(low &+ 0x2525_2525_2525_2525) & ~word & 0x8080_8080_8080_8080
                let folded = word | capitals >> 2
                UnsafeMutableRawPointer(target + at).storeBytes(of: folded, as: UInt64.self)
                held |= bits[Int(folded & 0xFF)] | bits[Int(folded >> 16 & 0xFF)] | bits[Int(folded >> 32 & 0xFF)] | bits[Int(folded >> 48 & 0xFF)]
                alsoHeld |= bits[Int(folded >> 8 & 0xFF)] | bits[Int(folded >> 24 & 0xFF)] | bits[Int(folded >> 40 & 0xFF)] | bits[Int(folded >> 56)]
                at += 8
            }
            for at in at..<source.count {
                let byte = from[at]
                let folded = byte &- 65 < 26 ? byte | 0x20 : byte
                target[at] = folded
                held |= bits[Int(folded)]
            }
            return held | alsoHeld
        }
    }

    /// For each (folded) byte, its bit in `letters`: a–z and 0–9 have one each, other bytes none.
    static let letterBits: [UInt64] = (0..<256).map { byte in
        switch byte {
        case 97...122: 1 << UInt64(byte - 97)
        case 48...57: 1 << UInt64(26 + byte - 48)
        default: 0
        }
    }

    /// The same text after the issues numbered `changed` were created or edited in `state`.
    public func updating(_ changed: Set<Int>, in state: BoardState) -> SearchText {
        var updated = self
        updated.stale.formUnion(changed.compactMap { state.issues.slot(of: $0) })
        return updated
    }

    /// For each slot of `state`, whether its title or body contains `needle` (lowercased
    /// ASCII, no 0 byte): from the buffer, and one by one for stale and new slots.
    func matches(_ needle: String, in state: BoardState) -> [Bool] {
        let pin = Array(needle.utf8)
        var found = following.first { $0.answers(pin) }.map { $0.slots(holding: pin) }
            ?? occurrences.first { $0.needle == pin }.map(slots(holding:)) ?? matches(pin)
        found.append(contentsOf: repeatElement(false, count: max(0, state.issues.count - found.count)))
        let recheck = stale.union(starts.count - 1 ..< max(starts.count - 1, state.issues.count))
        state.issues.withValues { issues in
            for slot in recheck where slot < issues.count {
                found[slot] = issues[slot].title.containsLowercased(needle) || issues[slot].body.containsLowercased(needle)
            }
        }
        return found
    }

    /// For each slot of the buffer, whether its text contains `needle`.
    private func matches(_ needle: [UInt8]) -> [Bool] {
        if needle.count == 1, case let bit = SearchText.letterBits[Int(needle[0])], bit != 0 {
            return letters.map { $0 & bit != 0 }
        }
        var found = [Bool](repeating: needle.isEmpty, count: starts.count - 1)
        guard !needle.isEmpty else { return found }
        // Each half writes the flags of its own slots.
        found.withUnsafeMutableBufferPointer { found in
            let flags = UInt(bitPattern: found.baseAddress)
            _ = inHalves { slots, bytes, hay in
                guard let found = UnsafeMutablePointer<Bool>(bitPattern: flags) else { return }
                SearchText.forEachFirstPlace(of: needle, in: hay, bytes: bytes, slots: slots, starts: starts) { slot, _ in found[slot] = true }
            }
        }
        return found
    }

    /// `body`'s results for the buffer's two halves (the texts of a range of slots, a range of
    /// `bytes`, and the whole buffer), split where a text starts, so no word spans them: on
    /// both cores at once when the buffer is big enough to be worth a second thread.
    func inHalves<Result>(_ body: (_ slots: Range<Int>, _ bytes: Range<Int>, _ hay: UnsafeBufferPointer<UInt8>) -> Result) -> [Result] {
        let count = starts.count - 1, middle = count / 2
        let halves = [(0..<middle, 0..<Int(starts[middle])), (middle..<count, Int(starts[middle])..<bytes.count)]
        return bytes.withUnsafeBufferPointer { hay in
            guard hay.count >= SearchText.twoCoresFrom else { return halves.map { body($0.0, $0.1, hay) } }
            return BothCores.map(halves) { body($0.0, $0.1, hay) }
        }
    }

    /// The size of buffer from which a pass over it is shared by both cores (a few thousand
    /// issues: below, the pass takes about as long as handing half of it over).
    static let twoCoresFrom = 1 << 18
}
