import BoardModel

/// The JSON array of `task export`: description, status, project and tags as labels,
/// priority H/M/L, annotations as comments.
enum TaskwarriorImport {
    static func read(_ text: String) throws(BoardError) -> (issues: [ImportedIssue], problems: [ImportProblem]) {
        guard let items = try ImportFormat.json(text) as? [[String: Any]] else { throw .invalid("expected the JSON array of task export") }
        var issues: [ImportedIssue] = []
        var problems: [ImportProblem] = []
        for (index, item) in items.enumerated() {
            guard let uuid = item["uuid"] as? String, let description = item["description"] as? String else {
                problems.append(ImportProblem(place: "task \(index + 1)", message: "no uuid or description"))
                continue
            }
            let status = item["status"] as? String ?? "pending"
            if status == "deleted" { continue }
            guard let created = date(item["entry"]) else {
                problems.append(ImportProblem(place: "task \(index + 1)", message: "bad or missing entry date"))
                continue
            }
            var issue = ImportedIssue(key: "taskwarrior:\(uuid)", title: description, author: "taskwarrior", created: created)
            issue.isClosed = status == "completed"
            issue.updated = date(item["modified"])
            issue.closed = date(item["end"])
            issue.labels = (item["project"] as? String).map { [$0] } ?? []
            issue.labels += item["tags"] as? [String] ?? []
            switch (item["priority"] as? String)?.uppercased() {
            case "H": issue.priority = .high
            case "M": issue.priority = .medium
            case "L": issue.priority = .low
            default: break
            }
            for annotation in item["annotations"] as? [[String: Any]] ?? [] {
                guard let text = annotation["description"] as? String, let at = date(annotation["entry"]) else { continue }
                issue.comments.append(.init(author: "taskwarrior", at: at, text: text))
            }
            issues.append(issue)
        }
        return (issues, problems)
    }

    /// `20261129T084533Z`, taskwarrior's compact ISO form.
    static func date(_ value: Any?) -> Timestamp? {
        guard let text = value as? String else { return nil }
        let digits = text.filter(\.isNumber)
        guard digits.count == 14 else { return ImportFormat.isoDate(text) }
        let d = Array(digits)
        return Timestamp.parse("\(String(d[0..<4]))-\(String(d[4..<6]))-\(String(d[6..<8]))T\(String(d[8..<10])):\(String(d[10..<12])):\(String(d[12..<14]))Z")
    }
}
