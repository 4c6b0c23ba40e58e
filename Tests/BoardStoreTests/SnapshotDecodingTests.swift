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

    /// `state` through its snapshot bytes, its events placeholders.
    func decode(_ state: BoardState) throws -> BoardState {
        var writer = SnapshotWriter()
        state.writeSnapshot(to: &writer)
        return try writer.bytes.withUnsafeBytes { raw in
            var reader = SnapshotReader(raw)
            return try BoardState(snapshot: &reader, archive: Placeholders(count: state.events.count))
        }
    }

    /// Where an array's elements are: the same for two arrays that share their storage.
    func storage(_ list: [String]) -> UnsafeRawPointer? { list.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }

    /// A board's issues name a few distinct lists of labels and assignees: each is decoded
    /// once and shared (10 MB of a 100k board), and an issue changed afterwards gets its own.
    @Test func equalNameListsAreDecodedIntoOneSharedArray() throws {
        let state = try board((1...3).map { .create(title: "Issue \($0)", labels: ["bug", "ui"], assignees: ["ann"]) }
                              + [.create(title: "other", labels: ["ui", "bug"])])
        var decoded = try decode(state)
        #expect(decoded.issues.values == state.issues.values)
        let issues = (1...4).map { decoded.issues[$0]! }
        #expect(storage(issues[0].labels) == storage(issues[1].labels) && storage(issues[1].labels) == storage(issues[2].labels))
        #expect(storage(issues[0].assignees) == storage(issues[2].assignees))
        #expect(storage(issues[0].labels) != storage(issues[3].labels), "the same labels in another order are another list")
        decoded.apply(Event(id: EventID(77), at: Timestamp(milliseconds: 1_780_000_000_000), actor: "bo", issue: 2, kind: .labelled("p1")))
        #expect(decoded.issues[2]!.labels == ["bug", "ui", "p1"])
        #expect(decoded.issues[1]!.labels == ["bug", "ui"] && decoded.issues[3]!.labels == ["bug", "ui"])
    }

    /// More distinct lists than the table first has room for: each still decodes to itself.
    @Test func manyDistinctNameListsDecodeToThemselves() throws {
        let state = try board((1...1_500).map { .create(title: "Issue \($0)", labels: ["l\($0 % 700)"], assignees: ["u\($0 % 3)"]) })
        let decoded = try decode(state)
        #expect(decoded.issues.values == state.issues.values)
        #expect(storage(decoded.issues[1]!.labels) == storage(decoded.issues[701]!.labels))
    }

    /// Every clock and lifecycle stamp survives the cache, however many differ from the first.
    @Test func editedClocksRoundTrip() throws {
        let day = CalendarDate(daysSinceEpoch: 20_700)
        let state = try board((1...4).map { .create(title: "Issue \($0)") }
                              + [.retitle(1, "renamed"), .editBody(2, "new body"), .setDue(2, day), .snooze(3, day),
                                 .prioritise(3, .high), .move(4, to: "done"), .lifecycle(4, .archived), .lifecycle(4, .deleted)])
        let decoded = try decode(state)
        #expect(decoded.issues.values == state.issues.values)
        #expect(decoded.issues[1]!.clocks.title != decoded.issues[1]!.clocks.body)
        #expect(decoded.issues[4]!.lifecycle.deletedStamp != Lifecycle.unset)
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
