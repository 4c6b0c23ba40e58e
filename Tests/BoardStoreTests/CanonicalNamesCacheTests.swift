import Foundation
import Testing
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// An issue's author and the column it was closed from are numbers into the process's name
/// table (`InternedName`), which keys names by their bytes. Names that Swift's `==` calls equal
/// but whose bytes differ (é composed, e and a combining accent; the Kelvin sign and K are not
/// equal) must each read back as the log holds them, whether the board is read whole or from
/// its cache, and whichever spelling the process met first.
@Suite struct CanonicalNamesCacheTests {
    @Test func canonicallyEqualNamesReadBackFromTheCacheAsTheLogHoldsThem() throws {
        let dir = TemporaryDirectory()
        let location = BoardLocation(root: dir.path)
        try EventLog.create(location)
        let tag = String(UInt32.random(in: 0...UInt32.max))
        // Decomposed first, so the process's table meets it before the composed spelling.
        let decomposed = "E\u{301}mile-\(tag)", composed = "\u{C9}mile-\(tag)"
        #expect(decomposed == composed && Array(decomposed.utf8) != Array(composed.utf8))
        let writer = try EventLog.open(location, snapshots: .off)
        let columns = writer.state.columns.map(\.id)
        for (number, actor) in [decomposed, composed, decomposed, composed].enumerated() {
            try writer.commit([.create(title: "by \(actor)", column: columns[number % columns.count], assignees: [actor])], actor: actor)
        }
        // Closed from two columns, by either spelling.
        try writer.commit([.close(1), .close(2)], actor: composed)
        let expected = try EventLog.open(location, snapshots: .off).state
        func spelling(_ state: BoardState) -> [[[UInt8]]] {
            state.issues.values.map { issue in
                [Array(issue.author.utf8), Array((issue.columnBeforeClose ?? "-").utf8), Array(issue.column.utf8)] + issue.assignees.map { Array($0.utf8) }
            }
        }
        #expect(spelling(expected).map { $0[0] } == [decomposed, composed, decomposed, composed].map { Array($0.utf8) })
        let first = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(!first.readFromCache && FileManager.default.fileExists(atPath: location.snapshotPath))
        #expect(spelling(first.state) == spelling(expected), "read whole")
        let second = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(second.readFromCache)
        #expect(spelling(second.state) == spelling(expected), "read from the cache")
        // Read back on another thread too.
        let state = second.state
        let elsewhere = try #require(DispatchQueue.global().sync { Optional(spelling(state)) })
        #expect(elsewhere == spelling(expected))
    }
}
