/// Values keyed by issue number, stored densely in creation order.
///
/// Issue numbers are small and nearly dense, so a number → slot array beats hashing: folding a
/// million events does a million lookups. The slot array holds 4 bytes per number up to
/// `denseLimit` (40 MB at most, for a hostile log); numbers above it (an import that kept
/// huge original numbers, and the issues created after one) are hashed in `sparse`. Values
/// themselves are stored once, densely.
public struct NumberedTable<Value>: Sendable where Value: Sendable {
    @usableFromInline var slots: [Int32] = []
    @usableFromInline var sparse: [Int: Int32] = [:]
    @usableFromInline var items: [Value] = []
    @usableFromInline var numbers = CompactNumbers()

    /// Every number hashed, none in the slot array: for a table of a few values with large
    /// numbers (a board that holds only the issues a command touches, `BoardState+Partial`),
    /// where slots up to the highest number would cost 4 bytes per issue of the whole board.
    @usableFromInline package var holdsFew = false

    public init() {}

    /// The largest issue number a board holds: the most the log's issue field can write
    /// (`#` and nine digits).
    public static var maximumNumber: Int { 999_999_999 }

    /// Numbers up to this are found through the slot array, larger ones by hashing.
    @usableFromInline static var denseLimit: Int { 9_999_999 }

    @inlinable public var count: Int { items.count }
    @inlinable public var isEmpty: Bool { items.isEmpty }

    /// The values in creation order.
    @inlinable public var values: [Value] { items }

    /// The numbers in creation order (use `.sorted()` for numeric order).
    @inlinable public var keys: CompactNumbers { numbers }

    @inlinable
    public subscript(number: Int) -> Value? {
        guard let slot = slot(of: number) else { return nil }
        return items[slot]
    }

    @inlinable
    package func slot(of number: Int) -> Int? {
        guard number > 0 else { return nil }
        let slot: Int32
        if number < slots.count {
            slot = slots[number]
        } else if !sparse.isEmpty, let found = sparse[number] {
            slot = found
        } else {
            return nil
        }
        return slot == 0 ? nil : Int(slot) - 1
    }

    @inlinable
    public func contains(_ number: Int) -> Bool { slot(of: number) != nil }

    /// Makes room for `count` values numbered up to `highestNumber`, so filling a table of
    /// known size does not copy it as it grows.
    public mutating func reserveCapacity(_ count: Int, highestNumber: Int) {
        items.reserveCapacity(count)
        numbers.reserveCapacity(count)
        let slotCount = min(highestNumber, NumberedTable.denseLimit) + 1
        if slotCount > slots.count { slots.append(contentsOf: [Int32](repeating: 0, count: slotCount - slots.count)) }
    }

    /// Adds a value for a new number. Returns false if the number is taken or out of range.
    /// Inlinable so that a caller in another module (the snapshot's decoder, 100,000 inserts)
    /// gets a copy specialised to its value type instead of generic code that looks up the
    /// type's metadata and copies through its value witnesses on every call.
    @inlinable @discardableResult
    public mutating func insert(_ value: consuming Value, for number: Int) -> Bool {
        guard number > 0, number <= NumberedTable.maximumNumber, !contains(number) else { return false }
        items.append(value)
        numbers.append(number)
        if number > NumberedTable.denseLimit || holdsFew {
            sparse[number] = Int32(items.count)
            return true
        }
        if number >= slots.count {
            let wanted = max(number + 1 - slots.count, slots.count / 2)
            slots.append(contentsOf: [Int32](repeating: 0, count: min(wanted, NumberedTable.denseLimit + 1 - slots.count)))
        }
        slots[number] = Int32(items.count)
        return true
    }

    /// Calls `body` with the slot (creation index) and address of the value of each of
    /// `numbers` (unknown ones skipped), or of every value if nil, for scans that must not copy
    /// each value. The pointer is only valid during the call.
    @inlinable
    package func forEachPointer(_ numbers: [Int]?, _ body: (Int, UnsafePointer<Value>) -> Void) {
        items.withUnsafeBufferPointer { values in
            guard let base = values.baseAddress else { return }
            guard let numbers else {
                for index in values.indices { body(index, base + index) }
                return
            }
            for number in numbers { if let slot = slot(of: number) { body(slot, base + slot) } }
        }
    }

    /// Calls `body` with the values' storage, for reading many in place.
    @inlinable
    package func withValues<R>(_ body: (UnsafeBufferPointer<Value>) -> R) -> R {
        items.withUnsafeBufferPointer(body)
    }

    /// Changes the value for an existing number in place (no copy of the value).
    @inlinable
    public mutating func modify(_ number: Int, _ body: (inout Value) -> Void) {
        guard let slot = slot(of: number) else { return }
        body(&items[slot])
    }
}
