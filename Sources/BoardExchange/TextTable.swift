import Screen

/// Rows of sanitised cells aligned by display width: the tables of `lanes list` and `lanes columns`.
///
/// Each cell is measured once, when it is added (`append`); rendering pads from those widths
/// and walks a cell again only to cut it. (Measuring every cell for the widths, again to cut it
/// and again to pad it was half of `lanes list`'s time at 10,000 rows.)
public struct TextTable: Sendable {
    /// Every cell's bytes so far, one after another, row after row: a cell is a span of them,
    /// not a `String` of its own (at 9,793 rows, making, holding and freeing 70,000 strings and
    /// the arrays of each row was a third of the table's time).
    private var bytes: [UInt8] = []
    /// Every cell so far, row after row, `columnCount` to a row.
    private var cells: [Cell] = []
    /// The widest cell of each column so far.
    public private(set) var widths: [Int]

    /// A cell's bytes are `bytes[start..<end]`, where `start` is the end of the cell before it.
    private struct Cell {
        let end: Int
        let width: Int32
        /// All ASCII: its width within a line is its own (no cluster joins it to its neighbours).
        let isASCII: Bool
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
        for text in row { add(text) }
    }

    /// Adds `text`, already sanitised, as the next cell (rows fill column by column).
    public mutating func add(_ text: String) {
        let start = bytes.count
        var copy = text
        let (kind, plain) = copy.withUTF8 { utf8 in
            let kind = append(utf8)
            return (kind, kind.printable ? utf8.count : DisplayWidth.plainWidth(utf8))
        }
        // `prefix` measures text that is not all ASCII by the byte where it is ASCII and by the
        // cluster only at the rest (`of` walks it all by cluster: a third of `lanes list` at 1M
        // issues, whose titles mostly hold a word of CJK or an emoji); the widths are the same.
        endCell(from: start, width: plain ?? DisplayWidth.prefix(text, fitting: .max).width, isASCII: kind.ascii)
    }

    /// Adds `text` as the next cell, sanitised (`Sanitizer.line`). Most cells (numbers, columns,
    /// names, labels, many titles) are printable ASCII, or ASCII with words of CJK or Hangul
    /// (`DisplayWidth.plainWidth`), which the sanitiser leaves as they are: those are copied
    /// and measured over their bytes in one pass.
    public mutating func add(sanitizing text: String) {
        let start = bytes.count
        var copy = text
        let plain = copy.withUTF8 { utf8 -> (width: Int, isASCII: Bool)? in
            if append(utf8).printable { return (utf8.count, true) }
            return DisplayWidth.plainWidth(utf8).map { ($0, false) }
        }
        guard let plain else {
            bytes.removeSubrange(start...)
            return add(Sanitizer.line(text))
        }
        endCell(from: start, width: plain.width, isASCII: plain.isASCII)
    }

    /// Adds `names.joined(separator: ",")` as the next cell, sanitised, without making the
    /// joined string when the names are printable ASCII (as in `add(sanitizing:)`).
    public mutating func add(sanitizingJoined names: [String]) {
        let start = bytes.count
        var printable = true
        for (index, name) in names.enumerated() where printable {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            var copy = name
            printable = copy.withUTF8 { append($0).printable }
        }
        guard printable else {
            bytes.removeSubrange(start...)
            return add(Sanitizer.line(names.joined(separator: ",")))
        }
        endCell(from: start, width: bytes.count - start, isASCII: true)
    }

    /// Appends `utf8` to `bytes`; whether it is all ASCII, and all printable ASCII (one column a byte).
    private mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) -> (ascii: Bool, printable: Bool) {
        bytes.append(contentsOf: utf8)
        var ascii = true, printable = true
        for byte in utf8 {
            if byte >= 0x80 { ascii = false }
            if byte < 0x20 || byte >= 0x7F { printable = false }
        }
        return (ascii, printable)
    }

    private mutating func endCell(from start: Int, width: Int, isASCII: Bool) {
        let column = cells.count % widths.count
        widths[column] = max(widths[column], width)
        cells.append(Cell(end: bytes.count, width: Int32(width), isASCII: isASCII))
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
                let text = bytes[(start + column == 0 ? 0 : cells[start + column - 1].end)..<cell.end]
                var used = Int(cell.width)
                if widths[column] > 0, used <= widths[column] {
                    line.append(contentsOf: text)
                } else {
                    let cut = DisplayWidth.truncate(String(decoding: text, as: UTF8.self), to: widths[column])
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
