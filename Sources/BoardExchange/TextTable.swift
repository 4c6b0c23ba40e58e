import Screen

/// Rows of sanitised cells aligned by display width: the tables of `lanes list` and `lanes columns`.
public enum TextTable {
    /// `rows` with each cell cut to its column's width; nil `widths` fit the widest cells.
    public static func render(_ rows: [[String]], widths: [Int]? = nil, width: Int?) -> String {
        let widths = widths ?? (rows.first ?? []).indices.map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        var out = ""
        for row in rows {
            var line = ""
            for (index, cell) in row.enumerated() {
                let text = DisplayWidth.truncate(cell, to: widths[index])
                line += text
                if index < row.count - 1 {
                    line += String(repeating: " ", count: widths[index] - DisplayWidth.of(text) + 2)
                }
            }
            // A terminal narrower than the fixed columns still gets whole rows, never wrapped ones.
            out += (width.map { DisplayWidth.truncate(line, to: $0) } ?? line) + "\n"
        }
        return out
    }
}
