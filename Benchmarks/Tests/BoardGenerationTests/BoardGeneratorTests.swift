import BoardGeneration
import BoardModel
import BoardStore
import Foundation
import Testing

/// The generated boards must be boards every reader takes whole: #20's measurements at 1M
/// issues read a board whose last 220,000 events were dated up to six days ahead, which
/// readers set aside (and with them the cache, so every command read the whole log).
@Test func generatedEventsAreAllInThePast() throws {
    let root = NSTemporaryDirectory() + "board-generator-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: root) }
    let location = BoardLocation(root: root)
    let before = Timestamp.now
    // About 10.5 events an issue are written for 10 asked for, as in the 1M board.
    try BoardGenerator.write(issues: 200, events: 2_000, to: location)
    let log = try EventLog.open(location, snapshots: .off)
    #expect(log.problems.isEmpty)
    #expect(log.state.events.count > 2_000)
    let latest = log.state.events.map(\.at.milliseconds).max() ?? 0
    #expect(latest <= before.milliseconds, "the last event is \(latest - before.milliseconds) ms ahead of the clock")
}
