import Screen

/// Text in one style, possibly naming an issue (`#12`): what Markdown inlines become before
/// they are wrapped into lines.
struct StyledRun {
    var text: String
    var style: Style
    var target: Int?
}

/// A drawn line of Markdown: styled pieces, the issue its first `#N` names, and the task item
/// (its line in the source) it belongs to.
struct MarkdownLine {
    var pieces: [(String, Style)]
    var target: Int?
    var task: Int?

    static let blank = MarkdownLine(pieces: [])

    /// The line after `prefix` (a quote bar, a list marker or its indentation).
    func prefixed(_ prefix: String, _ style: Style) -> MarkdownLine {
        var line = self
        line.pieces.insert((prefix, style), at: 0)
        return line
    }
}

/// Greedy word wrap of styled runs by display width, the way `DisplayWidth.wrap` wraps plain
/// text: words longer than a line (a CJK sentence has no spaces) are split between graphemes,
/// and "\n" starts a new line.
enum StyledWrap {
    struct Cell {
        var character: Character
        var style: Style
        var target: Int?
    }

    static func wrap(_ runs: [StyledRun], to width: Int) -> [MarkdownLine] {
        let width = max(1, width)
        let cells = self.cells(runs)
        var lines: [MarkdownLine] = []
        for paragraph in cells.split(omittingEmptySubsequences: false, whereSeparator: { $0.character == "\n" }) {
            var line: [Cell] = []
            var lineWidth = 0
            for word in paragraph.split(omittingEmptySubsequences: true, whereSeparator: { $0.character == " " }) {
                var rest = Array(word)
                var restWidth = rest.reduce(0) { $0 + DisplayWidth.of($1.character) }
                if lineWidth > 0, lineWidth + 1 + restWidth <= width {
                    // Between two words of one style (a link's) the space takes it, so the underline
                    // is unbroken; between two styles it is not underlined.
                    var space = line[line.count - 1].style
                    if space != rest[0].style { space.attributes.remove(.underline) }
                    line.append(Cell(character: " ", style: space, target: nil))
                    line += rest
                    lineWidth += 1 + restWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(join(line))
                    line = []
                    lineWidth = 0
                }
                while restWidth > width {
                    var used = 0
                    let head = rest.prefix { cell in
                        used += DisplayWidth.of(cell.character)
                        return used <= width
                    }
                    if head.isEmpty { break } // a 2-wide character in a 1-wide column
                    lines.append(join(Array(head)))
                    rest.removeFirst(head.count)
                    restWidth = rest.reduce(0) { $0 + DisplayWidth.of($1.character) }
                }
                line = rest
                lineWidth = restWidth
            }
            lines.append(join(line))
        }
        return lines
    }

    static func cells(_ runs: [StyledRun]) -> [Cell] {
        runs.flatMap { run in run.text.map { Cell(character: $0, style: run.style, target: run.target) } }
    }

    /// Cells back into pieces of one style each.
    static func join(_ cells: [Cell]) -> MarkdownLine {
        var line = MarkdownLine(pieces: [], target: cells.first { $0.target != nil }?.target)
        for cell in cells {
            if let last = line.pieces.last, last.1 == cell.style {
                line.pieces[line.pieces.count - 1].0.append(cell.character)
            } else {
                line.pieces.append((String(cell.character), cell.style))
            }
        }
        return line
    }
}
