import BoardModel

/// Every issue's title and body, ASCII capitals folded, in one contiguous buffer.
///
/// The filter's free text used to be searched string by string, and reaching 200,000 strings
/// scattered over the heap cost more than reading their bytes. One buffer is read front to back
/// at memory speed. Built once, then kept across board versions by `updating`: issues changed
/// since are searched one by one until there are too many of them.
public struct SearchText: Sendable {
    /// Title, a 0 byte, body, a 0 byte, for each issue in slot order.
    let bytes: [UInt8]
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

    public init(state: BoardState) {
        var bytes: [UInt8] = []
        var starts: [Int32] = []
        var letters: [UInt64] = []
        starts.reserveCapacity(state.issues.count + 1)
        letters.reserveCapacity(state.issues.count)
        state.issues.forEachPointer(nil) { _, issue in
            let start = bytes.count
            starts.append(Int32(start))
            for text in [issue.pointee.title, issue.pointee.body] {
                text.utf8.withContiguousBytes { source in
                    bytes.append(contentsOf: source.lazy.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 })
                }
                bytes.append(0)
            }
            letters.append(bytes[start...].reduce(0) { $0 | SearchText.letterBits[Int($1)] })
        }
        starts.append(Int32(bytes.count))
        self.bytes = bytes
        self.starts = starts
        self.letters = letters
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
        var found = occurrences.first { $0.needle == pin }.map(slots(holding:)) ?? matches(pin)
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
        var found = [Bool](repeating: false, count: starts.count - 1)
        guard !needle.isEmpty else { return found.map { _ in true } }
        let search = TextSearch(needle)
        bytes.withUnsafeBufferPointer { hay in
            var from = 0
            var slot = 0
            while let at = search.firstIndex(in: hay, from: from) {
                // The issue holding the match: starts only grow, so search forward from the last one.
                while Int(starts[slot + 1]) <= at { slot += 1 }
                found[slot] = true
                from = Int(starts[slot + 1])
                slot += 1
                if slot == found.count { break }
            }
        }
        return found
    }
}
