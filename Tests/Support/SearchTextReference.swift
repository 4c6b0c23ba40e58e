import BoardModel

/// What the `/` filter's search text of a board must hold, worked out the plainest way, from
/// each issue's `title` and `body` as strings: for each slot, the title and the body with ASCII
/// capitals folded, each followed by a 0 byte; where each slot's text starts (and where the last
/// ends); and the letters and digits each slot's text holds, a bit each (a–z, then 0–9).
public struct SearchTextReference: Equatable, CustomStringConvertible {
    public var bytes: [UInt8] = []
    public var starts: [Int32] = []
    public var letters: [UInt64] = []

    public init(bytes: [UInt8], starts: [Int32], letters: [UInt64]) {
        self.bytes = bytes
        self.starts = starts
        self.letters = letters
    }

    public init(_ state: BoardState) {
        for issue in state.issues.values {
            starts.append(Int32(bytes.count))
            var held: UInt64 = 0
            for text in [issue.title, issue.body] {
                for byte in text.utf8 {
                    let folded = (65...90).contains(byte) ? byte + 32 : byte
                    bytes.append(folded)
                    switch folded {
                    case 97...122: held |= 1 << UInt64(folded - 97)
                    case 48...57: held |= 1 << UInt64(26 + folded - 48)
                    default: break
                    }
                }
                bytes.append(0)
            }
            letters.append(held)
        }
        starts.append(Int32(bytes.count))
    }

    /// Where two differ first, rather than two buffers of megabytes printed whole.
    public func firstDifference(from other: SearchTextReference) -> String? {
        func first<T: Equatable>(_ name: String, _ mine: [T], _ theirs: [T]) -> String? {
            if let at = zip(mine, theirs).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                return "\(name) differ at \(at)"
            }
            return mine.count == theirs.count ? nil : "\(name): \(mine.count), not \(theirs.count)"
        }
        return first("bytes", bytes, other.bytes) ?? first("starts", starts, other.starts) ?? first("letters", letters, other.letters)
    }

    public var description: String { "\(bytes.count) bytes, \(starts.count - 1) slots" }
}
