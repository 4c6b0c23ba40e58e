/// GitHub tables: a row of cells between `|`, a delimiter row (`---`, `:--`, `:-:`, `--:`),
/// then rows until a line without `|`.
enum MarkdownTableParser {
    static func table(_ rest: inout ArraySlice<MarkdownParser.Line>) -> MarkdownTable? {
        guard rest.count >= 2, let headerLine = rest.first, headerLine.text.contains("|") else { return nil }
        let delimiter = rest[rest.startIndex + 1]
        guard let alignments = alignments(delimiter.text) else { return nil }
        let header = cells(headerLine.text)
        guard header.count == alignments.count else { return nil }
        rest = rest.dropFirst(2)
        var rows: [[[MarkdownInline]]] = []
        while let line = rest.first, line.text.contains("|"), !MarkdownParser.isBlank(line.text) {
            var row = cells(line.text)
            row = Array(row.prefix(header.count)) + Array(repeating: "", count: max(0, header.count - row.count))
            rows.append(row.map(MarkdownInlineParser.parse))
            rest = rest.dropFirst()
        }
        return MarkdownTable(header: header.map(MarkdownInlineParser.parse), alignments: alignments, rows: rows)
    }

    /// The cells of a row, without the outer pipes; `\|` is a pipe inside a cell.
    static func cells(_ text: Substring) -> [String] {
        var body = text.trimmingSpaces[...]
        if body.hasPrefix("|") { body = body.dropFirst() }
        if body.hasSuffix("|"), !body.hasSuffix("\\|") { body = body.dropLast() }
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for character in body {
            if escaped {
                cell.append(character == "|" ? "|" : "\\\(character)")
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(cell.trimmingSpaces)
                cell = ""
            } else {
                cell.append(character)
            }
        }
        if escaped { cell.append("\\") }
        cells.append(cell.trimmingSpaces)
        return cells
    }

    static func alignments(_ text: Substring) -> [MarkdownTable.Alignment]? {
        guard text.contains("-") else { return nil }
        var result: [MarkdownTable.Alignment] = []
        for cell in cells(text) {
            let dashes = cell.filter { $0 != ":" }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
            case (true, true): result.append(.center)
            case (false, true): result.append(.right)
            default: result.append(.left)
            }
        }
        return result
    }
}
