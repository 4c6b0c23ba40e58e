/// Issue numbers, 4 bytes each instead of an `Int`'s 8, read back as `Int`.
///
/// A board keeps its issues' numbers in creation order more than once (its table's keys, the
/// session's facts by slot): 8 MB each at a million issues as `[Int]`. A number is at most
/// `NumberedTable.maximumNumber` (nine digits), so it fits an `Int32`.
public struct CompactNumbers: RandomAccessCollection, Equatable, ExpressibleByArrayLiteral, Sendable {
    @usableFromInline var stored: [Int32] = []

    public init() {}

    public init(arrayLiteral numbers: Int...) { stored = numbers.map { Int32($0) } }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { stored.count }

    @inlinable
    public subscript(index: Int) -> Int {
        get { Int(stored[index]) }
        set { stored[index] = Int32(newValue) }
    }

    /// Adds `number` (0 ... `NumberedTable.maximumNumber`).
    @inlinable
    public mutating func append(_ number: Int) { stored.append(Int32(number)) }

    public mutating func reserveCapacity(_ count: Int) { stored.reserveCapacity(count) }
}
