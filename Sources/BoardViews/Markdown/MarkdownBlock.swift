/// One block of a description or comment, as the issue view draws it: the subset of Markdown
/// people write in issues (CommonMark's blocks and GitHub's tables and task lists). Anything
/// else is a paragraph shown as written.
public indirect enum MarkdownBlock: Equatable, Sendable {
    case heading(level: Int, [MarkdownInline])
    /// Lines kept as they were written (issue trackers keep single newlines), joined by `.lineBreak`.
    case paragraph([MarkdownInline])
    /// A fenced code block's lines, verbatim.
    case code([String])
    case quote([MarkdownBlock])
    case list([MarkdownListItem])
    case table(MarkdownTable)
    case rule
}

/// An item of a list, with its marker.
public struct MarkdownListItem: Equatable, Sendable {
    public enum Marker: Equatable, Sendable {
        case bullet
        case number(Int)
        /// `- [ ]` / `- [x]`; `line` is the item's line in the source text (what `o` toggles).
        case task(done: Bool, line: Int)
    }

    public var marker: Marker
    public var blocks: [MarkdownBlock]
}

/// A GitHub table: a header row, its alignments and the body rows (cells as inline text).
public struct MarkdownTable: Equatable, Sendable {
    public enum Alignment: Equatable, Sendable { case left, center, right }
    public var header: [[MarkdownInline]]
    public var alignments: [Alignment]
    public var rows: [[[MarkdownInline]]]
}

/// Text inside a block.
public indirect enum MarkdownInline: Equatable, Sendable {
    case text(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case code(String)
    case link(text: [MarkdownInline], url: String)
    /// `#12`: a reference to issue 12, followed with <Enter>.
    case reference(Int)
    case lineBreak
}
