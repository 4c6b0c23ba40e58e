import Foundation
import Testing
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// `column-*` events in the log and the snapshot cache (docs/store-format.md).
@Suite struct ColumnStoreTests {
    static let kinds: [ColumnEvent] = [
        .added(Column(id: "qa", name: "Q\tA 日本", isClosing: true, wip: 3), after: "doing"),
        .added(Column(id: "new", name: "New"), after: nil), .renamed("qa", name: "Testing\n2"),
        .moved("qa", after: nil), .moved("qa", after: "todo"), .removed("qa", to: "done"), .removed("new", to: nil),
        .limited("todo", wip: 0), .limited("todo", wip: nil), .closing("todo", true), .closing("todo", false),
    ]

    @Test(arguments: kinds)
    func everyColumnEventRoundTripsAsOneBoardLine(_ change: ColumnEvent) throws {
        let event = Event(id: .random(), at: Timestamp(milliseconds: 1_780_000_000_123), actor: "ann", issue: 0, kind: .column(change))
        let bytes = LineCodec.encode(event)
        #expect(bytes.filter { $0 == 10 }.count == 1)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\t-\t" + change.name + "\t"))
        #expect(try bytes.dropLast().withUnsafeBufferPointer { try LineCodec.decode($0) } == event)
    }

    @Test(arguments: [
        "00000000000000aa\t2026-01-01T00:00:00.000Z\tann\t#1\tcolumn-renamed\tqa\tQA",
        "00000000000000aa\t2026-01-01T00:00:00.000Z\tann\t-\tcolumn-wip\tqa\tmany",
        "00000000000000aa\t2026-01-01T00:00:00.000Z\tann\t-\tcolumn-wip\tqa\t100000",
        "00000000000000aa\t2026-01-01T00:00:00.000Z\tann\t-\tcolumn-closing\tqa\tmaybe",
        "00000000000000aa\t2026-01-01T00:00:00.000Z\tann\t-\tcolumn-added\tqa\tQA\t-",
    ])
    func malformedColumnLinesAreErrors(_ line: String) {
        #expect(throws: LineError.self) { try Array(line.utf8).withUnsafeBufferPointer { try LineCodec.decode($0) } }
    }

    /// WIP limits and removed columns (where late moves into them land) are in the snapshot.
    @Test func aBoardOpenedThroughItsSnapshotKeepsColumnsLimitsAndRemovals() throws {
        let dir = TemporaryDirectory()
        let location = BoardLocation(root: dir.path)
        try EventLog.create(location)
        let log = try EventLog.open(location, snapshots: .off)
        try log.commit([.create(title: "a", column: "review"), .column(.limit("todo", wip: 4)),
                        .column(.add(Column(id: "qa", name: "QA", wip: 2), at: .first)),
                        .column(.remove("review", to: "qa"))], actor: "ann")
        let always = SnapshotPolicy(minimumBytes: 0, maximumTail: 1 << 20)
        _ = try EventLog.open(location, snapshots: always) // writes the snapshot
        let cached = try EventLog.open(location, snapshots: always)
        #expect(cached.readFromCache && cached.state.events.archive?.count == log.state.events.count, "opened from the snapshot")
        #expect(cached.state.columns == log.state.columns)
        #expect(cached.state.removedColumns == ["review": "qa"])
        #expect(cached.state.issues[1]?.column == "qa")
        // A clone that had not seen the removal moves an issue into it: it lands in QA.
        var line: [UInt8] = []
        LineCodec.encode(Event(id: .random(), at: .now, actor: "bob", issue: 1, kind: .moved(from: "qa", to: "review", rank: 9)), into: &line)
        let handle = try #require(FileHandle(forWritingAtPath: location.eventsPath))
        handle.seekToEndOfFile()
        handle.write(Data(line))
        try handle.close()
        let after = try EventLog.open(location, snapshots: always)
        #expect(after.state.issues[1]?.column == "qa")
        #expect(try after.check().isEmpty)
    }
}
