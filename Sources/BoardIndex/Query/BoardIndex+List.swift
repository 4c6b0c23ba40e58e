import BoardModel
import BoardQuery

extension BoardIndex {
    /// Calls `body` with each issue `query` shows, in the query's order: what `Query.run` gives
    /// on the whole board, read from the index instead of a board in memory.
    ///
    /// The index only proposes candidates (`IndexFilter`, a superset); each is decided by the
    /// query's own matcher (`Query.includes`, with `is:blocked` looking its blockers up here),
    /// so the result is the fold's, issue for issue. In the default order (by number) the
    /// issues reach `body` as they are read, never all held at once; any other order sorts the
    /// matches with the query's `QuerySort.apply` first.
    public func list(_ query: Query, now: Timestamp, staleAfterDays: Int = 14, _ body: (Issue) throws -> Void) throws {
        let filter = IndexFilter(query, now: now, staleAfterDays: staleAfterDays)
        if filter.searchesText { try indexTextIfSmall() }
        let text = RowTextFilter(query)
        var lookupFailure: (any Error)?
        func isOpen(_ number: Int) -> Bool {
            do {
                return try issue(number)?.isOpen == true
            } catch {
                lookupFailure = lookupFailure ?? error
                return false
            }
        }
        // Rows come by number, one way. A read that finds the index damaged rebuilds it and
        // reads again from the start: rows up to the last one seen are then skipped (or, when
        // sorting after, collected afresh), so no issue is given twice.
        let descending = filter.order != nil && query.sort.descending
        var last: Int?
        var toSort: [Issue] = []
        defer { try? database.execute("PRAGMA cache_size = \(BoardIndex.defaultCacheSize)") }
        try forEachRow(selecting: { try candidates(query, now: now, staleAfterDays: staleAfterDays, descending: descending) },
                       read: { text.admits($0) ? try IssueRow.checkedIssue($0) : nil }) { issue in
            guard let issue else { return true }
            if let last, descending ? issue.number >= last : issue.number <= last {
                guard filter.order == nil else { return true }
                toSort.removeAll()
            }
            last = issue.number
            let shown = query.includes(issue, now: now, staleAfterDays: staleAfterDays, isOpen: isOpen)
            if let lookupFailure { throw lookupFailure }
            guard shown else { return true }
            if filter.order == nil { toSort.append(issue) } else { try body(issue) }
            return true
        }
        for issue in query.sort.apply(toSort) { try body(issue) }
    }

    /// `list` in the query's order for a caller that decodes and matches each issue itself, on
    /// another core (`ListedRow.issue(shownBy:now:staleAfterDays:)`): each candidate's row and
    /// its seal, which the taker checks before it decodes anything. False, having given nothing, when the query needs this
    /// index while matching (`is:blocked` looks blockers up) or sorts otherwise than by number
    /// (the matches are sorted before any is given): `list` then.
    public func listRows(_ query: Query, now: Timestamp, staleAfterDays: Int = 14, _ body: (ListedRow) throws -> Void) throws -> Bool {
        let filter = IndexFilter(query, now: now, staleAfterDays: staleAfterDays)
        guard filter.order != nil, !query.terms.contains(where: { $0.condition == .blocked }) else { return false }
        if filter.searchesText { try indexTextIfSmall() }
        let text = RowTextFilter(query)
        defer { try? database.execute("PRAGMA cache_size = \(BoardIndex.defaultCacheSize)") }
        try forEachRow(selecting: { try candidates(query, now: now, staleAfterDays: staleAfterDays, descending: query.sort.descending) },
                       read: { text.admits($0) ? ListedRow($0) : nil }) { row in
            if let row { try body(row) }
            return true
        }
        return true
    }

    /// `select` for `query`, with SQLite's page cache made small for rows read once
    /// (`pagesReadOnceCache`). Called inside the read: the free-text table is asked for the
    /// issues its mark covers in the snapshot read (a background build moves it meanwhile).
    private func candidates(_ query: Query, now: Timestamp, staleAfterDays: Int, descending: Bool) throws
        -> (sql: String, bindings: [SQLiteValue?]) {
        let covered = try IndexMeta.read(from: database)?.textIndexedThrough ?? 0
        let filter = IndexFilter(query, now: now, staleAfterDays: staleAfterDays, textIndexedThrough: covered)
        if !filter.searchesText || covered == 0 { try database.execute("PRAGMA cache_size = \(BoardIndex.pagesReadOnceCache)") }
        return try select(filter, descending: descending)
    }

    /// SQLite's page cache, in pages, while `list` reads rows. Its rows are read in number
    /// order and each page once (a selective query's few rows, each on a page of its own; any
    /// other, page after page), so only the tree's inner pages are met again: a cache of the
    /// default 2,000 pages only filled fresh memory, page after page (at a million issues,
    /// 9,793 rows: a fifth of the reading thread's time in page faults and allocation).
    static let pagesReadOnceCache = 64

    /// SQLite's default page cache size (`PRAGMA cache_size`; negative: in KiB), set back after `list`.
    static let defaultCacheSize = -2000

    /// The SQL (and its bindings) that reads the rows of `filter`'s candidates in its order (or
    /// by number). Names and labels are not asked of SQL: the issues on all of them are read
    /// from `name_bits` and their rows looked up in their order, with the other conditions.
    private func select(_ filter: IndexFilter, descending: Bool) throws -> (sql: String, bindings: [SQLiteValue?]) {
        guard !filter.lists.isEmpty else {
            return ("SELECT \(IssueRow.selected) FROM issues WHERE \(filter.condition.sql) ORDER BY \(filter.order ?? "number")",
                    filter.condition.values)
        }
        let numbers = try NameBitsTable.intersection(filter.lists, in: database).numbers(descending: descending)
        // The left table of a CROSS JOIN is SQLite's outer loop: the rows come in the array's order.
        let sql = "SELECT \(IssueRow.selected) FROM json_each(?) AS candidate CROSS JOIN issues " // json_each has none of these columns
            + "ON issues.number = candidate.value WHERE \(filter.others.sql)"
        return (sql, [.text(BoardIndex.jsonArray(numbers))] + filter.others.values)
    }

    /// `numbers` as a JSON array, its digits written straight into one buffer (a string made
    /// for each number and joined cost as much as SQLite's reading of the array).
    static func jsonArray(_ numbers: [Int]) -> String {
        var text: [UInt8] = [UInt8(ascii: "[")]
        text.reserveCapacity(numbers.count * 8 + 2)
        var digits: [UInt8] = []
        for (index, number) in numbers.enumerated() {
            if index > 0 { text.append(UInt8(ascii: ",")) }
            digits.removeAll(keepingCapacity: true)
            var rest = number.magnitude
            repeat {
                digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            } while rest > 0
            if number < 0 { text.append(UInt8(ascii: "-")) }
            text.append(contentsOf: digits.reversed())
        }
        text.append(UInt8(ascii: "]"))
        return String(decoding: text, as: UTF8.self)
    }
}
