import Testing
@testable import Screen

/// A terminal whose locale is not UTF-8 gets one ASCII character per cell.
@Suite struct ASCIIFallbackTests {
    @Test func everyCellOfNonASCIITextBecomesOneReplacement() {
        var grid = CellGrid(width: 24, height: 3)
        grid.put("Überprüfung|", x: 0, y: 0, style: .plain)
        grid.put("日本語のタイトル|", x: 0, y: 1, style: Style(attributes: .bold))
        grid.put("e\u{301} 👩‍💻 │─↓↑… ·", x: 0, y: 2, style: .plain)
        let ascii = grid.replacingNonASCII()
        #expect(ascii.line(0) == "?berpr?fung|")
        #expect(ascii.line(1) == String(repeating: "?", count: 16) + "|")
        #expect(ascii.line(2) == "? ?? |-v^~ -")
        for y in 0..<3 {
            #expect(ascii.line(y).allSatisfy { $0.isASCII }, "row \(y)")
            for x in 0..<24 {
                #expect(ascii[x, y].width == 1 && ascii[x, y].text.utf8.count == 1, "one byte per cell at \(x),\(y)")
            }
        }
        #expect(ascii[3, 1].style == Style(attributes: .bold), "the style of each cell is kept")
        #expect(ascii.cursor == nil)
    }

    /// The Markdown view's list bullets and table crossings have look-alikes too.
    @Test func markdownSymbolsHaveLookAlikes() {
        var grid = CellGrid(width: 8, height: 1)
        grid.put("• a─┼─b", x: 0, y: 0, style: .plain)
        #expect(grid.replacingNonASCII().line(0) == "* a-+-b")
    }

    @Test func anASCIIGridIsUnchanged() {
        var grid = CellGrid(width: 10, height: 1)
        grid.put("plain #12", x: 0, y: 0, style: .plain)
        grid.cursor = (3, 0)
        #expect(grid.replacingNonASCII() == grid)
    }
}
