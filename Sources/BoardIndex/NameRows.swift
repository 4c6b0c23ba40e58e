import BoardModel

/// The rows of the name tables (`assignees`, `labels`, `users`) of a whole build, gathered
/// issue by issue in number order and handed out grouped by name in the order of their keys
/// (folded name, then number), the order SQLite keeps them in, so that each insert appends.
///
/// A board spells a few dozen names hundreds of thousands of times: each spelling is looked up
/// once per row and folded (`lowercased()`, as the tables store it) once in all.
struct NameRows {
    /// The issues of one spelling, in number order.
    struct Group {
        var folded: String
        var spelled: String
        var numbers: [Int] = []
    }

    private var assignees: [Group] = [], labels: [Group] = []
    private var assigneeGroup: [String: Int] = [:], labelGroup: [String: Int] = [:]
    private var authors = Set<String>()

    mutating func add(_ issue: Issue) {
        for name in issue.assignees { NameRows.add(issue.number, name, to: &assignees, &assigneeGroup) }
        for label in issue.labels { NameRows.add(issue.number, label, to: &labels, &labelGroup) }
        authors.insert(issue.author)
    }

    /// `assignees` rows: (folded name, number, spelling) for each number of each group, the
    /// groups in key order.
    var assigneeRows: [Group] { NameRows.inKeyOrder(assignees) }
    /// `labels` rows: (folded label, number) for each number of each group, one group per
    /// folded label (its spellings' numbers merged), in key order.
    var labelRows: [Group] {
        var merged: [Group] = []
        for group in NameRows.inKeyOrder(labels) {
            if let last = merged.last, last.folded == group.folded {
                merged[merged.count - 1].numbers = Array(Set(last.numbers + group.numbers)).sorted()
            } else {
                merged.append(group)
            }
        }
        return merged
    }
    /// Every author, in the order of `users`' key (folded name, spelling).
    var users: [String] { authors.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) } }

    private static func add(_ number: Int, _ spelled: String, to groups: inout [Group], _ index: inout [String: Int]) {
        if let known = index[spelled] {
            groups[known].numbers.append(number)
        } else {
            index[spelled] = groups.count
            groups.append(Group(folded: spelled.lowercased(), spelled: spelled, numbers: [number]))
        }
    }

    /// Sorted by their keys' bytes (folded name, then spelling), the order SQLite keeps text keys in.
    private static func inKeyOrder(_ groups: [Group]) -> [Group] {
        groups.sorted {
            $0.folded == $1.folded ? Array($0.spelled.utf8).lexicographicallyPrecedes(Array($1.spelled.utf8))
                : Array($0.folded.utf8).lexicographicallyPrecedes(Array($1.folded.utf8))
        }
    }
}
