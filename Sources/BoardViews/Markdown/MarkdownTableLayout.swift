import Screen

/// A table drawn aligned (`a │ b`, a rule under the header) when it fits the width, else row by
/// row as `header: value` lines, so no cell is ever cut.
struct MarkdownTableLayout {
    var table: MarkdownTable
    var renderer: MarkdownRenderer

    func lines(width: Int) -> [MarkdownLine] {
        let header = table.header.map { renderer.runs($0, style: renderer.base.adding(.bold)) }
        let rows = table.rows.map { $0.map { renderer.runs($0, style: renderer.base) } }
        var widths = header.map(Self.width)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count { widths[column] = max(widths[column], Self.width(cell)) }
        }
        let separator = " │ "
        let total = widths.reduce(0, +) + separator.count * max(0, widths.count - 1)
        guard total <= width else { return asRows(header: header, rows: rows, width: width) }
        let border = renderer.theme[.border]
        func line(_ cells: [[StyledRun]]) -> MarkdownLine {
            var runs: [StyledRun] = []
            for (column, cell) in cells.enumerated() {
                if column > 0 { runs.append(StyledRun(text: separator, style: border)) }
                let room = widths[column] - Self.width(cell)
                let (before, after) = switch table.alignments[column] {
                case .left: (0, room)
                case .right: (room, 0)
                case .center: (room / 2, room - room / 2)
                }
                runs.append(StyledRun(text: String(repeating: " ", count: before), style: renderer.base))
                runs += cell
                if column < cells.count - 1 { runs.append(StyledRun(text: String(repeating: " ", count: after), style: renderer.base)) }
            }
            return StyledWrap.join(StyledWrap.cells(runs))
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
        return [line(header), MarkdownLine(pieces: [(rule, border)])] + rows.map(line)
    }

    /// Too wide to align: each row as `header: value` lines, rows apart by a blank line.
    func asRows(header: [[StyledRun]], rows: [[[StyledRun]]], width: Int) -> [MarkdownLine] {
        var lines: [MarkdownLine] = []
        for (index, row) in rows.enumerated() {
            if index > 0 { lines.append(.blank) }
            for (column, cell) in row.enumerated() {
                lines += StyledWrap.wrap(header[column] + [StyledRun(text: ": ", style: renderer.base.adding(.bold))] + cell, to: width)
            }
        }
        return lines
    }

    static func width(_ runs: [StyledRun]) -> Int { runs.reduce(0) { $0 + DisplayWidth.of($1.text) } }
}
