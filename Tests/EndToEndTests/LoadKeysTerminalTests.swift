import Foundation
import Testing

/// Keys typed while the full-screen board is still being read, after its first frame (drawn
/// from the index): cursor moves are answered at once from that first screen, the session then
/// makes them again on the whole board, and other keys wait for it.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct LoadKeysTerminalTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    /// The look of the card `#number` (where its `#` is), if it is on the screen.
    static func card(_ number: Int, _ rows: [[StyledCell]]) -> StyledCell? {
        StyledCell.at("#\(number) Issue \(number) ", in: rows)
    }

    /// A board of 15,000 issues (a 7.5 MB log, no cache of it) with its index built: `lanes`
    /// draws its first frame from the index, then reads the log. The read is held at its start
    /// (`HeldBoardRead`) until the test has seen the frames it checks, so the keys certainly come
    /// while the board is being read: before, the test raced the read, and a loaded machine could
    /// finish it first (or show a frame half drawn that looked so). `jj` moves the selection from
    /// #1 to #3 on a frame that says the board is being read; once the read is let go, the
    /// session's frame keeps #3 selected and `<Enter>` opens it. Before the first screen answered
    /// moves, every key waited for the whole read and no frame showed a move during it.
    @Test func movesAreAnsweredFromTheFirstScreenWhileTheBoardIsRead() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try scratch.appendIssues(15_000)
        #expect(try lanes.run(["show", "1"]).status == 0) // builds the index
        // A board opened once (its cache and the cache's key written), then its cache removed:
        // the read asks git about them (the gate holds it there) and reads the whole log.
        #expect(try lanes.run(["--keys", "q", "--size", "80x24", "--dump"]).status == 0)
        try FileManager.default.removeItem(atPath: scratch.path + "/.lanes/cache")
        let read = try HeldBoardRead(in: scratch.path + "/held", board: scratch.path)
        defer { read.release() }
        let tmux = try lanes.inTmux(width: 120, height: 30, environment: read.environment)
        let card = LoadKeysTerminalTests.card, alike = StyledCell.sameLook
        let before = try tmux.waitForStyled("the first screen") { card(1, $0) != nil && card(3, $0) != nil && card(5, $0) != nil }
        #expect(!before.map { String($0.map(\.character)) }.joined().contains("reading the board"))
        try #require(eventually { read.reached }, "the board's read never came to the gate that holds it")
        let selected = card(1, before), plain = card(3, before)
        #expect(!alike(selected, plain), "the selection looks like any card")
        try tmux.send("j", "j")
        // The frame answering the moves, drawn while the board is read (it cannot be done).
        try tmux.waitForStyled("#3 selected on a frame saying the board is being read") { rows in
            rows.map { String($0.map(\.character)) }.joined(separator: "\n").contains("reading the board")
                && alike(card(3, rows), selected) && alike(card(1, rows), plain)
        }
        // The session's frame (the board read whole) keeps #3 selected; <Enter> opens it.
        read.release()
        try tmux.waitFor("the board read") { !$0.contains("reading the board") && $0.contains("#5 Issue 5 ") }
        try tmux.send("Enter")
        try tmux.waitFor("#3 opened") { $0.contains("Timeline") && $0.contains("#3 Issue 3") }
        try tmux.send("q")
        try tmux.waitForStyled("the board again, #3 selected") { alike(card(3, $0), selected) && alike(card(1, $0), plain) }
        try tmux.send("q")
        try tmux.waitFor(text: "exit=0")
    }
}
