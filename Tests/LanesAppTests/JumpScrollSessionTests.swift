import Testing
@testable import BoardModel
@testable import BoardQuery
@testable import BoardInteraction
@testable import LanesApp
import Screen

/// Moving down a long column turns part of a page at a time (#20: bytes to the terminal per
/// cursor move): the moves between two jumps repaint only the two cards whose selection changed.
@Suite struct JumpScrollSessionTests {
    /// A long Backlog beside four columns that hold cards too (beside empty columns a column's
    /// rows would be whole terminal rows, which is not what a board looks like).
    static func harness(backlog: Int = 120, width: Int, height: Int) throws -> SessionHarness {
        let words = ["login", "page", "crash", "export", "日本語", "sync", "dark mode", "翻訳", "API", "flaky"]
        var changes: [Change] = []
        for n in 1...backlog {
            let title = (0..<(2 + n % 5)).map { words[(n * 7 + $0 * 3) % words.count] }.joined(separator: " ")
            changes.append(.create(title: title, column: "backlog", labels: n % 3 == 0 ? ["label-\(n % 7)"] : [],
                                   assignees: n % 4 == 0 ? [] : ["user\(n % 5)"]))
        }
        for column in ["todo", "doing", "review", "done"] {
            for n in 1...20 { changes.append(.create(title: "\(column) card \(n) " + words[n % words.count], column: column)) }
        }
        let h = try SessionHarness(changes)
        h.screen.resize(width: width, height: height)
        h.type("")
        return h
    }

    var offset: (SessionHarness) -> Int { { $0.session.ui.cardOffset["backlog"] ?? 0 } }

    /// Cards a column shows from its first card, and once scrolled (a row goes to "↑ N more"):
    /// three rows a card between the header and the status line (BoardLayout.cards(scrolled:)).
    static func cards(height: Int) -> (full: Int, page: Int) { ((height - 2) / 3, (height - 3) / 3) }

    @Test(arguments: [(80, 24), (40, 12), (200, 50), (100, 30)])
    func movingDownALongColumnJumpsByMostOfAPageAndKeepsTheTopBetweenJumps(width: Int, height: Int) throws {
        let h = try Self.harness(width: width, height: height)
        let (full, page) = Self.cards(height: height)
        // Down to the last card shown: nothing scrolls.
        for _ in 1..<full { h.type("j") }
        #expect(offset(h) == 0)
        // One more: the column turns the page, keeping the card that was last shown above the selection.
        h.type("j")
        #expect(offset(h) == full - 1, "jumped to the card before the selection at \(width)×\(height)")
        #expect(h.screenText.split(separator: "\n")[2].contains("#\(full) "), "\(h.screenText)")
        // The moves after it keep the first card shown, until the selection leaves the page again.
        var offsets: [Int] = []
        for _ in 0..<(3 * page) {
            h.type("j")
            offsets.append(offset(h))
        }
        let jumps = zip(offsets, [full - 1] + offsets).filter { $0 != $1 }.map { $0 - $1 }
        #expect(jumps.count == (3 * page) / max(1, page - 1), "\(offsets)")
        #expect(jumps.allSatisfy { $0 == max(1, page - 1) && $0 * 2 >= page }, "jumps of a page minus a card: \(offsets)")
        let selected = try #require(BoardSelection.issue(h.session.ui, h.session.projection().lanes))
        #expect(h.screenText.contains("#\(selected) "), "the selection is shown")
    }

    @Test func movingUpFromTheEndJumpsTheOtherWay() throws {
        let h = try Self.harness(width: 100, height: 30)
        let page = Self.cards(height: 30).page
        h.type("G")
        let last = offset(h)
        #expect(last == 120 - page, "G shows a whole last page")
        for _ in 1..<page { h.type("k") }
        #expect(offset(h) == last, "the cards shown stay until the selection leaves them")
        h.type("k")
        #expect(offset(h) == last - (page - 1), "the card that was first shown stays below the selection")
        h.type("g")
        #expect(offset(h) == 0)
        #expect(!h.screenText.contains("↑"))
    }

    /// What the terminal is sent for 20 moves down a long column at 200×50, counted as the cells
    /// the backend paints (`CellGrid.changes(from:)`, exactly what NcursesScreen paints): every
    /// painted cell costs at least a byte, so #20's budget of 2 × width + 64 bytes a move bounds
    /// them. The bytes themselves are measured by Benchmarks/scripts/bytes-per-move.py.
    @Test func twentyMovesDownALongColumnPaintFewerCellsThanTheByteBudget() throws {
        let width = 200, height = 50
        let h = try Self.harness(width: width, height: height)
        let page = Self.cards(height: height).page
        for _ in 0..<page { h.type("j") } // the selection at the bottom: every move from here scrolls the column when it creeps
        var cells = 0, rowsOfMovesWithoutJump: [Set<Int>] = []
        for _ in 0..<20 {
            let before = h.screen.grid, top = offset(h)
            h.type("j")
            let changes = h.screen.grid.changes(from: before)
            cells += changes.count
            if offset(h) == top { rowsOfMovesWithoutJump.append(Set(changes.map(\.y))) }
        }
        #expect(cells <= 20 * (2 * width + 64), "\(cells / 20) cells a move")
        #expect(rowsOfMovesWithoutJump.count >= 20 - 2, "two page turns at most in 20 moves")
        #expect(rowsOfMovesWithoutJump.allSatisfy { $0.count == 2 }, "a move repaints the two title lines only: \(rowsOfMovesWithoutJump)")
    }
}
