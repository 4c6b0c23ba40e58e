import BoardModel
import Screen

extension CardView {
    /// The card's reporter badge for an issue that came by mail: the first reporter's name (or
    /// address) and, when several people reported it, how many (`Ana Lima ×3`). Nil otherwise.
    static func reporterBadge(_ issue: Issue) -> String? {
        guard let reporter = issue.reporter else { return nil }
        var name = reporter
        if let open = reporter.lastIndex(of: "<"), open > reporter.startIndex {
            name = reporter[..<open].trimmingSpaces
        }
        let clean = Sanitizer.line(name)
        return issue.reporters.count > 1 ? "\(clean) ×\(issue.reporters.count)" : clean
    }
}
