import BoardModel
import BoardQuery

extension BoardIndex {
    /// `list --format json` for a query the index decides alone, in the order of issue numbers
    /// (`IndexFilter.decidedByFacts`, `sort:id`; every issue, `is:open`, dates…): calls `body`
    /// with the JSON object of each issue `query` shows, in order, as `encode` writes it, copied
    /// from `issue_json` where an entry matches (`IssueJSONTable`). Returns false, having called
    /// nothing, for any other query: `list(_:now:)` then gives the issues.
    ///
    /// Issues whose entry is missing or does not match are read from their rows, checked, and
    /// given to `encode`; their entries are stored as the list goes (`IssueJSONStore`).
    public func listJSON(_ query: Query, now: Timestamp, staleAfterDays: Int = 14, encode: (Issue) -> [UInt8],
                         _ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        let filter = IndexFilter(query, now: now, staleAfterDays: staleAfterDays)
        guard filter.decidedByFacts, let order = filter.order, let writer = IssueJSONTable.writer else { return false }
        guard (try? BoardIndex.usable({ try IssueJSONTable.prepare(database) })) != nil else { return false }
        let descending = query.sort.descending
        let facts = IssueRow.factColumns.map { "issues." + $0 }.joined(separator: ", ")
        let sql = "SELECT issues.number, issues.seal, \(facts), issue_json.seal, issue_json.json FROM issues "
            + "LEFT JOIN issue_json ON issue_json.number = issues.number WHERE \(filter.condition.sql) ORDER BY \(order)"
        let sealColumn = Int32(2 + IssueRow.factColumns.count), jsonColumn = sealColumn + 1
        let fresh = IssueJSONStore(path: file.path)
        // A read that finds the index damaged rebuilds it and reads again from the start: the
        // issues up to the last one given are then skipped.
        var last: Int?
        try reading {
            let statement = try database.statement(sql)
            try statement.bind(filter.condition.values)
            while try statement.step() {
                let number = Int(statement.int(0))
                if let last, descending ? number >= last : number <= last { continue }
                let rowSeal = statement.int(1)
                let rowFacts = RowFacts(statement, from: 2)
                if try IssueJSONTable.copyEntry(statement, json: jsonColumn, seal: sealColumn, writer: writer, number: number,
                                                rowSeal: rowSeal, facts: rowFacts, to: body) {
                    last = number
                    continue
                }
                let json = encode(try checkedIssue(number, seal: rowSeal, facts: rowFacts))
                try json.withUnsafeBytes(body)
                last = number
                let seal = json.withUnsafeBytes {
                    IssueJSONTable.seal(writer: writer, number: number, rowSeal: rowSeal, facts: rowFacts, json: $0)
                }
                fresh.add(number: number, seal: seal, json: json)
            }
        }
        fresh.flush()
        return true
    }

    /// Issue `number` read from its row (checked against its seal), whose seal and filter
    /// columns must be `seal` and `facts` (as the list read them) and the issue's own.
    private func checkedIssue(_ number: Int, seal: Int64, facts: RowFacts) throws -> Issue {
        let statement = try database.statement("SELECT \(IssueRow.selected), \(IssueRow.factColumns.joined(separator: ", ")) FROM issues WHERE number = ?")
        try statement.bind(.int(number))
        guard try statement.step() else { throw IndexDamaged() }
        let issue = try IssueRow.checkedIssue(statement)
        guard statement.int(5) == seal, RowFacts(statement, from: 6) == facts, RowFacts(IssueRow.facts(of: issue)) == facts else {
            throw IndexDamaged()
        }
        return issue
    }
}
