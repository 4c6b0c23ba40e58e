import Dispatch
import BoardModel
import Synchronization

/// `list`'s JSON, CSV and table written on another core while this one reads and matches issues
/// from the index: at 100,000 issues, writing the JSON costs about as much as reading the
/// rows, so the two halves overlap instead of adding up. Issues cross in batches through a
/// queue of two batches, so memory stays bounded whatever the board's size. (The table takes
/// the rows themselves, `ListedRow`, and decodes and matches them there.)
struct ListStream<Item: Sendable> {
    private var batch: [Item] = []
    private let conveyor = Conveyor()
    private let written = DispatchSemaphore(value: 0)
    /// Issues per batch: few enough that the first bytes leave at once.
    private static var batchSize: Int { 128 }

    /// Items handed to `consume` on the other core: it takes batch after batch from `next`
    /// until nil (the table of `list` is measured there, and written once the last is in).
    init(_ consume: @escaping @Sendable (_ next: () -> [Item]?) -> Void) {
        let (conveyor, written) = (conveyor, written)
        DispatchQueue.global(qos: .userInitiated).async {
            consume(conveyor.receive)
            written.signal()
        }
    }

    mutating func add(_ item: Item) {
        batch.append(item)
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
        private let batches = Mutex<[[Item]?]>([])
        private let full = DispatchSemaphore(value: 0)
        private let free = DispatchSemaphore(value: 2)

        func send(_ batch: [Item]?) {
            free.wait()
            batches.withLock { $0.append(batch) }
            full.signal()
        }

        func receive() -> [Item]? {
            full.wait()
            defer { free.signal() }
            return batches.withLock { $0.removeFirst() }
        }
    }
}

extension ListStream where Item == Issue {
    /// JSON or CSV of the issues added, written on the other core as they come.
    init(format: ListFormat) {
        self.init { next in
            var writer = ListWriter(format: format)
            while let batch = next() {
                for issue in batch { writer.add(issue) }
            }
            writer.finish()
        }
    }
}
