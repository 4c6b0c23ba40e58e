#if canImport(Glibc)
import Glibc
#endif
import BoardModel
import Synchronization

/// An array of fixed-width numbers `SnapshotWriter` wrote into `.lanes/cache`, left in the file
/// and read back one at a time: each event's line start and each timeline link of a board opened
/// from its cache (8 and 4 bytes an event, 84 MB at a million issues, of which a view reads the
/// few dozen of the timelines it shows).
///
/// Holds its own descriptor of the file it decoded (a new cache is renamed into place, never
/// written over the old one, as for `CachedTexts`). Reads go through one aligned block of the
/// file kept from the last read, so neighbours (an event's line start and the next one) cost one
/// read. A file cut short under it in place reads as nil, never a crash; the decoder checked
/// every value when it opened the file, and callers bound what they read back anyway.
final class CachedNumbers<Value: FixedWidthInteger & Sendable>: Sendable {
    private let path: String
    private let fd: Int32
    /// Where the first value lies in the file.
    private let start: Int
    let count: Int
    private let block = Mutex<(start: Int, bytes: [UInt8])>((0, []))
    private static var blockSize: Int { 16 << 10 }

    /// Takes `fd` over (closes it when done).
    init(path: String, fd: Int32, start: Int, count: Int) {
        self.path = path
        self.fd = fd
        self.start = start
        self.count = count
    }

    deinit { close(fd) }

    subscript(index: Int) -> Value? {
        let size = MemoryLayout<Value>.size
        let offset = start + index * size
        return block.withLock { block in
            if offset < block.start || offset + size > block.start + block.bytes.count {
                let first = offset / Self.blockSize * Self.blockSize
                let last = (offset + size - 1) / Self.blockSize * Self.blockSize
                block.start = first
                block.bytes = (try? POSIXFile.read(fd, offset: first, count: last + Self.blockSize - first, path: path)) ?? []
            }
            let from = offset - block.start
            guard from + size <= block.bytes.count else { return nil }
            // In the machine's byte order, as `SnapshotWriter` copied the array (the file's header checks it).
            return block.bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: from, as: Value.self) }
        }
    }
}

/// Timeline links left in the cache file.
extension CachedNumbers: StoredLinks where Value == Int32 {
    func link(at index: Int) -> Int32 { self[index] ?? -1 }
}
