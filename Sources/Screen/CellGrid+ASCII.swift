/// The grid for a terminal whose locale is not UTF-8 (`LANG=C`, an `ssh` that does not forward
/// LANG).
///
/// ncurses in such a locale drops characters it cannot encode instead of replacing them, so a
/// row with "Überprüfung" came out a cell short (its border pushed left) and a cell that should
/// have held a CJK character kept whatever the previous screen had there. Here every cell holds
/// exactly one ASCII character: the views' own symbols their ASCII look-alike, anything else
/// `?`, one per display cell (a CJK character is `??`).
extension CellGrid {
    public func replacingNonASCII() -> CellGrid {
        var ascii = self
        for index in cells.indices {
            let cell = cells[index]
            guard cell.width != 1 || !cell.text.utf8.allSatisfy({ $0 < 0x80 }) || cell.text.utf8.count != 1 else { continue }
            let replacement = cell.isContinuation ? "?" : CellGrid.lookAlikes[cell.text] ?? "?"
            ascii.cells[index] = Cell(text: replacement, width: 1, style: cell.style)
        }
        return ascii
    }

    /// The symbols views draw, as ASCII.
    static let lookAlikes: [String: String] = [
        "│": "|", "─": "-", "↓": "v", "↑": "^", "…": "~", "·": "-", "×": "x", "◌": "?", "‹": "<", "›": ">", "•": "*", "┼": "+",
    ]
}
