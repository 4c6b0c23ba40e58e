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
/// A thread that reads many (each core's half of a search text's build) takes a `Scan`, a
/// window of its own.
final class CachedTexts: StoredTextSource {
    fileprivate let path: String
    fileprivate let fd: Int32
    /// The file as it was before its bytes were checked (`SnapshotFile`): while it still is,
    /// its texts are the valid UTF-8 a `String` wrote, handed over as they lie.
    private let checked: FileState
    /// The window of the reads through `text(at:length:)`, from whichever thread.
    private let shared: Mutex<Window>

    init(path: String, fd: Int32, checked: stat) {
        self.path = path
        self.fd = fd
        self.checked = FileState(checked)
        shared = Mutex(Window())
    }

    deinit { close(fd) }

    /// The source an `IssueBody` reads from.
    var stored: StoredTexts { StoredTexts(self) }

    func text(at offset: Int, length: Int) -> String {
        shared.withLock { window in
            window.cover(offset, length, in: self)
            return String(decoding: window.bytes(offset, length), as: UTF8.self)
        }
    }

    func scan() -> any StoredTextScan { Scan(texts: self) }

    /// Whether the file is still as it was checked: the same file, size and status change time
    /// (which a write sets, and nobody can set back).
    fileprivate var isAsChecked: Bool {
        var now = stat()
        return fstat(fd, &now) == 0 && FileState(now) == checked
    }

    /// A window of one thread's own over the file. A value, so that the scan's loop reaches its
    /// fields without the checks a class's fields take on every access.
    struct Scan: StoredTextScan {
        let texts: CachedTexts
        private var window = Window()
        /// Whether the window's bytes were read while the file was as checked.
        private var checked = false

        fileprivate init(texts: CachedTexts) { self.texts = texts }

        mutating func utf8(_ span: UInt64) -> UnsafeBufferPointer<UInt8>? {
            let (offset, length) = StoredTexts.place(of: span)
            // Looked at after the read: a write since would have changed the file's state first.
            if window.cover(offset, length, in: texts) { checked = texts.isAsChecked }
            return checked ? window.bytes(offset, length) : nil
        }
    }
}

/// The file's identity, size and status change time.
private struct FileState: Equatable {
    let device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        seconds = Int(status.st_ctim.tv_sec)
        nanoseconds = Int(status.st_ctim.tv_nsec)
    }
}

/// The bytes of the file last read, and how many reads in a row each came a little past the
/// one before (a scan, read a window at a time).
private struct Window {
    private var start = 0
    private var count = 0
    /// Kept from read to read: a scan reads a few thousand windows.
    private var buffer = Buffer(capacity: 0)
    private var run = 0
    private static let size = 256 << 10
    /// Reads in a row that make a scan: fewer are a card's title and then its description,
    /// which lie side by side.
    private static let scanRun = 4

    /// Reads the `length` bytes at `offset` unless the window holds them (with the window's size
    /// after them while reads run through the file); returns whether it read.
    @discardableResult
    mutating func cover(_ offset: Int, _ length: Int, in texts: CachedTexts) -> Bool {
        let end = start + count
        guard offset < start || offset + length > end else { return false }
        run = offset >= end && offset - end < Window.size / 4 ? run + 1 : 0
        let wanted = run >= Window.scanRun ? max(length, Window.size) : length
        if buffer.bytes.count < wanted { buffer = Buffer(capacity: wanted) }
        start = offset
        count = (try? POSIXFile.read(texts.fd, offset: offset, into: UnsafeMutableRawBufferPointer(rebasing: buffer.bytes[..<wanted]),
                                     path: texts.path)) ?? 0
        return true
    }

    /// The `length` bytes at `offset` (after `cover`), or none if the file ends first; valid
    /// until the window moves.
    func bytes(_ offset: Int, _ length: Int) -> UnsafeBufferPointer<UInt8> {
        let from = offset - start
        guard from >= 0, from + length <= count else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buffer.bytes.assumingMemoryBound(to: UInt8.self))[from..<(from + length)])
    }

    /// Memory of the window's own, freed with the last window that holds it.
    private final class Buffer: Sendable {
        nonisolated(unsafe) let bytes: UnsafeMutableRawBufferPointer

        init(capacity: Int) { bytes = .allocate(byteCount: capacity, alignment: 8) }

        deinit { bytes.deallocate() }
    }
}
