#if canImport(Glibc)
import Glibc
#endif
import BoardModel
import Dispatch
import Synchronization

/// Most of a big log, cut into windows of whole lines that both cores decode while one folds.
///
/// The fold must stay in log order on one thread, so decoding is what is shared. A thread of
/// its own takes the windows in order; the folding thread folds each window as soon as it is
/// decoded, and whenever the one it needs next is not decoded yet it takes the next window
/// nobody has taken and decodes it itself instead of waiting. So neither core idles while
/// there is work, whatever folding costs against decoding: it costs more when the board keeps
/// every event than when it only counts them, and a loaded machine gives the two threads
/// unequal shares. (A fixed cut, a fifth of the log decoded on the folding thread, left the
/// decoder idle for a third of a million-issue read while the fold went on.)
final class BackgroundDecode: @unchecked Sendable {
    /// The mapped bytes, handed to the other thread; `wait()` is called before they are unmapped.
    private struct Bytes: @unchecked Sendable { let buffer: UnsafeBufferPointer<UInt8> }
    /// One window's events, where each one's line starts, its problems (line numbers counted
    /// from 1 at the window's start) and how many lines it holds.
    private struct Batch {
        var events: [Event] = []
        var lineStarts: [Int] = []
        var chunk = LogReader.Chunk()
        var lines = 0
    }

    private let bytes: Bytes
    private let path: String
    /// Window `i` is `bounds[i] ..< bounds[i + 1]`, each ending after a newline (the last one
    /// at the end of the bytes).
    private let bounds: [Int]
    private var windowCount: Int { bounds.count - 1 }
    /// One slot per window, written once by whichever thread decoded it before `ready[i]` is
    /// signalled, taken by `drain`.
    private let slots: UnsafeMutablePointer<Batch?>
    private let ready: [DispatchSemaphore]
    /// The next window nobody has taken.
    private let nextWindow = Mutex(0)
    private let finished = DispatchSemaphore(value: 0)
    /// Folded windows' arrays, emptied on another thread and filled again by the next window
    /// decoded: a window's fresh arrays were new pages every time (the kernel zeroing them and
    /// taking them back was a tenth of a whole read), as many as the log has windows.
    private let spare = Mutex<[Batch]>([])
    private var waited = false
    /// Fewer bytes than a log line takes (about 100 in a generated board: a time, an actor, an
    /// id, a kind): what a window's arrays are reserved by. Capacity beyond what is used is
    /// never touched, so it costs address space, not memory.
    private static let bytesPerEventAtLeast = 64

    /// Starts decoding `bytes` (whole lines, after the log's header) in windows of about
    /// `window` bytes on another thread.
    init(_ bytes: UnsafeBufferPointer<UInt8>, path: String, window: Int) {
        self.bytes = Bytes(buffer: bytes)
        self.path = path
        bounds = BackgroundDecode.bounds(of: bytes, window: window)
        slots = .allocate(capacity: bounds.count - 1)
        slots.initialize(repeating: nil, count: bounds.count - 1)
        ready = (1..<bounds.count).map { _ in DispatchSemaphore(value: 0) }
        DispatchQueue.global(qos: .userInitiated).async {
            while let index = self.takeWindow() { self.decode(index) }
            self.finished.signal()
        }
    }

    deinit {
        wait()
        slots.deinitialize(count: windowCount)
        slots.deallocate()
    }

    /// Where `bytes` is cut into windows of at least `window` bytes that end after a newline.
    static func bounds(of bytes: UnsafeBufferPointer<UInt8>, window: Int) -> [Int] {
        var bounds = [0]
        guard let base = bytes.baseAddress else { return bounds + [0] }
        var start = 0
        while start < bytes.count {
            var end = min(bytes.count, start + max(1, window))
            if end < bytes.count, bytes[end - 1] != 10 {
                end = memchr(base + end, 10, bytes.count - end).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) + 1 }
                    ?? bytes.count
            }
            bounds.append(end)
            start = end
        }
        if bounds.count == 1 { bounds.append(0) }
        return bounds
    }

    private func takeWindow() -> Int? {
        nextWindow.withLock { next in
            guard next < windowCount else { return nil }
            defer { next += 1 }
            return next
        }
    }

    /// Decodes window `index` into its slot and hands its pages back (as the folding thread
    /// does with its own part).
    private func decode(_ index: Int) {
        let start = bounds[index], end = bounds[index + 1]
        // Not the first line of the log: the header was the folding thread's.
        var reader = LogReader(path: path, nextLine: 1, version: LineCodec.formatVersion)
        var batch = spare.withLock { $0.popLast() } ?? Batch()
        // Room for the window's events at once: grown by doubling, each array was copied
        // several times over (a tenth of the decoding thread's time).
        batch.events.reserveCapacity((end - start) / BackgroundDecode.bytesPerEventAtLeast)
        batch.lineStarts.reserveCapacity((end - start) / BackgroundDecode.bytesPerEventAtLeast)
        batch.chunk = reader.read(UnsafeBufferPointer(rebasing: bytes.buffer[start..<end])) { event, line in
            batch.events.append(event)
            batch.lineStarts.append(start + line)
        }
        batch.lines = reader.nextLine - 1
        POSIXFile.releasePages(of: bytes.buffer, from: start, to: end)
        slots[index] = batch
        ready[index].signal()
    }

    /// Hands each decoded event and where its line starts to `body` in order, each window as
    /// soon as it is decoded (decoding the next untaken window here while the one needed is
    /// not), and lets each go once done on another thread (`Retired`: freeing a window's
    /// events cost the fold's thread a twentieth of its time): the events are then held by the
    /// board alone. `windowDone` is told where each window ends. Returns the problems (line
    /// numbers counted from `firstLine` at the start of the bytes), the bytes consumed, the
    /// torn tail and how many lines were read.
    func drain(firstLine: Int, _ body: (Event, Int) -> Void, windowDone: (Int) -> Void) -> (chunk: LogReader.Chunk, lines: Int) {
        var chunk = LogReader.Chunk()
        var lines = 0
        for index in 0..<windowCount {
            while ready[index].wait(timeout: .now()) == .timedOut {
                guard let other = takeWindow() else {
                    ready[index].wait()
                    break
                }
                decode(other)
            }
            guard let batch = slots[index].take() else { continue }
            // By index: each event is lent to `body` where it lies (an iterator would copy it,
            // retaining and releasing each of its strings, on the fold's thread).
            for offset in batch.events.indices { body(batch.events[offset], batch.lineStarts[offset]) }
            let first = firstLine + lines
            chunk.problems += batch.chunk.problems.map { FileProblem(file: $0.file, line: $0.line + first - 1, message: $0.message) }
            chunk.consumed += batch.chunk.consumed
            chunk.incomplete = batch.chunk.incomplete
            lines += batch.lines
            windowDone(bounds[index + 1])
            recycle(consume batch)
        }
        wait()
        return (chunk, lines)
    }

    /// Empties `batch` on another thread (its events freed there, not on the fold's) and keeps
    /// its arrays for the next window to fill.
    private func recycle(_ batch: consuming Batch) {
        let box = RecycledBatch(consume batch)
        DispatchQueue.global(qos: .utility).async {
            guard var emptied = box.batch.take() else { return }
            emptied.events.removeAll(keepingCapacity: true)
            emptied.lineStarts.removeAll(keepingCapacity: true)
            emptied.chunk = LogReader.Chunk()
            emptied.lines = 0
            self.spare.withLock { $0.append(emptied) }
        }
    }

    /// A batch moved to the thread that empties it: taken out there, so that thread alone
    /// releases its events.
    private final class RecycledBatch: @unchecked Sendable {
        var batch: Batch?
        init(_ batch: consuming Batch) { self.batch = consume batch }
    }

    /// Blocks until the other thread has stopped (at once on later calls).
    func wait() {
        guard !waited else { return }
        finished.wait()
        waited = true
    }
}
