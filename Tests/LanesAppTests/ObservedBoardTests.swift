import Testing
@testable import BoardModel
@testable import BoardStore
@testable import LanesApp

/// The run loop draws when the observable board changes, whoever changed it, and only then.
@Suite struct ObservedBoardTests {
    @Test func anotherWritersChangeReachesTheFrameThroughTheObservableBoard() throws {
        let h = try SessionHarness(SessionTests.seed)
        h.session.run(idleMilliseconds: nil) // the first frame; the board is observed from here
        #expect(!h.session.frameDue)

        // Another process: its own descriptor, lock and offset.
        let other = try EventLog.open(h.log.location)
        try other.commit([.create(title: "from elsewhere")], actor: "bob")
        #expect(!h.session.frameDue, "nothing is seen before the loop looks")

        h.session.refreshFromOthers() // what the loop does when no key came
        #expect(h.session.redraw.isRaised, "the board's observation asked for a frame")
        #expect(h.session.board.lastOrigin == .otherWriters)
        h.session.run(idleMilliseconds: nil) // no keys: it draws only because the board changed
        let text = h.screen.grid.text
        #expect(text.contains("from elsewhere"))
        #expect(text.contains("bob: #4"))

        h.session.refreshFromOthers()
        #expect(!h.session.frameDue, "a look that finds nothing new draws nothing")
    }
}
