import Screen

/// Markdown blocks → styled lines for the terminal, at a width: headings, emphasis, code,
/// quotes, lists, links (text, then the URL dimmed), tables and rules. Every piece of text
/// passes through `Sanitizer`; widths are `DisplayWidth`'s.
struct MarkdownRenderer {
    var theme: Theme
    /// The style of plain text (a quote's text is drawn in the quote's style).
    var base: Style

    init(theme: Theme, base: Style? = nil) {
        self.theme = theme
        self.base = base ?? theme[.default]
    }

    /// The text's lines; "(nothing)" is the caller's to say.
    static func lines(_ text: String, width: Int, theme: Theme) -> [MarkdownLine] {
        MarkdownRenderer(theme: theme).render(MarkdownParser.parse(text), width: width)
    }

    /// Blocks a blank line apart; `tight` (inside a list item) keeps them together.
    func render(_ blocks: [MarkdownBlock], width: Int, tight: Bool = false) -> [MarkdownLine] {
        var lines: [MarkdownLine] = []
        for (index, block) in blocks.enumerated() {
            if index > 0, !tight { lines.append(.blank) }
            lines += render(block, width: max(1, width))
        }
        return lines
    }

    func render(_ block: MarkdownBlock, width: Int) -> [MarkdownLine] {
        switch block {
        case let .heading(_, text):
            return StyledWrap.wrap(runs(text, style: theme[.markdownHeading]), to: width)
        case .paragraph(let text):
            return StyledWrap.wrap(runs(text, style: base), to: width)
        case .code(let code):
            // Verbatim and never wrapped, indented to stand apart: the view clips a line wider than the screen.
            return code.map { MarkdownLine(pieces: [("  " + Sanitizer.line($0.replacingTabs), theme[.markdownCode])]) }
        case .quote(let blocks):
            let style = theme[.markdownQuote]
            return MarkdownRenderer(theme: theme, base: style).render(blocks, width: width - 2).map { $0.prefixed("│ ", style) }
        case .list(let items):
            return list(items, width: width)
        case .table(let table):
            return MarkdownTableLayout(table: table, renderer: self).lines(width: width)
        case .rule:
            return [MarkdownLine(pieces: [(String(repeating: "─", count: width), theme[.dim])])]
        }
    }

    /// Items under their markers (`•`, `1.`, `[ ]`, `[x]`), wrapped text indented under the marker.
    func list(_ items: [MarkdownListItem], width: Int) -> [MarkdownLine] {
        var number: Int?
        let numbers = items.compactMap { if case .number(let value) = $0.marker { value } else { nil } }
        let numberWidth = numbers.isEmpty ? 0 : String(numbers[0] + items.count - 1).count
        var lines: [MarkdownLine] = []
        for item in items {
            let marker: String
            var task: Int?
            switch item.marker {
            case .bullet: marker = "• "
            case .number(let value):
                let shown = number.map { $0 + 1 } ?? value
                number = shown
                marker = String(repeating: " ", count: numberWidth - String(shown).count) + "\(shown). "
            case let .task(done, line):
                marker = done ? "[x] " : "[ ] "
                task = line
            }
            let indent = DisplayWidth.of(marker)
            var itemLines = render(item.blocks, width: width - indent, tight: true)
            if itemLines.isEmpty { itemLines = [.blank] }
            for (index, line) in itemLines.enumerated() {
                var drawn = line.prefixed(index == 0 ? marker : String(repeating: " ", count: indent), base)
                if drawn.task == nil { drawn.task = task }
                lines.append(drawn)
            }
        }
        return lines
    }

    /// Inline Markdown as runs of one style each.
    func runs(_ inlines: [MarkdownInline], style: Style) -> [StyledRun] {
        var result: [StyledRun] = []
        for inline in inlines {
            switch inline {
            case .text(let text):
                result.append(StyledRun(text: Sanitizer.line(text), style: style))
            case .emphasis(let inner):
                result += runs(inner, style: style.adding(.italic))
            case .strong(let inner):
                result += runs(inner, style: style.adding(.bold))
            case .code(let code):
                result.append(StyledRun(text: Sanitizer.line(code), style: theme[.markdownCode]))
            case let .link(text, url):
                result += runs(text, style: theme[.markdownLink])
                if text != [.text(url)] { result.append(StyledRun(text: " " + Sanitizer.line(url), style: theme[.dim])) }
            case .reference(let number):
                result.append(StyledRun(text: "#\(number)", style: theme[.markdownLink], target: number))
            case .lineBreak:
                result.append(StyledRun(text: "\n", style: style))
            }
        }
        return result
    }
}

extension Style {
    func adding(_ attributes: TextAttributes) -> Style {
        var style = self
        style.attributes.formUnion(attributes)
        return style
    }
}

extension String {
    /// Tabs as four spaces: a code block keeps its indentation (the sanitiser would make a tab one space).
    var replacingTabs: String { replacing("\t", with: "    ") }
}
