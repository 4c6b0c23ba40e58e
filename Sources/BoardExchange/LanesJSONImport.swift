import BoardModel
import Foundation

/// `lanes export` JSON: every issue with its whole timeline, replayed event by event with the
/// original actors and times, so export → import keeps every kind of event.
enum LanesJSONImport {
    static func read(_ text: String) throws(BoardError) -> (issues: [ImportedIssue], problems: [ImportProblem]) {
        guard let root = try ImportFormat.json(text) as? [String: Any], let items = root["issues"] as? [[String: Any]] else {
            throw .invalid("expected the JSON that lanes export writes ({\"board\", \"columns\", \"issues\"})")
        }
        var issues: [ImportedIssue] = []
        var problems: [ImportProblem] = []
        for (index, item) in items.enumerated() {
            guard let number = item["id"] as? Int, let title = item["title"] as? String,
                  let created = (item["created"] as? String).flatMap(Timestamp.parse) else {
                problems.append(ImportProblem(place: "issue \(index + 1)", message: "no id, title or created time"))
                continue
            }
            var issue = ImportedIssue(key: "lanes:\(number)", title: title, author: item["author"] as? String ?? "lanes", created: created)
            issue.number = number
            var replay: [ImportedIssue.ReplayedEvent] = []
            for (position, entry) in (item["timeline"] as? [[String: Any]] ?? []).enumerated() where !CommentJSON.isFolded(entry) {
                guard let at = (entry["at"] as? String).flatMap(Timestamp.parse), let actor = entry["actor"] as? String,
                      let kind = kind(entry) else {
                    problems.append(ImportProblem(place: "issue \(index + 1) (#\(number)) event \(position + 1)", message: "unreadable event"))
                    continue
                }
                replay.append(.init(at: at, actor: actor, kind: kind))
            }
            issue.replay = replay
            issues.append(issue)
        }
        return (issues, problems)
    }

    /// The event kind of one timeline entry, from the fields docs/export-format.md lists.
    /// Numbers out of range make the entry unreadable: written to the log as they are, they
    /// would be lines the log could not read back (`#-9223372036854775808`, a rank of `inf`).
    static func kind(_ entry: [String: Any]) -> EventKind? {
        func string(_ key: String) -> String? { entry[key] as? String }
        func rank() -> Double? { (entry["rank"] as? NSNumberLike)?.doubleValue.nilIfBeyond(maximumRank) }
        switch entry["kind"] as? String {
        case "created":
            guard let title = string("title"), let column = string("column"), let rank = rank(),
                  let priority = string("priority").flatMap(Priority.init(rawValue:)) else { return nil }
            return .created(title: title, body: string("body") ?? "", column: column, rank: rank, priority: priority)
        case "retitled": return string("title").map { .retitled($0) }
        case "body-edited": return string("body").map { .bodyEdited($0) }
        case "moved", "closed", "reopened":
            guard let from = string("from"), let to = string("to"), let rank = rank() else { return nil }
            switch entry["kind"] as? String {
            case "moved": return .moved(from: from, to: to, rank: rank)
            case "closed": return .closed(from: from, to: to, rank: rank)
            default: return .reopened(from: from, to: to, rank: rank)
            }
        case "assigned": return string("user").map { .assigned($0) }
        case "unassigned": return string("user").map { .unassigned($0) }
        case "labelled": return string("label").map { .labelled($0) }
        case "unlabelled": return string("label").map { .unlabelled($0) }
        case "prioritised": return string("priority").flatMap(Priority.init(rawValue:)).map { .prioritised($0) }
        case "commented": return string("text").map { .commented($0) }
        case "imported": return string("source").map { .imported(key: $0) }
        case "renumbered":
            return (entry["from"] as? Int).flatMap { (1...NumberedTable<Issue>.maximumNumber).contains($0) ? .renumbered(from: $0) : nil }
        default: return nil
        }
    }
}

/// The largest rank magnitude read: ranks are positions (1, 2, 2.5…); halving the gap between
/// two near the Double limit would overflow to infinity, which the log cannot hold.
private let maximumRank = 1e15

extension Double {
    fileprivate func nilIfBeyond(_ limit: Double) -> Double? { isFinite && abs(self) <= limit ? self : nil }
}

/// JSON numbers arrive as NSNumber (Int or Double); both answer `doubleValue`.
typealias NSNumberLike = NSNumber
