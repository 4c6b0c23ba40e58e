import Foundation
import Testing
@testable import BoardIndex
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// An index nobody can be using is replaced by a file built beside it. A process that still
/// has the old file open (it opened it before, and waited) must not read or write through the
/// write-ahead log the new file now owns: it follows the replacement.
@Suite struct IndexReplacementTests {
    @Test func aConnectionToAReplacedFileReadsAndWritesTheNewOne() throws {
        let fixture = try IndexFixture()
        let log = try EventLog.open(fixture.location, snapshots: .off)
        try log.commit([.create(title: "one", labels: ["bug"]), .create(title: "two, see #1"), .move(1, to: "doing")], actor: "ann")
        let stale = try fixture.open()
        #expect(stale.rebuilds == 1)
        // Enough new issues that the new file's pages are not the old one's.
        try log.commit((0..<300).map { .create(title: "more \($0)", body: String(repeating: "text ", count: $0 % 40)) }, actor: "cy")
        // The meta forged (so no process may believe it) and the write-ahead log folded in:
        // the next process replaces the file.
        try SQLiteDatabase(path: fixture.indexPath, create: false).execute("UPDATE meta SET value = value + 1 WHERE key = 'covered'")
        try fixture.checkpoint()
        let other = try fixture.open()
        #expect(other.rebuilds == 1)
        try other.commit([.create(title: "three hundred and three")], actor: "bob") // its pages in the new file's write-ahead log
        try stale.commit([.create(title: "next"), .comment(303, "seen"), .move(150, to: "done")], actor: "ann")
        #expect(stale.rebuilds == 1, "it followed the new file rather than rebuilding")
        try fixture.expectMatchesFold(stale)
        try fixture.expectMatchesFold(try fixture.open())
        #expect(try fixture.open().showing(304).issues[304]?.title == "next")
    }
}
