#if canImport(Glibc)
import Glibc
#endif
import BoardModel
import Synchronization

/// The descriptions of a board opened from its cache, left in `.lanes/cache` and read back when
/// a view asks (see `IssueBody`), as `LogArchive` reads events back from the log.
///
/// Holds its own descriptor of the file it decoded: a new cache is renamed into place, never
/// written over the old one, so these bytes stay the ones that were checked. A file cut short
/// under it in place (by hand) reads as an empty description, never a crash; bytes changed in
/// place are decoded as any text is (invalid UTF-8 repaired). Reads go through one window of
/// the file: whatever reads them all (a search of every description, a new cache) reads them
/// in the order they lie, a window at a time.
final class CachedTexts: Sendable {
    private let path: String
    private let fd: Int32
    private let window = Mutex<(start: Int, bytes: [UInt8])>((0, []))
    private static let windowSize = 256 << 10

    init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { close(fd) }

    /// The source an `IssueBody` reads from.
    var stored: StoredTexts { StoredTexts { [self] offset, length in text(at: offset, length: length) } }

    private func text(at offset: Int, length: Int) -> String {
        window.withLock { window in
            if offset < window.start || offset + length > window.start + window.bytes.count {
                window.start = offset
                window.bytes = (try? POSIXFile.read(fd, offset: offset, count: max(length, CachedTexts.windowSize), path: path)) ?? []
            }
            let from = offset - window.start
            guard from + length <= window.bytes.count else { return "" }
            return window.bytes.withUnsafeBufferPointer { String(decoding: $0[from..<(from + length)], as: UTF8.self) }
        }
    }
}
