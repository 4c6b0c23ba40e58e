import LanesTestSupport
import Testing
@testable import BoardModel
@testable import BoardStore

/// The reporters of issues filed from mail survive the log and the snapshot cache.
@Suite struct ReporterStoreTests {
    @Test func reportedEventsRoundTripAndTheSnapshotKeepsReporters() throws {
        var factory = EventFactory()
        for reporter in ["Ana Lima <ana@example.com>", "\"Lima, Ana\" <a\tb@x>", "日本 <jp@example.jp>"] {
            let event = factory.make(1, .reported(reporter))
            let line = LineCodec.encode(event)
            let decoded = try line.dropLast().withUnsafeBufferPointer { try LineCodec.decode($0) }
            #expect(decoded == event)
        }
        let dir = TemporaryDirectory()
        let location = BoardLocation(root: dir.path)
        try EventLog.create(location)
        let log = try EventLog.open(location, snapshots: .off)
        try log.commit { state throws(BoardError) in
            var events = try state.events(for: .create(title: "Printer"), actor: "intake", at: .now)
            events.append(Event(id: .random(), at: .now, actor: "intake", issue: 1, kind: .reported("Ana <ana@example.com>")))
            events.append(Event(id: .random(), at: .now, actor: "intake", issue: 1, kind: .reported("Bob <bob@example.net>")))
            events.append(Event(id: .random(), at: .now, actor: "intake", issue: 1, kind: .reported("Ana again <ANA@example.com>")))
            for event in events { state.apply(event) }
            return events
        }
        #expect(log.state.issues[1]?.reporters == ["Ana <ana@example.com>", "Bob <bob@example.net>"])
        let policy = SnapshotPolicy(minimumBytes: 0, maximumTail: 1 << 20)
        _ = try EventLog.open(location, snapshots: policy) // writes the cache
        let cached = try EventLog.open(location, snapshots: policy)
        #expect(cached.readFromCache, "opened through the cache")
        #expect(cached.state.issues[1]?.reporters == ["Ana <ana@example.com>", "Bob <bob@example.net>"])
    }
}
