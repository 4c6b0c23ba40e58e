import Foundation
import Testing
@testable import BoardIndex
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// A log written over in place at the same length (an editor saving a line changed by hand)
/// keeps its length and its last bytes: the index must not believe it, and must not rebuild
/// after the appends that are lanes' own way of changing the log.
@Suite struct LogEditedInPlaceTests {
    @Test func aLineChangedInPlaceAtTheSameLengthIsFoldedAgain() throws {
        let fixture = try IndexFixture()
        let log = try EventLog.open(fixture.location, snapshots: .off)
        try log.commit([.create(title: "issue one"), .create(title: "issue two"), .create(title: "issue three")], actor: "ann")
        // Lines enough after them that the edits lie well before the end mark (512 bytes).
        try log.commit((0..<40).map { .create(title: "later issue \($0)", body: String(repeating: "words ", count: 20)) }, actor: "bob")
        #expect(fixture.log.count > 4096)
        #expect(try fixture.open().showing(2).issues[2]?.title == "issue two")
        try editInPlace(fixture, "issue two", to: "ISSUE TWO")
        let index = try fixture.open()
        #expect(index.rebuilds == 1)
        #expect(try index.showing(2).issues[2]?.title == "ISSUE TWO")
        try fixture.expectMatchesFold(index)
        // The first screen's open (which never rebuilds) does not take it as current either.
        try editInPlace(fixture, "issue one", to: "ISSUE ONE")
        #expect(BoardIndex.openIfCurrent(fixture.location, environment: fixture.environment) == nil)
        #expect(try fixture.open().showing(1).issues[1]?.title == "ISSUE ONE")
    }

    @Test func appendsThroughTheIndexAndByOtherWritersAreNotTakenForAnEdit() throws {
        let fixture = try IndexFixture()
        let log = try EventLog.open(fixture.location, snapshots: .off)
        try log.commit([.create(title: "one")], actor: "ann")
        #expect(try fixture.open().rebuilds == 1)
        for round in 0..<3 {
            Thread.sleep(forTimeInterval: 0.02) // past the file system's clock tick
            _ = try fixture.open().commit([.create(title: "through the index \(round)")], actor: "bob")
            #expect(try fixture.open().rebuilds == 0, "after a write through the index, round \(round)")
            Thread.sleep(forTimeInterval: 0.02)
            try log.commit([.comment(1, "another writer's line \(round)")], actor: "cy")
            let caughtUp = try fixture.open()
            #expect(caughtUp.rebuilds == 0, "after another writer's line, round \(round)")
            #expect(try fixture.open().rebuilds == 0, "once caught up, round \(round)")
            #expect(BoardIndex.openIfCurrent(fixture.location, environment: fixture.environment) != nil, "round \(round)")
        }
        try fixture.expectMatchesFold(try fixture.open())
    }

    /// Writes `replacement` over the first `text` in the log, in place (the same file, the
    /// same length), after the file system's clock has moved on.
    private func editInPlace(_ fixture: IndexFixture, _ text: String, to replacement: String) throws {
        precondition(text.utf8.count == replacement.utf8.count)
        let bytes = fixture.log
        let needle = Array(text.utf8)
        let at = try #require((0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) })
        Thread.sleep(forTimeInterval: 0.02)
        let handle = try #require(FileHandle(forWritingAtPath: fixture.directory.file("board/.lanes/events")))
        try handle.seek(toOffset: UInt64(at))
        handle.write(Data(replacement.utf8))
        try handle.close()
    }
}
