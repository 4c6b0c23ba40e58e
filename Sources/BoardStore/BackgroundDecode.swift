import BoardModel
import Dispatch

/// The second half of a big log, decoded on another core while the first half is decoded and
/// folded on this one: reading 100,000 issues' log whole is decoding more than folding, and the
/// fold must stay in log order, so only decoding is shared.
final class BackgroundDecode: @unchecked Sendable {
    /// The mapped bytes, handed to the other thread; `wait()` is called before they are unmapped.
    private struct Bytes: @unchecked Sendable { let buffer: UnsafeBufferPointer<UInt8> }

    /// Decoded events and where each one's line starts in the bytes given, one batch per
    /// window, so the folding side can free each batch once folded.
    private var batches: [(events: [Event], lineStarts: [Int])] = []
    /// Problems (line numbers counted from 1 at the start of the bytes), bytes consumed, torn tail.
    private(set) var chunk = LogReader.Chunk()
    /// Lines read, to carry the line count on.
    private(set) var lines = 0
    private let finished = DispatchSemaphore(value: 0)
    private var waited = false

    init(_ bytes: UnsafeBufferPointer<UInt8>, path: String) {
        let input = Bytes(buffer: bytes)
        DispatchQueue.global(qos: .userInitiated).async {
            // Not the first line of the log: the header was the other half's.
            var reader = LogReader(path: path, nextLine: 1, version: LineCodec.formatVersion)
            // In windows of whole lines whose pages are handed back once read, as on this side.
            let bytes = input.buffer
            let window = 16 << 20
            var start = 0
            while start < bytes.count {
                var end = min(bytes.count, start + window)
                while end < bytes.count, bytes[end - 1] != 10 { end += 1 }
                var batch: (events: [Event], lineStarts: [Int]) = ([], [])
                let part = reader.read(UnsafeBufferPointer(rebasing: bytes[start..<end])) { event, line in
                    batch.events.append(event)
                    batch.lineStarts.append(start + line)
                }
                self.batches.append(batch)
                self.chunk.problems += part.problems
                self.chunk.consumed += part.consumed
                self.chunk.incomplete = part.incomplete
                POSIXFile.releasePages(of: bytes, from: start, to: end)
                start = end
            }
            self.lines = reader.nextLine - 1
            self.finished.signal()
        }
    }

    /// Hands each decoded event and its line start to `body` in order, freeing each batch as it
    /// is done: the events are then held by the board alone. Call after `wait()`.
    func drain(_ body: (Event, Int) -> Void) {
        for index in batches.indices {
            for (event, line) in zip(batches[index].events, batches[index].lineStarts) { body(event, line) }
            batches[index] = ([], [])
        }
    }

    /// Blocks until the decode is done (at once on later calls).
    func wait() {
        guard !waited else { return }
        finished.wait()
        waited = true
    }
}
