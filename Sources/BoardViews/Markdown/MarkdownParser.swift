/// Splits Markdown text into blocks, line by line, in one pass (nested blocks recurse on their
/// own lines). Written for exactly the subset the issue view draws; no HTML, no reference links.
public enum MarkdownParser {
    /// A line of the source and its index in the whole text (kept through quotes and list
    /// items, so a task item knows which line `o` toggles).
    struct Line {
        var number: Int
        var text: Substring
    }

    public static func parse(_ text: String) -> [MarkdownBlock] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            Line(number: index, text: line.hasSuffix("\r") ? line.dropLast() : line)
        }
        return blocks(lines[...])
    }

    static func blocks(_ lines: ArraySlice<Line>) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var rest = lines
        while let line = rest.first {
            if isBlank(line.text) {
                rest = rest.dropFirst()
            } else if let fence = fence(line.text) {
                blocks.append(codeBlock(&rest, fence: fence))
            } else if let heading = heading(line.text) {
                blocks.append(heading)
                rest = rest.dropFirst()
            } else if isRule(line.text) {
                blocks.append(.rule)
                rest = rest.dropFirst()
            } else if quoted(line.text) != nil {
                blocks.append(quote(&rest))
            } else if listMarker(line.text) != nil {
                blocks.append(list(&rest))
            } else if let table = MarkdownTableParser.table(&rest) {
                blocks.append(.table(table))
            } else {
                blocks.append(paragraph(&rest))
            }
        }
        return blocks
    }

    // MARK: - Constructs

    static func isBlank(_ text: Substring) -> Bool { text.allSatisfy { $0 == " " || $0 == "\t" } }

    /// Up to three spaces of indentation, as CommonMark allows before a block's marker.
    static func unindented(_ text: Substring) -> Substring? {
        let spaces = text.prefix { $0 == " " }.count
        return spaces <= 3 ? text.dropFirst(spaces) : nil
    }

    /// The fence that opens a code block (three or more backticks or tildes).
    static func fence(_ text: Substring) -> Substring? {
        guard let body = unindented(text), let first = body.first, first == "`" || first == "~" else { return nil }
        let run = body.prefix { $0 == first }
        guard run.count >= 3, first == "~" || !body.dropFirst(run.count).contains("`") else { return nil }
        return run
    }

    /// Every line up to the closing fence (or the end), verbatim.
    static func codeBlock(_ rest: inout ArraySlice<Line>, fence: Substring) -> MarkdownBlock {
        rest = rest.dropFirst()
        var code: [String] = []
        while let line = rest.first {
            rest = rest.dropFirst()
            if let closing = unindented(line.text), closing.hasPrefix(fence), closing.allSatisfy({ $0 == fence.first || $0 == " " }) {
                break
            }
            code.append(String(line.text))
        }
        return .code(code)
    }

    static func heading(_ text: Substring) -> MarkdownBlock? {
        guard let body = unindented(text) else { return nil }
        let hashes = body.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let after = body.dropFirst(hashes)
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        var title = after.trimmingSpaces
        // A closing run of #s is not part of the title.
        let closing = title.reversed().prefix { $0 == "#" }.count
        if closing > 0, closing < title.count, title.dropLast(closing).hasSuffix(" ") { title = String(title.dropLast(closing)).trimmingSpaces }
        return .heading(level: hashes, MarkdownInlineParser.parse(title))
    }

    /// Three or more `-`, `*` or `_`, nothing else but spaces.
    static func isRule(_ text: Substring) -> Bool {
        guard let body = unindented(text), let first = body.first, "-*_".contains(first) else { return false }
        let marks = body.filter { $0 != " " }
        return marks.count >= 3 && marks.allSatisfy { $0 == first }
    }

    /// The text after `>` (and one space), or nil when the line is not quoted.
    static func quoted(_ text: Substring) -> Substring? {
        guard let body = unindented(text), body.first == ">" else { return nil }
        let after = body.dropFirst()
        return after.first == " " ? after.dropFirst() : after
    }

    static func quote(_ rest: inout ArraySlice<Line>) -> MarkdownBlock {
        var inner: [Line] = []
        while let line = rest.first, let text = quoted(line.text) {
            inner.append(Line(number: line.number, text: text))
            rest = rest.dropFirst()
        }
        return .quote(blocks(inner[...]))
    }

    /// A list item's marker and the width of everything before its text: `- `, `* `, `+ `,
    /// `1. `, `1) `, with `[ ] ` / `[x] ` after a bullet for a task.
    static func listMarker(_ text: Substring) -> (marker: MarkdownListItem.Marker, indent: Int)? {
        guard let body = unindented(text) else { return nil }
        let leading = text.count - body.count
        if let first = body.first, "-*+".contains(first), body.dropFirst().first == " " {
            let after = body.dropFirst(2)
            for (box, done) in [("[ ] ", false), ("[x] ", true), ("[X] ", true)] where after.hasPrefix(box) || after == box.dropLast() {
                return (.task(done: done, line: -1), leading + 6)
            }
            return (.bullet, leading + 2)
        }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count), let number = Int(digits) else { return nil }
        let after = body.dropFirst(digits.count)
        guard let dot = after.first, dot == "." || dot == ")", after.dropFirst().first == " " else { return nil }
        return (.number(number), leading + digits.count + 2)
    }

    /// Consecutive items; an item holds the lines indented under it (and a paragraph's
    /// unindented continuation lines).
    static func list(_ rest: inout ArraySlice<Line>) -> MarkdownBlock {
        var items: [MarkdownListItem] = []
        while let line = rest.first, let (marker, indent) = listMarker(line.text),
              items.first.map({ isNumbered($0.marker) == isNumbered(marker) }) ?? true {
            rest = rest.dropFirst()
            var inner = [Line(number: line.number, text: line.text.dropFirst(min(indent, line.text.count)))]
            var sawBlank = false
            while let next = rest.first {
                let spaces = next.text.prefix { $0 == " " }.count
                if isBlank(next.text) {
                    sawBlank = true
                    inner.append(next)
                } else if spaces >= 2 {
                    sawBlank = false
                    inner.append(Line(number: next.number, text: next.text.dropFirst(min(spaces, indent))))
                    rest = rest.dropFirst()
                    continue
                } else if sawBlank || listMarker(next.text) != nil || startsBlock(next.text) {
                    break
                } else {
                    inner.append(next) // a paragraph's lazy continuation
                }
                rest = rest.dropFirst()
            }
            // Blank lines that ended the list belong to nobody; trailing ones are dropped with them.
            while inner.count > 1, isBlank(inner[inner.count - 1].text) { inner.removeLast() }
            var resolved = marker
            if case .task(let done, _) = marker { resolved = .task(done: done, line: line.number) }
            items.append(MarkdownListItem(marker: resolved, blocks: blocks(inner[...])))
            if sawBlank, let next = rest.first, listMarker(next.text) == nil { break }
        }
        return .list(items)
    }

    /// A numbered item after bullets (or the other way round) starts a new list.
    static func isNumbered(_ marker: MarkdownListItem.Marker) -> Bool {
        if case .number = marker { return true }
        return false
    }

    /// Whether a line starts a block other than a paragraph (which then ends).
    static func startsBlock(_ text: Substring) -> Bool {
        fence(text) != nil || heading(text) != nil || isRule(text) || quoted(text) != nil
    }

    /// Lines up to a blank line or the start of another block, each line kept as a line.
    static func paragraph(_ rest: inout ArraySlice<Line>) -> MarkdownBlock {
        var inline: [MarkdownInline] = []
        while let line = rest.first, !isBlank(line.text) {
            if !inline.isEmpty {
                guard !startsBlock(line.text), listMarker(line.text) == nil else { break }
                inline.append(.lineBreak)
            }
            inline += MarkdownInlineParser.parse(String(line.text.trimmingSpaces))
            rest = rest.dropFirst()
        }
        return .paragraph(inline)
    }
}
