import BoardModel
import Screen

/// The human table of `lanes list`: aligned by display width, every cell sanitised.
public enum IssueTable {
    /// Renders `issues`; when `width` is given, the title column shrinks so rows fit.
    public static func render(_ issues: [Issue], state: BoardState, width: Int?, now: Timestamp = .now) -> String {
        let header = ["ID", "TITLE", "COLUMN", "ASSIGNEES", "LABELS", "PRIORITY", "UPDATED"]
        var rows = [header]
        for issue in issues {
            rows.append(["#\(issue.number)", issue.title, state.columnName(issue.column),
                         issue.assignees.joined(separator: ","), issue.labels.joined(separator: ","),
                         issue.priority == .none ? "-" : issue.priority.rawValue, issue.updated.age(relativeTo: now)]
                .map(Sanitizer.line))
        }
        var widths = header.indices.map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        if let width {
            let others = widths.enumerated().filter { $0.offset != 1 }.map(\.element).reduce(0, +) + 2 * (header.count - 1)
            widths[1] = max(10, min(widths[1], width - others))
        }
        return TextTable.render(rows, widths: widths, width: width)
    }
}
