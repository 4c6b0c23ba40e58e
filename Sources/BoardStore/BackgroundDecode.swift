import BoardModel
import Dispatch

/// Most of a big log, decoded on another core while this one decodes the start and folds:
/// the fold must stay in log order on one thread, so decoding is what is shared. Each window
/// of lines is handed over as soon as it is decoded (`drain`), so the fold follows the decoder
/// closely instead of waiting for all of it.
final class BackgroundDecode: @unchecked Sendable {
    /// The mapped bytes, handed to the other thread; `wait()` is called before they are unmapped.
    private struct Bytes: @unchecked Sendable { let buffer: UnsafeBufferPointer<UInt8> }
    /// One window's events, where each one's line starts, and where the window ends.
    private struct Batch {
        var events: [Event] = []
        var lineStarts: [Int] = []
        var end: Int
    }

    /// One slot per window, each written once by the decoder before `ready` is signalled for
    /// it; the slot after the last window holds nil.
    private let slots: UnsafeMutablePointer<Batch?>
    private let slotCount: Int
    private let ready = DispatchSemaphore(value: 0)
    /// Problems (line numbers counted from 1 at the start of the bytes), bytes consumed, torn tail.
    private(set) var chunk = LogReader.Chunk()
    /// Lines read, to carry the line count on.
    private(set) var lines = 0
    private let finished = DispatchSemaphore(value: 0)
    private var waited = false
    /// Slots written, for `deinit`: set before `finished` is signalled.
    private var initialized = 0
    private static let window = 16 << 20
    /// Fewer bytes than a log line takes (about 100 in a generated board: a time, an actor, an
    /// id, a kind): what a window's arrays are reserved by. Capacity beyond what is used is
    /// never touched, so it costs address space, not memory.
    private static let bytesPerEventAtLeast = 64

    init(_ bytes: UnsafeBufferPointer<UInt8>, path: String) {
        let input = Bytes(buffer: bytes)
        slotCount = bytes.count / BackgroundDecode.window + 2
        slots = .allocate(capacity: slotCount)
        DispatchQueue.global(qos: .userInitiated).async {
            // Not the first line of the log: the header was the other half's.
            var reader = LogReader(path: path, nextLine: 1, version: LineCodec.formatVersion)
            // In windows of whole lines whose pages are handed back once read, as on this side.
            let bytes = input.buffer
            var start = 0, filled = 0
            while start < bytes.count {
                var end = min(bytes.count, start + BackgroundDecode.window)
                while end < bytes.count, bytes[end - 1] != 10 { end += 1 }
                var batch = Batch(end: end)
                // Room for the window's events at once: grown by doubling, each array was
                // copied several times over (a tenth of this thread's time).
                batch.events.reserveCapacity((end - start) / BackgroundDecode.bytesPerEventAtLeast)
                batch.lineStarts.reserveCapacity((end - start) / BackgroundDecode.bytesPerEventAtLeast)
                let part = reader.read(UnsafeBufferPointer(rebasing: bytes[start..<end])) { event, line in
                    batch.events.append(event)
                    batch.lineStarts.append(start + line)
                }
                self.chunk.problems += part.problems
                self.chunk.consumed += part.consumed
                self.chunk.incomplete = part.incomplete
                POSIXFile.releasePages(of: bytes, from: start, to: end)
                start = end
                (self.slots + filled).initialize(to: batch)
                filled += 1
                self.ready.signal()
            }
            self.lines = reader.nextLine - 1
            (self.slots + filled).initialize(to: nil)
            self.initialized = filled + 1
            self.ready.signal()
            self.finished.signal()
        }
    }

    deinit {
        wait()
        slots.deinitialize(count: initialized)
        slots.deallocate()
    }

    /// Hands each decoded event and its line start to `body` in order, each window as soon as
    /// it is decoded, and lets each go once done on another thread (`Retired`: freeing a
    /// window's events cost the fold's thread a twentieth of its time): the events are then
    /// held by the board alone.
    /// `windowDone` is told where each window ends. Read `chunk` and `lines` after it returns.
    func drain(_ body: (Event, Int) -> Void, windowDone: (Int) -> Void) {
        var index = 0
        while true {
            ready.wait()
            guard let batch = slots[index].take() else { break }
            // By index: each event is lent to `body` where it lies (an iterator would copy it,
            // retaining and releasing each of its strings, on the fold's thread).
            for offset in batch.events.indices { body(batch.events[offset], batch.lineStarts[offset]) }
            windowDone(batch.end)
            Retired.release(consume batch)
            index += 1
        }
        wait()
    }

    /// Blocks until the decode is done (at once on later calls).
    func wait() {
        guard !waited else { return }
        finished.wait()
        waited = true
    }
}
