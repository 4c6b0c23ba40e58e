import BoardModel
import BoardStore
import Dispatch
import Synchronization

/// The `issues` rows of a whole build, encoded on both cores while this one inserts them
/// (`IndexRowInsert`), and the name tables' rows (`NameRows`) and the columns' counts
/// (`ColumnCounts`) gathered on the way.
///
/// A build's rows cost two things: encoding each issue (its snapshot coding, where its lines
/// start, its seal) and SQLite storing it. After the fold the other core had nothing to do,
/// so it encodes while this one stores; encoding costs more than storing (at 100,000 issues
/// the other core encoded for the whole rows phase while this one waited for it a third of
/// the time), so this core, whenever the batch it must store next is not encoded yet, takes
/// the next batch nobody has taken and encodes it itself rather than wait. Batches are
/// handed over in number order, each one buffer that the statements bind in place (no copy
/// per value) and that outlives their steps; at most `ahead` batches wait, so the memory
/// stays bounded. Each core gathers the names and counts of the batches it encoded; they are
/// merged at the end (`NameRows.merge`).
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

    /// Which batches are taken, encoded and stored: batch `k` holds `numbers[k * batchSize...]`.
    private struct Progress {
        /// Batches taken by either core, from the first: the next to take is this one.
        var taken = 0
        /// Batches handed to the inserting core, from the first.
        var handed = 0
        var encoded: [Int: Batch] = [:]
        var cancelled = false
    }

    private let progress = Mutex(Progress())
    /// Signalled when the other core has encoded a batch.
    private let ready = DispatchSemaphore(value: 0)
    /// Signalled when a batch is handed over (the other core may go further ahead) or the work is cancelled.
    private let room = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    /// Written by the other core before `finished` is signalled, read after it.
    private var gathered = NameRows()
    private var counted = ColumnCounts()
    /// What this core gathered from the batches it encoded itself.
    private var gatheredHere = NameRows()
    private var countedHere = ColumnCounts()
    private var waited = false
    private let encode: (Int, inout NameRows, inout ColumnCounts) -> Batch
    private let batches: Int

    static let batchSize = 1024
    static let ahead = 8

    /// Starts encoding the rows of `state`'s issues `numbers` (ascending) on another core;
    /// `offsets` are where each folded event's line starts (`EventLog.eventOffsets`).
    init(_ state: BoardState, numbers: [Int], offsets: [Int64]) {
        let issues = state.issues, ends = state.timelineEnds, next = state.nextInTimeline
        batches = (numbers.count + EncodedIssueRows.batchSize - 1) / EncodedIssueRows.batchSize
        encode = { batch, names, counts in
            var out = SnapshotWriter(flushAt: .max)
            var rows: [Row] = [], facts: [SQLiteValue?] = []
            rows.reserveCapacity(EncodedIssueRows.batchSize)
            facts.reserveCapacity(EncodedIssueRows.batchSize * IssueRow.factColumns.count)
            let start = batch * EncodedIssueRows.batchSize
            // Each issue copied once (its strings retained once) for the four steps below:
            // handed to each as `values[slot]`, it was copied for most of them.
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
            return Batch(bytes: out.bytes, rows: rows, facts: facts)
        }
        DispatchQueue.global(qos: .userInitiated).async {
            var names = NameRows()
            var counts = ColumnCounts()
            while let batch = self.take(waiting: true) {
                let encoded = self.encode(batch, &names, &counts)
                self.progress.withLock { $0.encoded[batch] = encoded }
                self.ready.signal()
            }
            self.gathered = names
            self.counted = counts
            self.finished.signal()
        }
    }

    /// The next batch nobody has taken, taken; nil when there is none (or the work is
    /// cancelled). The other core (`waiting`) takes none more than `ahead` batches past the
    /// one being stored and waits for room; this one takes whatever is left.
    private func take(waiting: Bool) -> Int? {
        while true {
            let taken = progress.withLock { progress -> Int?? in
                guard !progress.cancelled, progress.taken < batches else { return .some(nil) }
                guard !waiting || progress.taken < progress.handed + EncodedIssueRows.ahead else { return nil }
                progress.taken += 1
                return progress.taken - 1
            }
            if let taken { return taken }
            room.wait()
        }
    }

    /// Stops the encoding (at the end of the batch under way) and waits for the other core to
    /// let go: call once the rows are inserted, or when the build fails midway.
    func finish() {
        progress.withLock { $0.cancelled = true }
        room.signal()
        wait()
    }

    /// The next batch in number order, encoded here if nobody has taken one yet that is not
    /// ready, else waiting for the other core; nil after the last.
    func next() -> Batch? {
        while true {
            enum Step { case hand(Batch), end, encodeHere(Int), wait }
            let step = progress.withLock { progress -> Step in
                guard progress.handed < batches, !progress.cancelled else { return .end }
                if let batch = progress.encoded.removeValue(forKey: progress.handed) {
                    progress.handed += 1
                    return .hand(batch)
                }
                guard progress.taken < batches else { return .wait }
                progress.taken += 1
                return .encodeHere(progress.taken - 1)
            }
            switch step {
            case .hand(let batch):
                room.signal()
                return batch
            case .end:
                return nil
            case .encodeHere(let batch):
                let encoded = encode(batch, &gatheredHere, &countedHere)
                progress.withLock { $0.encoded[batch] = encoded }
            case .wait:
                ready.wait()
            }
        }
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

    /// Waits for the other core to let go, then merges what this one gathered into its names and counts.
    private func wait() {
        guard !waited else { return }
        finished.wait()
        waited = true
        gathered.merge(gatheredHere)
        counted.add(countedHere)
        gatheredHere = NameRows()
        countedHere = ColumnCounts()
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
