#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A short name an issue holds (its column, the column it was closed from, its author) kept as
/// a 4-byte number into one table of the process instead of a 16-byte string in every issue.
///
/// A big board holds 100,000 to a million issues in one array but a handful of columns and a
/// few dozen authors: three names an issue as strings were 48 bytes, 48 MB at a million issues;
/// as numbers they are 12. Names are never taken out of the table (a process meets few distinct
/// ones), so a number means the same name for the whole process and equal names have equal
/// numbers: an issue's equality and hash are those of its names.
///
/// Inlinable (as `Issue`'s readers of it are) so that a view or a query reading an issue's
/// column through a pointer loads the 4 bytes, not a copy of the whole issue (a call across
/// modules copied all 176 bytes and retained its references: 90 ms at 100,000 issues).
@usableFromInline package struct InternedName: Hashable, Sendable {
    @usableFromInline let number: UInt32

    package init(_ name: String) { number = NameTable.shared.number(of: name) }

    private init(number: UInt32) { self.number = number }

    /// No name: an optional name in 4 bytes, where `InternedName?` would take 8 with its padding.
    package static let none = InternedName(number: NameTable.noName)

    @inlinable package var isNone: Bool { number == NameTable.noName }

    /// The name (`none`'s is empty).
    @inlinable package var string: String { isNone ? "" : NameTable.shared.name(number) }
}

/// The process's names, each once, by number (`InternedName`).
///
/// Read without a lock: a name is stored in its place before its number is handed out and never
/// moves or changes after (the places are blocks that are never freed or reallocated), and a
/// number reaches another thread only inside a value passed to it, after the store. Adding a
/// name takes the lock, to look it up and to give it the next place.
@usableFromInline final class NameTable: @unchecked Sendable {
    @usableFromInline static let shared = NameTable()
    /// The number no name gets (the table stops one short of it).
    @usableFromInline static let noName = UInt32.max

    @usableFromInline static let blockBits: UInt32 = 12
    @usableFromInline static let blockSize = 1 << Int(blockBits)
    /// The blocks of names, `blockSize` names each, allocated as they fill; the directory is
    /// zeroed by `calloc`, so only the pages of blocks in use are ever touched.
    @usableFromInline let blocks: UnsafeMutablePointer<UnsafeMutablePointer<String>?>
    private let numbers = Mutex<[ExactSpelling: UInt32]>([:])

    private init() {
        let count = Int(UInt64(NameTable.noName) >> UInt64(NameTable.blockBits)) + 1
        blocks = calloc(count, MemoryLayout<UnsafeMutablePointer<String>?>.stride)!
            .bindMemory(to: UnsafeMutablePointer<String>?.self, capacity: count)
    }

    @inlinable func name(_ number: UInt32) -> String {
        blocks[Int(number >> NameTable.blockBits)].unsafelyUnwrapped[Int(number) & (NameTable.blockSize - 1)]
    }

    func number(of name: String) -> UInt32 {
        numbers.withLock { numbers in
            if let number = numbers[ExactSpelling(name)] { return number }
            let number = UInt32(numbers.count)
            precondition(number != NameTable.noName, "more than 4 billion distinct names")
            let block = Int(number >> NameTable.blockBits), place = Int(number) & (NameTable.blockSize - 1)
            if place == 0 { blocks[block] = .allocate(capacity: NameTable.blockSize) }
            (blocks[block].unsafelyUnwrapped + place).initialize(to: name)
            numbers[ExactSpelling(name)] = number
            return number
        }
    }
}
