import BoardModel

/// `gh issue list --state all --json number,title,body,state,labels,assignees,author,createdAt,updatedAt,closedAt,comments`
/// and the REST API's issue objects (`user`, `created_at`, `closed_at`; comments if embedded).
enum GitHubImport {
    static func read(_ text: String) throws(BoardError) -> (issues: [ImportedIssue], problems: [ImportProblem]) {
        let root = try ImportFormat.json(text)
        guard let items = (root as? [[String: Any]]) ?? ((root as? [String: Any]).map { [$0] }) else {
            throw .invalid("expected a JSON array of GitHub issues")
        }
        var issues: [ImportedIssue] = []
        var problems: [ImportProblem] = []
        for (index, item) in items.enumerated() {
            guard let number = item["number"] as? Int, let title = item["title"] as? String else {
                problems.append(ImportProblem(place: "item \(index + 1)", message: "no number or title"))
                continue
            }
            if item["pull_request"] != nil { continue } // the REST API lists pull requests too
            let author = login(item["author"]) ?? login(item["user"]) ?? "github"
            guard let created = ImportFormat.isoDate((item["createdAt"] ?? item["created_at"]) as? String) else {
                problems.append(ImportProblem(place: "item \(index + 1) (#\(number))", message: "no createdAt"))
                continue
            }
            var issue = ImportedIssue(key: "github:\(number)", title: title, author: author, created: created)
            issue.number = number
            issue.body = item["body"] as? String ?? ""
            issue.isClosed = (item["state"] as? String)?.lowercased() == "closed"
            issue.updated = ImportFormat.isoDate((item["updatedAt"] ?? item["updated_at"]) as? String)
            issue.closed = ImportFormat.isoDate((item["closedAt"] ?? item["closed_at"]) as? String)
            issue.labels = (item["labels"] as? [Any] ?? []).compactMap { ($0 as? [String: Any])?["name"] as? String ?? $0 as? String }
            issue.assignees = (item["assignees"] as? [Any] ?? []).compactMap(login)
            for comment in item["comments"] as? [[String: Any]] ?? [] {
                guard let body = comment["body"] as? String,
                      let at = ImportFormat.isoDate((comment["createdAt"] ?? comment["created_at"]) as? String) else { continue }
                issue.comments.append(.init(author: login(comment["author"]) ?? login(comment["user"]) ?? "github", at: at, text: body))
            }
            issues.append(issue)
        }
        return (issues, problems)
    }

    static func login(_ value: Any?) -> String? {
        (value as? [String: Any])?["login"] as? String
    }
}
