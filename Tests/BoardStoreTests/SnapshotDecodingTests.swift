import Testing
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// A cache file passes its checksum only if whole, but anyone who can write `.lanes/` can
/// also write a matching checksum: decoding must survive any content, never trap.
@Suite struct SnapshotDecodingTests {
    /// Events read back on demand; here, placeholders.
    struct Placeholders: EventArchive {
        let count: Int
        func event(at index: Int) -> Event {
            Event(id: EventID(UInt64(index)), at: Timestamp(milliseconds: 0), actor: "x", issue: 1, kind: .commented(""))
        }
    }

    /// The cache is decoded before its checksum is known (on the other core): a count the
    /// bytes cannot hold is refused before any room is made for it, not allocated and trapped on.
    @Test func anIssueCountBeyondTheBytesIsRefusedBeforeAnythingIsReserved() {
        var writer = SnapshotWriter()
        writer.columns(Column.defaults)
        writer.landings([:])
        writer.int(NumberedTable<BoardModel.Issue>.maximumNumber) // the highest number
        writer.int(0) // events
        writer.strings([]) // imported keys
        writer.int(NumberedTable<BoardModel.Issue>.maximumNumber) // issues: far more than the bytes hold
        let bytes = writer.bytes + [UInt8](repeating: 0, count: 64)
        let result = bytes.withUnsafeBytes { raw in
            var reader = SnapshotReader(raw)
            return Result { () throws(SnapshotReader.Damaged) in try BoardState(snapshot: &reader, archive: Placeholders(count: 0)) }
        }
        #expect(throws: SnapshotReader.Damaged.self) { try result.get() }
    }

    @Test func mutatedSnapshotsDecodeOrAreRejectedNeverTrap() throws {
        let state = try board((1...12).map { .create(title: "Issue \($0) 日本語", body: "body", labels: ["bug"], assignees: ["ann"]) }
                              + [.move(3, to: "done"), .comment(4, "hi"), .retitle(5, "renamed")])
        var writer = SnapshotWriter()
        state.writeSnapshot(to: &writer)
        let good = writer.bytes
        let events = state.events.count

        // The unmutated bytes round-trip.
        let decoded = try good.withUnsafeBytes { raw in
            var reader = SnapshotReader(raw)
            return try BoardState(snapshot: &reader, archive: Placeholders(count: events))
        }
        #expect(decoded.issues.values == state.issues.values)

        var random = SeededGenerator(seed: 12)
        var rejected = 0
        for round in 0..<3_000 {
            var bytes = good
            switch round % 4 {
            case 0: bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
            case 1: bytes.removeLast(Int(random.next() % UInt64(bytes.count)))
            case 2: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: Int(random.next() % UInt64(bytes.count)))
            default: bytes = (0..<Int(random.next() % 200)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            }
            let archive = Placeholders(count: round % 5 == 0 ? Int(random.next() % 100) : events)
            let result = bytes.withUnsafeBytes { raw in
                var reader = SnapshotReader(raw)
                return Result { () throws(SnapshotReader.Damaged) in try BoardState(snapshot: &reader, archive: archive) }
            }
            guard case .success(let mutated) = result else { rejected += 1; continue }
            // Whatever decoded must be usable: every timeline walks within the archive.
            for number in mutated.issues.keys { _ = mutated.timelines[number] }
        }
        #expect(rejected > 1_000, "most damage is noticed")
    }
}
