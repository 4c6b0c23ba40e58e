import Foundation
import Testing

/// Keys typed while the full-screen board is still being read, after its first frame (drawn
/// from the index): cursor moves are answered at once from that first screen, the session then
/// makes them again on the whole board, and other keys wait for it.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct LoadKeysTerminalTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    /// The style the card `#number` is drawn in (where its `#` is), if it is on the screen.
    static func cardStyle(_ number: Int, in rows: [[StyledCell]]) -> StyledCell? {
        for row in rows {
            let text = String(row.map(\.character))
            guard let range = text.range(of: "#\(number) Issue \(number) ") else { continue }
            return row[text.distance(from: text.startIndex, to: range.lowerBound)]
        }
        return nil
    }

    /// Whether two cards are drawn alike as far as the selection goes (its background; bold
    /// and colours carry over from the row above in `capture-pane -e`, which starts each row
    /// with only what changed).
    static func sameLook(_ a: StyledCell?, _ b: StyledCell?) -> Bool {
        guard let a, let b else { return false }
        return a.background == b.background && a.reverse == b.reverse
    }

    /// A board whose whole read takes a while (15,000 issues, a 7.5 MB log and no cache of it),
    /// with its index built: `lanes` draws its first frame from the index at once, then reads
    /// the log. `jj` typed then moves the selection from #1 to #3 on a frame that still says
    /// the board is being read (the load is observable on the status line: no timing is
    /// asserted); `<Enter>` waits for the board and opens #3. Before, every key waited for
    /// the whole read and the first frame after `jj` was the session's.
    @Test func movesAreAnsweredFromTheFirstScreenWhileTheBoardIsRead() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try scratch.appendIssues(15_000)
        #expect(try lanes.run(["show", "1"]).status == 0) // builds the index
        try? FileManager.default.removeItem(atPath: scratch.path + "/.lanes/cache")
        let tmux = try lanes.inTmux(width: 120, height: 30)
        let first = try tmux.waitFor(text: "#5 Issue 5 ")
        #expect(!first.contains("reading the board"))
        let before = try tmux.styledScreen()
        let selected = LoadKeysTerminalTests.cardStyle(1, in: before), plain = LoadKeysTerminalTests.cardStyle(3, in: before)
        #expect(!LoadKeysTerminalTests.sameLook(selected, plain), "the selection looks like any card")
        try tmux.send("j", "j")
        // The frame answering the moves, drawn while the board is read.
        var answered: [[StyledCell]]?
        var moved: (text: String, at: Date)? // when a frame without the status first showed #1 unselected
        let deadline = Date().addingTimeInterval(30)
        while answered == nil, Date() < deadline {
            let rows = try tmux.styledScreen()
            let text = rows.map { String($0.map(\.character)) }.joined(separator: "\n")
            if text.contains("reading the board") {
                if LoadKeysTerminalTests.sameLook(LoadKeysTerminalTests.cardStyle(3, in: rows), selected) { answered = rows }
            } else if text.contains("#1 Issue 1 "), !LoadKeysTerminalTests.sameLook(LoadKeysTerminalTests.cardStyle(1, in: rows), selected) {
                // Either a frame caught half drawn (its cards redrawn, its status line not yet:
                // what failed in CI) or the session's, the load having ended first. Only the
                // session's stays as it is: the race is lost once the same screen holds for 0.3 s.
                if let seen = moved, seen.text == text {
                    if Date().timeIntervalSince(seen.at) > 0.3 { break }
                } else {
                    moved = (text, Date())
                }
            } else {
                moved = nil
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        let shown = try tmux.screen()
        let rows = try #require(answered, "no frame showed the moves while the board was read: \(shown)")
        #expect(LoadKeysTerminalTests.sameLook(LoadKeysTerminalTests.cardStyle(1, in: rows), plain))
        // The session's frame (the board read whole) keeps #3 selected; <Enter> opens it.
        try tmux.waitFor("the board read") { !$0.contains("reading the board") }
        try tmux.send("Enter")
        #expect(try tmux.waitFor(text: "Timeline").contains("#3 Issue 3"))
        try tmux.send("q")
        try tmux.waitFor(text: "#5 Issue 5 ")
        #expect(LoadKeysTerminalTests.sameLook(LoadKeysTerminalTests.cardStyle(3, in: try tmux.styledScreen()), selected))
        try tmux.send("q")
        try tmux.waitFor(text: "exit=0")
    }
}
