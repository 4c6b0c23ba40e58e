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
        var filter = IndexFilter(query, now: now, staleAfterDays: staleAfterDays)
        if filter.searchesText { try indexText() }
        if filter.lists.count > 1 { filter = filter.leading(with: try shortest(filter.lists.compactMap(\.list))) }
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
        try forEachIssue(where: filter.condition.sql, filter.condition.values, orderedBy: filter.order ?? "number") { issue in
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

    /// Which of `lists` holds the fewest rows, each counted no further than the fewest before
    /// it: for `assignee:user3 label:label-7` at 1M issues, the user's 155,266 rows and the
    /// label's 60,716; the label's issues are then read and each looked up among the user's.
    func shortest(_ lists: [SQLCondition.MemberList]) throws -> Int {
        try reading {
            var shortest = (index: 0, count: Int64.max)
            for (index, list) in lists.enumerated() {
                let statement = try database.statement("SELECT count(*) FROM (SELECT 1 FROM \(list.table) WHERE \(list.row) LIMIT ?)")
                try statement.bind(list.values + [.integer(shortest.count)])
                if try statement.step(), statement.int(0) < shortest.count { shortest = (index, statement.int(0)) }
            }
            return shortest.index
        }
    }
}
