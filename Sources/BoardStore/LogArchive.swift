#if canImport(Glibc)
import Glibc
#endif
import BoardModel
import Synchronization

/// Events a snapshot covers, read back from the log line by line when a view asks for them.
///
/// Holds its own descriptor of the log, so the lines stay readable if git replaces the file.
/// The log only ever grows at the end (a torn tail is cut only past the covered lines), so a
/// line found here is the line the snapshot was made from.
final class LogArchive: EventArchive {
    let path: String
    private let fd: Int32
    /// Where each archived event's line starts in the log.
    let offsets: LineStarts
    /// Where the covered part of the log ends.
    private let end: Int64
    /// Events read recently: a view redrawn on every keystroke (activity, a long timeline)
    /// reads the same few dozen again, and should not go back to the file for them.
    private let recent = Mutex<[Int: Event]>([:])
    private static let recentLimit = 4_096

    /// Where each archived event's line starts: held, packed (a board read whole), or left in
    /// the cache file (a board opened from it: 8 bytes an event not held, 84 MB at a million issues).
    enum LineStarts: Sendable {
        case packed(PackedOffsets)
        case stored(CachedNumbers<Int64>)

        var count: Int {
            switch self {
            case .packed(let offsets): offsets.count
            case .stored(let offsets): offsets.count
            }
        }

        var last: Int64? { count == 0 ? nil : self[count - 1] }

        /// The start of line `index`, nil if it cannot be read back (a cache cut short in place).
        subscript(index: Int) -> Int64? {
            switch self {
            case .packed(let offsets): offsets[index]
            case .stored(let offsets): offsets[index]
            }
        }
    }

    init(path: String, fd: Int32, offsets: LineStarts, end: Int64) {
        self.path = path
        self.fd = fd
        self.offsets = offsets
        self.end = end
    }

    deinit { close(fd) }

    var count: Int { offsets.count }

    /// The event, decoded from its line. A line that cannot be read back (the log was edited
    /// in place under us) reads as a comment saying so rather than stopping the program.
    func event(at index: Int) -> Event {
        if let event = recent.withLock({ $0[index] }) { return event }
        let event = read(index)
        recent.withLock { recent in
            if recent.count >= LogArchive.recentLimit { recent.removeAll(keepingCapacity: true) }
            recent[index] = event
        }
        return event
    }

    private func read(_ index: Int) -> Event {
        var problem = "the line is gone"
        if let start = offsets[index], let next = index + 1 < offsets.count ? offsets[index + 1] : end, start >= 0, next > start, next <= end,
           var line = try? POSIXFile.read(fd, offset: Int(start), count: Int(next - start), path: path) {
            // Up to the next archived line, which may hold lines the fold skipped: cut at the newline.
            if let newline = line.firstIndex(of: 10) { line.removeSubrange(newline...) }
            if line.last == 13 { line.removeLast() }
            let decoded = line.withUnsafeBufferPointer { buffer in Result { () throws(LineError) in try LineCodec.decode(buffer) } }
            switch decoded {
            case .success(let event): return event
            case .failure(let error): problem = error.message
            }
        }
        return Event(id: EventID(0), at: Timestamp(milliseconds: 0), actor: "lanes", issue: 0,
                     kind: .commented("(event \(index + 1) could not be read back from \(path): \(problem))"))
    }
}

extension LogArchive {
    /// The events a whole read of the log folded from the lines starting at `offsets`, as a
    /// list that reads them back from the log (through `fd`, a descriptor of its own, which it
    /// closes) when asked, as a board opened from its cache does: the board that writes the
    /// cache need not hold a million events (190 MB at 100,000 issues) for as long as it stays
    /// open, nor while it folds them.
    static func events(at offsets: [Int64], log fd: Int32, end: Int, path: String) -> EventList {
        // Line starts of one read only ascend, which is all packing needs.
        let packed = PackedOffsets(count: offsets.count, { offsets[$0] })!
        return EventList(archive: LogArchive(path: path, fd: fd, offsets: .packed(packed), end: Int64(end)))
    }
}
