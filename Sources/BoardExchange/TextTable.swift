import Screen

/// Rows of sanitised cells aligned by display width: the tables of `lanes list` and `lanes columns`.
///
/// Each cell is measured once, when it is added (`append`); rendering pads from those widths
/// and walks a cell again only to cut it. (Measuring every cell for the widths, again to cut it
/// and again to pad it was half of `lanes list`'s time at 10,000 rows.)
public struct TextTable: Sendable {
    /// Every cell so far, row after row, `columnCount` to a row.
    private var cells: [Cell] = []
    /// The widest cell of each column so far.
    public private(set) var widths: [Int]

    private struct Cell {
        let text: String
        let width: Int
        /// All ASCII: its width within a line is its own (no cluster joins it to its neighbours).
        let isASCII: Bool

        /// `text` measured. Most cells (numbers, columns, names, labels, many titles) are
        /// printable ASCII, one column a byte: counted over their bytes in place, as walking
        /// them through `String`'s views cost more than the rest of a long list's table.
        init(_ text: String) {
            self.text = text
            var copy = text
            let (ascii, printable) = copy.withUTF8 { bytes in
                (bytes.allSatisfy { $0 < 0x80 }, bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F })
            }
            isASCII = ascii
            // `prefix` measures text that is not all ASCII by the byte where it is ASCII and by the
            // cluster only at the rest (`of` walks it all by cluster: a third of `lanes list` at 1M
            // issues, whose titles mostly hold a word of CJK or an emoji); the widths are the same.
            width = printable ? text.utf8.count : DisplayWidth.prefix(text, fitting: .max).width
        }
    }

    /// How many rows it holds.
    public var rowCount: Int { widths.isEmpty ? 0 : cells.count / widths.count }

    /// A table of `columnCount` columns and no rows yet.
    public init(columnCount: Int) {
        widths = Array(repeating: 0, count: columnCount)
    }

    /// Adds a row of `widths.count` cells, already sanitised.
    public mutating func append(_ row: [String]) {
        precondition(row.count == widths.count, "a row of \(row.count) cells in a table of \(widths.count) columns")
        for (column, text) in row.enumerated() {
            let cell = Cell(text)
            widths[column] = max(widths[column], cell.width)
            cells.append(cell)
        }
    }

    /// The rows with each cell cut to its column's width (`widths`: default, the widest cells),
    /// and each line cut to `width` (a terminal's) when given, passed to `write` in pieces of
    /// about 64 KB.
    public func render(widths: [Int]? = nil, width: Int?, _ write: ([UInt8]) -> Void) {
        let widths = widths ?? self.widths
        let columnCount = widths.count
        var out: [UInt8] = []
        out.reserveCapacity(TextTable.pieceSize + 1024)
        var line: [UInt8] = []
        for start in stride(from: 0, to: cells.count, by: max(columnCount, 1)) {
            line.removeAll(keepingCapacity: true)
            var lineWidth = 0
            var lineIsASCII = true
            for column in 0..<columnCount {
                let cell = cells[start + column]
                var used = cell.width
                if widths[column] > 0, cell.width <= widths[column] {
                    line.append(contentsOf: cell.text.utf8)
                } else {
                    let cut = DisplayWidth.truncate(cell.text, to: widths[column])
                    used = DisplayWidth.of(cut)
                    line.append(contentsOf: cut.utf8)
                }
                lineWidth += used
                lineIsASCII = lineIsASCII && cell.isASCII
                if column < columnCount - 1 {
                    let padding = widths[column] - used + 2
                    line.append(contentsOf: repeatElement(UInt8(ascii: " "), count: padding))
                    lineWidth += padding
                }
            }
            // A terminal narrower than the fixed columns still gets whole rows, never wrapped ones.
            // An ASCII line is as wide as its cells; any other is measured whole, as clusters
            // may join across a cell's edge.
            if let width, !(lineIsASCII && lineWidth <= width) {
                out.append(contentsOf: DisplayWidth.truncate(String(decoding: line, as: UTF8.self), to: width).utf8)
            } else {
                out.append(contentsOf: line)
            }
            out.append(UInt8(ascii: "\n"))
            if out.count >= TextTable.pieceSize {
                write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        if !out.isEmpty { write(out) }
    }

    /// The output is handed on in pieces of this size: a few writes, never the whole table held twice.
    private static let pieceSize = 64 * 1024

    /// `rows` with each cell cut to its column's width; nil `widths` fit the widest cells.
    public static func render(_ rows: [[String]], widths: [Int]? = nil, width: Int?) -> String {
        var table = TextTable(columnCount: rows.first?.count ?? 0)
        for row in rows { table.append(row) }
        var out: [UInt8] = []
        table.render(widths: widths, width: width) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }
}
