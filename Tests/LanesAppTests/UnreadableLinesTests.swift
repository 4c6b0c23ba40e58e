import Foundation
import Testing
@testable import BoardStore
@testable import LanesApp
import Screen

/// Lines the reader cannot use are not only `lanes check`'s business: the board says on its
/// status line how many there are and how to see them.
@Suite struct UnreadableLinesTests {
    @Test func theStatusLineCountsUnreadableLinesAndNamesLanesCheck() throws {
        let h = try SessionHarness([.create(title: "kept")])
        let handle = try #require(FileHandle(forWritingAtPath: h.log.location.eventsPath))
        handle.seekToEndOfFile()
        handle.write(Data("not an event\nneither is this\n".utf8))
        try handle.close()
        let log = try EventLog.open(h.log.location)
        #expect(log.problems.count == 2)
        let session = BoardSession(log: log, screen: MemoryScreen(width: 100, height: 30),
                                   configuration: Configuration(rcFiles: [], environment: ["LANG": "C.UTF-8"]), actor: "ann")
        let text = session.frame().text
        #expect(text.contains("2 lines of the log could not be read") && text.contains("lanes check"), "\(text)")
        #expect(text.contains("kept"), "the rest of the board still shows")
    }
}
