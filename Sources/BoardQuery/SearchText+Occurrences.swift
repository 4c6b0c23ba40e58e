import BoardModel

extension SearchText {
    /// Every place one word occurs in the buffer, so that a longer word containing it is found by
    /// checking those places instead of reading the whole buffer again.
    ///
    /// Typing on in the filter grows a word ("login" → "logina"), and every occurrence of the
    /// longer word holds one of the shorter word at a fixed distance. Checking the 120,000 places
    /// "login" occurs at 100k issues replaces a pass over 12 MB whose two-byte test passes at
    /// each of them anyway. `ProjectionCache` keeps them with each projection, so they are always
    /// for the buffer they were found in (one board version).
    public struct Occurrences: Sendable, Equatable {
        let needle: [UInt8]
        /// The offsets in `bytes` where `needle` starts, ascending.
        let starts: [Int32]
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
        if let inside { return Occurrences(needle: pin, starts: checking(pin, at: inside.occurrences.starts, less: inside.offset)) }
        guard pin.count >= SearchText.shortestListed else { return nil }
        let most = bytes.count / 8
        var starts: [Int32] = []
        let search = TextSearch(pin)
        let complete = bytes.withUnsafeBufferPointer { hay in
            var from = 0
            while let at = search.firstIndex(in: hay, from: from) {
                if starts.count == most { return false }
                starts.append(Int32(at))
                from = at + 1
            }
            return true
        }
        return complete ? Occurrences(needle: pin, starts: starts) : nil
    }

    /// The places among `earlier` (less `offset`) where `pin` starts.
    private func checking(_ pin: [UInt8], at earlier: [Int32], less offset: Int) -> [Int32] {
        var starts: [Int32] = []
        bytes.withUnsafeBufferPointer { hay in
            pin.withUnsafeBufferPointer { pin in
                for place in earlier {
                    let start = Int(place) - offset
                    guard start >= 0, start + pin.count <= hay.count else { continue }
                    var at = 0
                    while at < pin.count, hay[start + at] == pin[at] { at += 1 }
                    if at == pin.count { starts.append(Int32(start)) }
                }
            }
        }
        return starts
    }

    /// Where `part` first occurs in `whole`, if anywhere.
    private static func offset(of part: [UInt8], in whole: [UInt8]) -> Int? {
        guard part.count <= whole.count else { return nil }
        return (0...(whole.count - part.count)).first { whole[$0..<($0 + part.count)].elementsEqual(part) }
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
