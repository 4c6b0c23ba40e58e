/// One cell a backend has to paint: where, and what.
public struct CellChange: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell

    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}

extension CellGrid {
    /// The cells to paint, row by row, so that a terminal showing `previous` shows this grid.
    ///
    /// This is what keeps a cursor move down to a few dozen bytes over SSH, so it lives here as a
    /// pure function that tests can pin down, and the ncurses backend paints exactly its result.
    /// - Without a previous frame, or after a size change, every cell is painted.
    /// - Continuation cells (the right half of a wide character) are never painted: the terminal
    ///   draws a wide character over both cells from its first one. Where a wide character is
    ///   replaced by two narrow ones, the second narrow one differs from the old continuation and
    ///   is painted; where a narrow pair becomes a wide character, its first cell covers both.
    /// - Only cells inside `visible` (the terminal's size, which can lag behind the grid's during
    ///   a resize) are painted.
    public func changes(from previous: CellGrid?, visible: (width: Int, height: Int)? = nil) -> [CellChange] {
        let comparable = previous.flatMap { $0.width == width && $0.height == height ? $0 : nil }
        let columns = min(width, visible?.width ?? width), rows = min(height, visible?.height ?? height)
        var result: [CellChange] = []
        for y in 0..<max(0, rows) {
            for x in 0..<max(0, columns) {
                let cell = self[x, y]
                if let comparable, comparable[x, y] == cell { continue }
                if cell.isContinuation { continue }
                result.append(CellChange(x: x, y: y, cell: cell))
            }
        }
        return result
    }
}
