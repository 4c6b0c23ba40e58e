import Dispatch
import BoardModel
import Synchronization

/// `list`'s JSON and CSV written on another core while this one reads and matches issues
/// from the index: at 100,000 issues, writing the JSON costs about as much as reading the
/// rows, so the two halves overlap instead of adding up. Issues cross in batches through a
/// queue of two batches, so memory stays bounded whatever the board's size.
struct ListStream {
    private var batch: [Issue] = []
    private let conveyor = Conveyor()
    private let written = DispatchSemaphore(value: 0)
    /// Issues per batch: few enough that the first bytes leave at once.
    private static let batchSize = 128

    init(format: ListFormat) {
        let (conveyor, written) = (conveyor, written)
        DispatchQueue.global(qos: .userInitiated).async {
            var writer = ListWriter(format: format)
            while let batch = conveyor.receive() {
                for issue in batch { writer.add(issue) }
            }
            writer.finish()
            written.signal()
        }
    }

    mutating func add(_ issue: Issue) {
        batch.append(issue)
        if batch.count == ListStream.batchSize {
            conveyor.send(batch)
            batch.removeAll(keepingCapacity: true)
        }
    }

    /// Sends the last issues and waits until everything is written.
    mutating func finish() {
        if !batch.isEmpty { conveyor.send(batch) }
        conveyor.send(nil)
        written.wait()
    }

    /// A queue of at most two batches between the reading and the writing thread; nil ends it.
    private final class Conveyor: Sendable {
        private let batches = Mutex<[[Issue]?]>([])
        private let full = DispatchSemaphore(value: 0)
        private let free = DispatchSemaphore(value: 2)

        func send(_ batch: [Issue]?) {
            free.wait()
            batches.withLock { $0.append(batch) }
            full.signal()
        }

        func receive() -> [Issue]? {
            full.wait()
            defer { free.signal() }
            return batches.withLock { $0.removeFirst() }
        }
    }
}
