/// Every issue's title and body, ASCII capitals folded, in one contiguous buffer.
///
/// The filter's free text used to be searched string by string, and reaching 200,000 strings
/// scattered over the heap cost more than reading their bytes. One buffer is read front to back
/// at memory speed. Built once per board version (a session keeps it with the sorted order).
public struct SearchText: Sendable {
    /// Title, a 0 byte, body, a 0 byte, for each issue in slot order.
    let bytes: [UInt8]
    /// Where each slot's text starts in `bytes`; one extra entry marks the end.
    let starts: [Int32]

    public init(state: BoardState) {
        var bytes: [UInt8] = []
        var starts: [Int32] = []
        starts.reserveCapacity(state.issues.count + 1)
        state.issues.forEachPointer(nil) { _, issue in
            starts.append(Int32(bytes.count))
            for text in [issue.pointee.title, issue.pointee.body] {
                text.utf8.withContiguousBytes { source in
                    bytes.append(contentsOf: source.lazy.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 })
                }
                bytes.append(0)
            }
        }
        starts.append(Int32(bytes.count))
        self.bytes = bytes
        self.starts = starts
    }

    /// For each slot, whether its title or body contains `needle` (lowercased ASCII, no 0 byte).
    func matches(_ needle: [UInt8]) -> [Bool] {
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
