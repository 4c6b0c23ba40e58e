import Testing
@testable import Screen

/// `CellGrid.changes(from:)` is what the ncurses backend paints: these pin down which cells a
/// frame sends, wide and combined characters included.
@Suite struct CellDiffTests {
    private func grid(_ rows: String..., width: Int? = nil) -> CellGrid {
        var grid = CellGrid(width: width ?? 6, height: rows.count)
        for (y, row) in rows.enumerated() { grid.put(row, x: 0, y: y, style: .plain) }
        return grid
    }

    private func painted(_ changes: [CellChange]) -> [String] {
        changes.map { "\($0.x),\($0.y):\($0.cell.text)" }
    }

    @Test func anUnchangedGridPaintsNothing() {
        let frame = grid("abc", "日本")
        #expect(frame.changes(from: frame).isEmpty)
    }

    @Test func onlyTheChangedCellIsPainted() {
        #expect(painted(grid("abc", "xyz").changes(from: grid("abc", "xbz"))) == ["1,1:y"])
    }

    @Test func aWideCharacterIsPaintedFromItsFirstCellOnly() {
        let changes = grid("a日b").changes(from: grid("a"))
        #expect(painted(changes) == ["1,0:日", "3,0:b"])
        #expect(changes.first?.cell.width == 2)
    }

    @Test func aCombiningMarkChangesTheCellItSitsOn() {
        let changes = grid("ae\u{301}").changes(from: grid("ae"))
        #expect(changes.count == 1)
        #expect(changes.first?.x == 1)
        #expect(changes.first?.cell.text.unicodeScalars.map(\.value) == [0x65, 0x301])
    }

    @Test func aReplacedStyleRepaintsTheCellWithTheSameText() {
        var selected = grid("abc")
        selected.restyle(Rect(x: 1, y: 0, width: 1, height: 1)) { $0.attributes.insert(.reverse) }
        let changes = selected.changes(from: grid("abc"))
        #expect(painted(changes) == ["1,0:b"])
        #expect(changes.first?.cell.style.attributes.contains(.reverse) == true)
    }

    @Test func aWideCharacterReplacedByTwoNarrowOnesPaintsBoth() {
        #expect(painted(grid("xy").changes(from: grid("日"))) == ["0,0:x", "1,0:y"])
    }

    @Test func twoNarrowCharactersReplacedByAWideOnePaintOnlyItsFirstCell() {
        let changes = grid("日").changes(from: grid("xy"))
        #expect(painted(changes) == ["0,0:日"])
        #expect(changes.first?.cell.width == 2)
    }

    @Test func aSizeChangeOrNoPreviousFrameRepaintsEveryCell() {
        let frame = grid("ab", "日", width: 3)
        let everyCell = ["0,0:a", "1,0:b", "2,0: ", "0,1:日", "2,1: "]
        #expect(painted(frame.changes(from: nil)) == everyCell)
        #expect(painted(frame.changes(from: grid("ab", "日", width: 4))) == everyCell)
    }

    @Test func cellsOutsideTheVisibleTerminalAreNotPainted() {
        let frame = grid("abc", "def", width: 3)
        #expect(painted(frame.changes(from: nil, visible: (width: 2, height: 1))) == ["0,0:a", "1,0:b"])
    }
}
