import BoardModel
import Foundation

/// Jira's "Export issues → CSV (all fields)": Issue key, Summary, Description, Status, Assignee,
/// Reporter, Priority, repeated Labels columns, Created, Updated, repeated Comment columns
/// (`date;author;text`). Statuses map to columns by name, or through `--map-status`.
enum JiraImport {
    static func read(_ text: String, statusMap: [String: String]) -> (issues: [ImportedIssue], problems: [ImportProblem]) {
        let records = CSVReader.records(text)
        guard let header = records.first?.fields else { return ([], [ImportProblem(place: "line 1", message: "empty file")]) }
        func columns(_ name: String) -> [Int] { header.indices.filter { header[$0].trimmingSpaces.caseInsensitiveCompare(name) == .orderedSame } }
        let key = columns("Issue key").first, summary = columns("Summary").first
        guard let key, let summary else {
            return ([], [ImportProblem(place: "line 1", message: "no \"Issue key\" or \"Summary\" column; is this a Jira CSV export?")])
        }
        var issues: [ImportedIssue] = []
        var problems: [ImportProblem] = []
        for record in records.dropFirst() {
            let fields = record.fields
            func value(_ name: String) -> String? {
                columns(name).first.flatMap { $0 < fields.count ? fields[$0] : nil }.flatMap { $0.isEmpty ? nil : $0 }
            }
            guard key < fields.count, summary < fields.count, !fields[key].isEmpty, !fields[summary].isEmpty else {
                problems.append(ImportProblem(place: "line \(record.line)", message: "no issue key or summary"))
                continue
            }
            guard let created = date(value("Created")) else {
                problems.append(ImportProblem(place: "line \(record.line) (\(fields[key]))", message: "bad Created date \"\(value("Created") ?? "")\""))
                continue
            }
            var issue = ImportedIssue(key: "jira:\(fields[key])", title: fields[summary], author: value("Reporter") ?? "jira", created: created)
            issue.body = value("Description") ?? ""
            issue.updated = date(value("Updated"))
            let status = value("Status") ?? ""
            issue.column = statusMap[status] ?? statusMap[status.lowercased()] ?? status
            issue.isClosed = ["done", "closed", "resolved"].contains(status.lowercased())
            issue.assignees = value("Assignee").map { [$0] } ?? []
            issue.labels = columns("Labels").compactMap { $0 < fields.count && !fields[$0].isEmpty ? fields[$0] : nil }
            issue.priority = priority(value("Priority"))
            for index in columns("Comment") where index < fields.count && !fields[index].isEmpty {
                let parts = fields[index].split(separator: ";", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 3, let at = date(parts[0]) else {
                    problems.append(ImportProblem(place: "line \(record.line) (\(fields[key]))", message: "comment not in date;author;text form"))
                    continue
                }
                issue.comments.append(.init(author: parts[1], at: at, text: parts[2]))
            }
            issues.append(issue)
        }
        return (issues, problems)
    }

    static func priority(_ name: String?) -> Priority {
        switch name?.lowercased() {
        case "highest", "blocker": .urgent
        case "high", "critical", "major": .high
        case "medium": .medium
        case "low", "lowest", "minor", "trivial": .low
        default: .none
        }
    }

    /// Jira writes `29/Nov/26 8:45 AM` (UTC assumed) or ISO dates.
    static func date(_ text: String?) -> Timestamp? {
        guard let text = text?.trimmingSpaces, !text.isEmpty else { return nil }
        if let iso = ImportFormat.isoDate(text) { return iso }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in ["dd/MMM/yy h:mm a", "dd/MMM/yyyy h:mm a", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy HH:mm"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return ImportFormat.timestamp(date) }
        }
        return nil
    }
}
