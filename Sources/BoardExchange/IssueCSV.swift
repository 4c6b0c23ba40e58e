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

    static func cell(_ text: String) -> String {
        let clean = Sanitizer.multiline(text)
        guard clean.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r\n" }) else { return clean }
        return "\"" + clean.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
