import Testing
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// Archived and deleted survive the log's text and the snapshot cache.
@Suite struct LifecycleStoreTests {
    @Test func lifecycleEventsRoundTripThroughTheLogLine() throws {
        for step in LifecycleStep.allCases {
            let event = Event(id: EventID(7), at: Timestamp(milliseconds: 1_780_000_000_000), actor: "ann", issue: 3, kind: .lifecycle(step))
            let line = LineCodec.encode(event)
            #expect(String(decoding: line, as: UTF8.self).hasSuffix("\t#3\t\(step.rawValue)\n"))
            let decoded = try line.dropLast().withUnsafeBufferPointer { try LineCodec.decode($0) }
            #expect(decoded == event)
        }
    }

    @Test func aBoardOpenedThroughItsSnapshotKeepsArchivedAndDeleted() throws {
        let dir = TemporaryDirectory()
        let location = BoardLocation(root: dir.path)
        try EventLog.create(location)
        let log = try EventLog.open(location, snapshots: .off)
        try log.commit((1...6).map { .create(title: "issue \($0)") }, actor: "ann")
        try log.commit([.lifecycle(2, .archived), .lifecycle(3, .deleted), .lifecycle(4, .archived), .lifecycle(4, .deleted)], actor: "bob")
        try log.commit([.lifecycle(5, .archived), .lifecycle(5, .unarchived)], actor: "ann")
        _ = try EventLog.open(location, snapshots: SnapshotTests.always) // writes the cache
        let cached = try EventLog.open(location, snapshots: SnapshotTests.always)
        let full = try EventLog.open(location, snapshots: .off)
        #expect(cached.readFromCache, "opened through the cache")
        #expect(cached.state.issues.values == full.state.issues.values)
        #expect(cached.state.hiddenCount == 3 && full.state.hiddenCount == 3)
        #expect(cached.state.issues[4]!.isArchived && cached.state.issues[4]!.isDeleted)
        // The stamps came back too: an older step still loses to the one the cache holds.
        try cached.commit([.lifecycle(4, .restored)], actor: "ann")
        #expect(cached.state.issues[4]!.isArchived && !cached.state.issues[4]!.isDeleted)
    }
}
