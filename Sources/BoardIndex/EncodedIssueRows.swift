import BoardModel
import BoardStore
import Dispatch
import Synchronization

/// The `issues` rows of a whole build, encoded on another core while this one inserts them
/// (`IndexRowInsert`), and the name tables' rows (`NameRows`) and the columns' counts
/// (`ColumnCounts`) gathered on the way.
///
/// A build's rows cost two things: encoding each issue (its snapshot coding, where its lines
/// start, its seal) and SQLite storing it. After the fold the other core had nothing to do,
/// so it now does the first while this one does the second. Batches are handed over in
/// number order, each one buffer that the statements bind in place (no copy per value) and
/// that outlives their steps; at most `ahead` batches wait, so the memory stays bounded.
final class EncodedIssueRows: @unchecked Sendable {
    /// One issue's row: its numbers, and where its bytes lie in its batch's `bytes`. Nothing
    /// in it is counted (its facts are in the batch's `facts`): inserting it retains nothing.
    struct Row {
        var number: Int
        var rank: Double
        var column: Range<Int>, author: Range<Int>, data: Range<Int>, events: Range<Int>
        var seal: Int64
    }

    struct Batch {
        var bytes: [UInt8]
        var rows: [Row]
        /// Each row's `IssueRow.facts(of:)` in its order, one row after the other
        /// (`IssueRow.factColumns.count` each): an array per row cost the inserting thread a
        /// retain and a release per row, a tenth of its insert.
        var facts: [SQLiteValue?]
    }

    private let queue = Mutex<[Batch?]>([])
    private let ready = DispatchSemaphore(value: 0)
    private let room: DispatchSemaphore
    private let finished = DispatchSemaphore(value: 0)
    private let cancelled = Atomic<Bool>(false)
    /// Written by the encoder before `finished` is signalled, read after it.
    private var gathered = NameRows()
    private var counted = ColumnCounts()
    private var waited = false

    static let batchSize = 1024
    static let ahead = 8

    /// Starts encoding the rows of `state`'s issues `numbers` (ascending) on another core;
    /// `offsets` are where each folded event's line starts (`EventLog.eventOffsets`).
    init(_ state: BoardState, numbers: [Int], offsets: [Int64]) {
        room = DispatchSemaphore(value: EncodedIssueRows.ahead)
        let issues = state.issues, ends = state.timelineEnds, next = state.nextInTimeline
        DispatchQueue.global(qos: .userInitiated).async {
            var names = NameRows()
            var counts = ColumnCounts()
            var start = 0
            while start < numbers.count {
                self.room.wait()
                if self.cancelled.load(ordering: .relaxed) { break }
                var out = SnapshotWriter(flushAt: .max)
                var rows: [Row] = [], facts: [SQLiteValue?] = []
                rows.reserveCapacity(EncodedIssueRows.batchSize)
                facts.reserveCapacity(EncodedIssueRows.batchSize * IssueRow.factColumns.count)
                // Each issue copied once (its strings retained once) for the four steps below:
                // handed to each as `values[slot]`, it was copied for most of them (a seventh of this core's work).
                issues.withValues { values in
                    for number in numbers[start..<min(numbers.count, start + EncodedIssueRows.batchSize)] {
                        guard let slot = issues.slot(of: number) else { continue }
                        let issue = values[slot]
                        rows.append(EncodedIssueRows.encode(issue, into: &out) { line in
                            // The issue's timeline, a chain through the fold's events, oldest first.
                            var index = Int(ends[number]?.first ?? -1)
                            while index >= 0, index < offsets.count {
                                line(offsets[index])
                                index = Int(next[index])
                            }
                        })
                        facts.append(contentsOf: IssueRow.facts(of: issue))
                        names.add(issue)
                        counts.add(issue)
                    }
                }
                start += EncodedIssueRows.batchSize
                self.queue.withLock { $0.append(Batch(bytes: out.bytes, rows: rows, facts: facts)) }
                self.ready.signal()
            }
            self.gathered = names
            self.counted = counts
            self.queue.withLock { $0.append(nil) }
            self.ready.signal()
            self.finished.signal()
        }
    }

    /// Stops the encoding (at the end of the batch under way) and waits for the other core to
    /// let go: call once the rows are inserted, or when the build fails midway.
    func finish() {
        cancelled.store(true, ordering: .relaxed)
        room.signal()
        wait()
    }

    /// The next batch in number order, waiting for it to be encoded; nil after the last.
    func next() -> Batch? {
        ready.wait()
        let batch = queue.withLock { $0.removeFirst() }
        if batch != nil { room.signal() }
        return batch
    }

    /// The name tables' rows of every issue; call after `next()` gave nil.
    func names() -> NameRows {
        wait()
        return gathered
    }

    /// Every issue counted where the first screen counts it; call after `next()` gave nil.
    func columnCounts() -> ColumnCounts {
        wait()
        return counted
    }

    private func wait() {
        guard !waited else { return }
        finished.wait()
        waited = true
    }

    /// Appends the issue's bytes to `out` and returns its row: byte for byte what
    /// `IssueRow.writeRow` stores (the same coding, the same seal).
    /// `timeline` calls its argument with where each of the issue's lines starts, in log order.
    private static func encode(_ issue: Issue, into out: inout SnapshotWriter, timeline: ((Int64) -> Void) -> Void) -> Row {
        let column = text(issue.column, into: &out)
        let author = text(issue.author, into: &out)
        let dataStart = out.bytes.count
        issue.writeSnapshot(to: &out)
        let eventsStart = out.bytes.count
        var last: Int64 = 0
        timeline { offset in
            out.int(offset - last)
            last = offset
        }
        let data = dataStart..<eventsStart, events = eventsStart..<out.bytes.count
        let seal = out.bytes.withUnsafeBytes { bytes in
            IssueRow.seal(number: issue.number, data: UnsafeRawBufferPointer(rebasing: bytes[data]),
                          events: UnsafeRawBufferPointer(rebasing: bytes[events]))
        }
        return Row(number: issue.number, rank: issue.rank, column: column, author: author, data: data, events: events, seal: seal)
    }

    /// Appends `value`'s UTF-8 (after its length, which nothing reads) and returns where it lies.
    private static func text(_ value: String, into out: inout SnapshotWriter) -> Range<Int> {
        out.string(value)
        return out.bytes.count - value.utf8.count..<out.bytes.count
    }
}
