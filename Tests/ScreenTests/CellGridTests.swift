import Testing
@testable import Screen

@Suite struct CellGridTests {
    @Test func putClipsAtTheLimit() {
        var grid = CellGrid(width: 10, height: 1)
        let end = grid.put("hello world", x: 2, y: 0, style: .plain, limit: 7)
        #expect(end == 7)
        #expect(grid.line(0) == "  hello")
    }

    @Test func wideCharactersUseTwoCellsAndNeverStraddleTheLimit() {
        var grid = CellGrid(width: 6, height: 1)
        grid.put("日本語", x: 0, y: 0, style: .plain, limit: 5)
        #expect(grid[0, 0].width == 2)
        #expect(grid[1, 0].isContinuation)
        #expect(grid.line(0) == "日本")
        #expect(grid[4, 0].text == " ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("日本", x: 0, y: 0, style: .plain)
        grid.put("x", x: 1, y: 0, style: .plain)
        #expect(grid.line(0) == " x本")
        #expect(!grid[0, 0].isContinuation && grid[0, 0].width == 1)
    }

    @Test func writesOutsideTheGridAreIgnored() {
        var grid = CellGrid(width: 3, height: 2)
        grid.put("abc", x: -1, y: 0, style: .plain)
        grid.put("zzz", x: 0, y: 5, style: .plain)
        grid.fill(Rect(x: -5, y: -5, width: 100, height: 1), style: .plain, text: "#")
        #expect(grid.lines == ["bc", ""])
    }

    @Test func emptyGridHasNoLines() {
        let grid = CellGrid(width: 0, height: 0)
        #expect(grid.lines.isEmpty)
    }
}
