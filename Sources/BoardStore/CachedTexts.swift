#if canImport(Glibc)
import Glibc
#endif
import BoardModel
import Synchronization

/// The titles and descriptions of a board opened from its cache, left in `.lanes/cache` and
/// read back when a view asks (see `IssueBody`), as `LogArchive` reads events back from the log.
///
/// Holds its own descriptor of the file it decoded: a new cache is renamed into place, never
/// written over the old one, so these bytes stay the ones that were checked. A file cut short
/// under it in place (by hand) reads as an empty description, never a crash; bytes changed in
/// place are decoded as any text is (invalid UTF-8 repaired). Past a few texts each a little
/// past the one before, a text is read with the 256 KB after it: whatever reads them all (a
/// search of every title and description, a new cache) reads them in the order they lie, a
/// window at a time; any other (a card's title and checklist, the open issue) is read alone.
final class CachedTexts: Sendable {
    private let path: String
    private let fd: Int32
    /// The bytes last read, and how many reads in a row each came a little past the one before.
    private let window = Mutex<(start: Int, bytes: [UInt8], run: Int)>((0, [], 0))
    private static let windowSize = 256 << 10
    /// Reads in a row that make a scan: fewer are a card's title and then its description,
    /// which lie side by side.
    private static let scanRun = 4

    init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { close(fd) }

    /// The source an `IssueBody` reads from.
    var stored: StoredTexts { StoredTexts { [self] offset, length in text(at: offset, length: length) } }

    private func text(at offset: Int, length: Int) -> String {
        window.withLock { window in
            let end = window.start + window.bytes.count
            if offset < window.start || offset + length > end {
                window.run = offset >= end && offset - end < CachedTexts.windowSize / 4 ? window.run + 1 : 0
                let scanning = window.run >= CachedTexts.scanRun
                window.start = offset
                window.bytes = (try? POSIXFile.read(fd, offset: offset, count: scanning ? max(length, CachedTexts.windowSize) : length,
                                                    path: path)) ?? []
            }
            let from = offset - window.start
            guard from + length <= window.bytes.count else { return "" }
            return window.bytes.withUnsafeBufferPointer { String(decoding: $0[from..<(from + length)], as: UTF8.self) }
        }
    }
}
