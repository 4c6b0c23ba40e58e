import BoardModel
import BoardStore

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
    /// Keyed by each spelling's bytes: canonically equal spellings are rows of their own, each
    /// issue's as its log holds it (as a write through the index stores them).
    private var assigneeGroup: [SpellingKey: Int] = [:], labelGroup: [SpellingKey: Int] = [:]
    /// Every author, by its bytes.
    private var authors: [SpellingKey: String] = [:]
    /// The open issues' numbers, ascending (the issues are added in number order).
    private(set) var open: [Int] = []

    mutating func add(_ issue: Issue) {
        for name in issue.assignees { NameRows.add(issue.number, name, to: &assignees, &assigneeGroup) }
        for label in issue.labels { NameRows.add(issue.number, label, to: &labels, &labelGroup) }
        let author = issue.author
        let key = SpellingKey(author)
        if authors[key] == nil { authors[key] = author }
        if issue.isOpen { open.append(issue.number) }
    }

    /// Adds what `other` gathered from other issues than these (another core's batches).
    mutating func merge(_ other: NameRows) {
        for group in other.assignees { NameRows.merge(group, into: &assignees, &assigneeGroup) }
        for group in other.labels { NameRows.merge(group, into: &labels, &labelGroup) }
        authors.merge(other.authors) { mine, _ in mine }
        open = NameRows.merged(open, other.open)
    }

    private static func merge(_ group: Group, into groups: inout [Group], _ index: inout [SpellingKey: Int]) {
        let key = SpellingKey(group.spelled)
        if let known = index[key] {
            groups[known].numbers = merged(groups[known].numbers, group.numbers)
        } else {
            index[key] = groups.count
            groups.append(group)
        }
    }

    /// Two ascending lists of distinct numbers as one.
    private static func merged(_ a: [Int], _ b: [Int]) -> [Int] {
        guard !a.isEmpty, !b.isEmpty else { return a.isEmpty ? b : a }
        var result: [Int] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] < b[j] { result.append(a[i]); i += 1 } else { result.append(b[j]); j += 1 }
        }
        result.append(contentsOf: a[i...])
        result.append(contentsOf: b[j...])
        return result
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
    var users: [String] { authors.values.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) } }

    private static func add(_ number: Int, _ spelled: String, to groups: inout [Group], _ index: inout [SpellingKey: Int]) {
        let key = SpellingKey(spelled)
        if let known = index[key] {
            groups[known].numbers.append(number)
        } else {
            index[key] = groups.count
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

extension NameRows {
    /// Writes every group and author, for a build that leaves the name tables for later
    /// (`DeferredIndexPart`): numbers as the gaps between them, a byte or two each.
    func write(to out: inout SnapshotWriter) {
        for groups in [assignees, labels] {
            out.int(groups.count)
            for group in groups {
                out.string(group.folded)
                out.string(group.spelled)
                NameRows.write(group.numbers, to: &out)
            }
        }
        out.strings(Array(authors.values))
    }

    /// Reads what `write` wrote (to insert, not to add to: the groups' lookup is not kept).
    init(reading reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        self.init()
        for list in [\NameRows.assignees, \NameRows.labels] {
            for _ in 0..<(try reader.count(atMost: 1 << 24)) {
                let folded = try reader.string(), spelled = try reader.string()
                self[keyPath: list].append(Group(folded: folded, spelled: spelled, numbers: try NameRows.numbers(from: &reader)))
            }
        }
        for author in try reader.strings() { authors[SpellingKey(author)] = author }
    }

    /// Ascending numbers as their count and the gaps between them.
    static func write(_ numbers: [Int], to out: inout SnapshotWriter) {
        out.int(numbers.count)
        var last = 0
        for number in numbers {
            out.int(number - last)
            last = number
        }
    }

    /// Reads what `write(_:to:)` wrote.
    static func numbers(from reader: inout SnapshotReader) throws(SnapshotReader.Damaged) -> [Int] {
        let count = try reader.count(atMost: Int(Int32.max))
        var numbers: [Int] = []
        numbers.reserveCapacity(min(count, 1 << 20)) // a damaged count runs out of bytes first
        var last = 0
        for _ in 0..<count {
            last += Int(try reader.int())
            numbers.append(last)
        }
        return numbers
    }
}
