/// An in-memory screen: what a view renders into and what a backend paints from.
///
/// Views draw into a grid without knowing about terminals; tests read it back as lines of text.
/// Every write is clipped to the grid, so no view can draw out of bounds at any size.
public struct CellGrid: Equatable, Sendable {
    public static func == (a: CellGrid, b: CellGrid) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }

    public private(set) var width: Int
    public private(set) var height: Int
    public internal(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (a prompt's insertion point), or nil to hide it.
    public var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Paints `rect` with blanks of `style`.
    public mutating func fill(_ rect: Rect, style: Style, text: String = " ") {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        let cell = Cell(text: text, width: 1, style: style)
        for y in y0..<y1 {
            for x in x0..<x1 { repairWideNeighbours(x: x, y: y); self[x, y] = cell }
        }
    }

    /// Writes already-sanitised `text` at (x, y), never past `limit` (exclusive column) nor the
    /// grid. A wide character that would straddle the limit is replaced by a space. Returns the
    /// column after the last one written.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let end = min(width, limit ?? width)
        var column = x
        // ASCII (most text): each byte is one cluster of width 1, or 0 for a control character,
        // drawn as itself: what the loop below does, without measuring clusters. Read from the
        // text's own storage (this function is generic: iterating `utf8` through the protocol
        // cost more than the drawing).
        let asciiEnd: Int?? = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            for byte in bytes {
                if column >= end { break }
                guard DisplayWidth.isPrintableASCII(byte) else { continue }
                if column < 0 { column += 1; continue }
                repairWideNeighbours(x: column, y: y)
                self[column, y] = Cell(text: String(Unicode.Scalar(byte)), width: 1, style: style)
                column += 1
            }
            return column
        }
        if let asciiEnd = asciiEnd ?? nil { return asciiEnd }
        for character in text {
            if column >= end { break }
            let (drawn, w) = DisplayWidth.drawable(character)
            if w == 0 {
                continue // zero-width clusters (stray marks, format chars) draw nothing
            }
            if column < 0 { column += w; continue }
            if w == 2 && column + 1 >= end {
                repairWideNeighbours(x: column, y: y)
                self[column, y] = Cell(text: " ", width: 1, style: style)
                column += 1
                break
            }
            repairWideNeighbours(x: column, y: y)
            if drawn.unicodeScalars.count == w, drawn.utf8.count == w, w > 1 {
                // A flag drawn as letters: one cell per letter.
                for (offset, letter) in drawn.enumerated() {
                    repairWideNeighbours(x: column + offset, y: y)
                    self[column + offset, y] = Cell(text: String(letter), width: 1, style: style)
                }
                column += w
                continue
            }
            self[column, y] = Cell(text: drawn, width: UInt8(w), style: style)
            if w == 2 {
                repairWideNeighbours(x: column + 1, y: y)
                self[column + 1, y] = Cell(text: "", width: 0, style: style)
            }
            column += w
        }
        return column
    }

    /// Restyles the cells in `rect` without changing their text (selection highlight).
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 { for x in x0..<x1 { change(&cells[y * width + x].style) } }
    }

    /// Overwriting half of a wide character would leave a broken cell; blank the other half.
    private mutating func repairWideNeighbours(x: Int, y: Int) {
        let cell = self[x, y]
        if cell.width == 2, x + 1 < width {
            self[x + 1, y] = Cell(text: " ", width: 1, style: cell.style)
        } else if cell.width == 0, x > 0 {
            let lead = self[x - 1, y]
            self[x - 1, y] = Cell(text: " ", width: 1, style: lead.style)
        }
    }

    /// The grid as text, one line per row, trailing blanks removed: the form snapshots use.
    public var lines: [String] {
        (0..<height).map { line($0) }
    }

    public func line(_ y: Int) -> String {
        var out = ""
        for x in 0..<width {
            let cell = self[x, y]
            if !cell.isContinuation { out += cell.text }
        }
        while out.last == " " { out.removeLast() }
        return out
    }

    public var text: String { lines.joined(separator: "\n") }
}
