import BoardModel

/// The rows of the name tables (`assignees`, `labels`, `users`) of a whole build, gathered
/// issue by issue in number order and handed out in the order of their keys (folded name,
/// then number), the order SQLite keeps them in, so that each insert appends.
///
/// A board spells a few dozen names hundreds of thousands of times: each spelling is folded
/// (`lowercased()`, as the tables store it) once, not once per row.
struct NameRows {
    /// Each folded name's rows, in number order: (number, spelling).
    private var assignees: [String: [(Int, String)]] = [:]
    private var labels: [String: [Int]] = [:]
    private var authors = Set<String>()
    private var folded: [String: String] = [:]

    mutating func add(_ issue: Issue) {
        for name in issue.assignees { assignees[folding(name), default: []].append((issue.number, name)) }
        for label in issue.labels { labels[folding(label), default: []].append(issue.number) }
        authors.insert(issue.author)
    }

    /// `assignees` rows (folded name, number, spelling) in key order.
    var assigneeRows: [(String, [(Int, String)])] { NameRows.inKeyOrder(assignees) }
    /// `labels` rows (folded label, number) in key order.
    var labelRows: [(String, [Int])] { NameRows.inKeyOrder(labels) }
    /// Every author, in the order of `users`' key (folded name, spelling).
    var users: [String] { authors.sorted { (fold($0), $0) < (fold($1), $1) } }

    private mutating func folding(_ name: String) -> String {
        if let known = folded[name] { return known }
        let lowered = name.lowercased()
        folded[name] = lowered
        return lowered
    }

    private func fold(_ name: String) -> String { folded[name] ?? name.lowercased() }

    /// Groups sorted by their keys' bytes, the order SQLite keeps text keys in.
    private static func inKeyOrder<T>(_ groups: [String: T]) -> [(String, T)] {
        groups.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
    }
}
