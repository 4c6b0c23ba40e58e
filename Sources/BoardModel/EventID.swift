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
        var value: UInt64 = 0
        for byte in bytes {
            let digit: UInt8
            switch byte {
            case 48...57: digit = byte - 48
            case 97...102: digit = byte - 87
            case 65...70: digit = byte - 55
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
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
