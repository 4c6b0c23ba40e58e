import BoardInteraction
import BoardModel
import Screen

/// The issue view's "Links" section: each link both ways, then the computed references
/// ("mentioned in #M", "mentions #M"), each with the other issue's title and column.
///
/// Every row carries the number of the issue it names: its line's `IssueRow.target`, which
/// <Enter> follows.
struct IssueLinkRow: Equatable {
    /// "blocks", "is blocked by", "mentioned in", "mentions".
    var relation: String
    /// The issue the row names (what following it opens).
    var issue: Int
    /// Its title and column, sanitised; nil if it is no longer on the board.
    var title: String?
    var column: String?
    var isOpen: Bool

    /// The rows for `issue`: links in the order of `LinkType.allCases`, then references.
    static func rows(for issue: Issue, board: BoardState) -> [IssueLinkRow] {
        func row(_ relation: String, _ number: Int) -> IssueLinkRow {
            let other = board.issues[number]
            return IssueLinkRow(relation: relation, issue: number, title: other.map { Sanitizer.line($0.title) },
                                column: other.map { Sanitizer.line(board.columnName($0.column)) }, isOpen: other?.isOpen ?? false)
        }
        var rows: [IssueLinkRow] = []
        for type in LinkType.allCases {
            for number in issue.linked(type) { rows.append(row(type.phrase, number)) }
        }
        for number in board.mentions.issues(mentioning: issue.number) { rows.append(row("mentioned in", number)) }
        for number in board.mentions.issues(mentionedBy: issue.number) where board.issues.contains(number) {
            rows.append(row("mentions", number))
        }
        return rows
    }
}

extension IssueView {
    /// The section's lines (none when the issue has no links or references).
    static func linkLines(_ issue: Issue, context: ViewContext) -> [Line] {
        let theme = context.theme
        let rows = IssueLinkRow.rows(for: issue, board: context.board)
        guard !rows.isEmpty else { return [] }
        var lines = [Line("Links", theme[.helpSection])]
        let width = rows.map { DisplayWidth.of($0.relation) }.max()! + 1
        for row in rows {
            let text = row.title.map { $0 + " · " + row.column! } ?? "(not on this board)"
            lines.append(Line([(row.relation.padding(to: width), theme[.issueField]), ("#\(row.issue) ", theme[.cardID]),
                               (text, row.isOpen ? theme[.default] : theme[.dim])], row: IssueRow(target: row.issue)))
        }
        lines.append(Line("", theme[.default]))
        return lines
    }
}
