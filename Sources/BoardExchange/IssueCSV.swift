import BoardModel
import Screen

/// CSV of issues (RFC 4180): one header row, one row per issue, lists joined with `;`.
///
/// Cells pass through the sanitiser (newlines kept inside quotes), because CSV has no escape for
/// control characters and its output is often read on a terminal.
public enum IssueCSV {
    public static let header = ["id", "title", "body", "column", "state", "assignees", "labels", "priority",
                                "author", "created", "updated"]

    public static func write(_ issues: [Issue]) -> String {
        var out = headerRow
        for issue in issues { out += row(issue) }
        return out
    }

    /// The header line, for output written row by row (`lanes list` streams its rows).
    public static var headerRow: String { row(header) }

    /// One issue's line.
    public static func row(_ issue: Issue) -> String {
        row([String(issue.number), issue.title, issue.body, issue.column, issue.state.rawValue,
             issue.assignees.joined(separator: ";"), issue.labels.joined(separator: ";"),
             issue.priority.rawValue, issue.author, issue.created.iso8601, issue.updated.iso8601])
    }

    static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    /// A cell, quoted if it holds a comma, a quote or a newline, its quotes doubled. Looked at
    /// byte by byte: CSV's delimiters are bytes, and as Characters a quote or comma that a
    /// combining mark follows is not one (the row fell apart); and bytes halved `list --format csv`.
    static func cell(_ text: String) -> String {
        let clean = Sanitizer.multiline(text) // no carriage return is left
        guard clean.utf8.contains(where: { $0 == comma || $0 == quote || $0 == newline }) else { return clean }
        var quoted: [UInt8] = [quote]
        quoted.reserveCapacity(clean.utf8.count + 8)
        for byte in clean.utf8 {
            if byte == quote { quoted.append(quote) }
            quoted.append(byte)
        }
        quoted.append(quote)
        return String(decoding: quoted, as: UTF8.self)
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")
}
