/// An event's unique id: 64 random bits, written as 16 lowercase hex digits.
///
/// Random rather than sequential so that clones of a board that write offline never collide
/// (a million events give a collision chance around 1 in 30 million), and an integer rather than
/// a string so that a million of them cost no allocations.
public struct EventID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var value: UInt64

    public init(_ value: UInt64) { self.value = value }

    public static func random() -> EventID {
        var generator = SystemRandomNumberGenerator()
        return EventID(generator.next())
    }

    /// Parses exactly 16 hex digits (either case).
    public init?(hex bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 16 else { return nil }
        // Branch-free: random hex digits would defeat the branch predictor.
        var value: UInt64 = 0
        var bad: UInt8 = 0
        for byte in bytes {
            let digitOffset = byte &- 48
            let letterOffset = (byte | 0x20) &- 97
            let isDigit: UInt8 = digitOffset < 10 ? 1 : 0
            let isLetter: UInt8 = letterOffset < 6 ? 1 : 0
            bad |= 1 &- (isDigit | isLetter)
            value = value << 4 | UInt64(isDigit &* digitOffset &+ isLetter &* (letterOffset &+ 10))
        }
        guard bad == 0 else { return nil }
        self.value = value
    }

    public init?(_ text: String) {
        guard let id = Array(text.utf8).withUnsafeBufferPointer({ EventID(hex: $0) }) else { return nil }
        self = id
    }

    public static func < (a: EventID, b: EventID) -> Bool { a.value < b.value }

    public var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
