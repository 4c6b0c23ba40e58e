import BoardModel

/// The CSV that `lanes export --format csv` writes, so export → import round-trips.
enum LanesCSVImport {
    static func read(_ text: String) -> (issues: [ImportedIssue], problems: [ImportProblem]) {
        let records = CSVReader.records(text)
        guard let header = records.first?.fields, header.starts(with: ["id", "title"]) else {
            return ([], [ImportProblem(place: "line 1", message: "expected the header \(IssueCSV.header.joined(separator: ","))")])
        }
        let index = Dictionary(header.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var issues: [ImportedIssue] = []
        var problems: [ImportProblem] = []
        for record in records.dropFirst() {
            func value(_ name: String) -> String { index[name].flatMap { $0 < record.fields.count ? record.fields[$0] : nil } ?? "" }
            guard let number = Int(value("id")), !value("title").isEmpty, let created = Timestamp.parse(value("created")) else {
                problems.append(ImportProblem(place: "line \(record.line)", message: "needs an id, a title and a created time"))
                continue
            }
            var issue = ImportedIssue(key: "lanes:\(number)", title: value("title"), author: value("author").isEmpty ? "lanes" : value("author"),
                                      created: created)
            issue.number = number
            issue.body = value("body")
            issue.updated = Timestamp.parse(value("updated"))
            issue.column = value("column").isEmpty ? nil : value("column")
            issue.isClosed = value("state") == "closed"
            issue.assignees = value("assignees").split(separator: ";").map(String.init)
            issue.labels = value("labels").split(separator: ";").map(String.init)
            issue.priority = Priority(rawValue: value("priority")) ?? .none
            issues.append(issue)
        }
        return (issues, problems)
    }
}
