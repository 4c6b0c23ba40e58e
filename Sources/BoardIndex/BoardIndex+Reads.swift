#if canImport(Glibc)
import Glibc
#endif
import BoardModel
import BoardStore

/// Reading the index: issues by number or by a condition, an issue's timeline read back from
/// the log, the board-wide state, and the users a name may mean.
extension BoardIndex {
    /// The board-wide part of the fold (columns, removed columns, the highest number, counts),
    /// holding no issues yet: what a command plans against once it has held the issues it needs.
    public var boardState: BoardState { meta.partialState() }

    /// The issue numbered `number` as the fold leaves it (deleted ones too), or nil.
    public func issue(_ number: Int) throws -> Issue? {
        try reading { try row(number)?.issue }
    }

    /// Issue `number`'s events, in log order, read back from the log by where their lines start.
    public func timeline(_ number: Int) throws -> [Event] {
        try reading {
            guard let row = try row(number) else { return [] }
            return try timeline(of: row)
        }
    }

    /// A state holding issue `number` (if it exists) with its timeline and the issues whose
    /// text names it: everything `lanes show` prints.
    public func showing(_ number: Int) throws -> BoardState {
        try reading {
            var state = meta.partialState()
            guard let row = try row(number) else { return state }
            state.hold(row.issue, timeline: try timeline(of: row))
            let statement = try database.statement("SELECT source FROM mentions WHERE target = ? ORDER BY source").bind(.int(number))
            while try statement.step() { state.holdMention(from: Int(statement.int(0)), to: number) }
            return state
        }
    }

    /// Calls `body` with each issue whose row meets `condition` (SQL over the `issues` table,
    /// `?` bound to `bindings` in order), in `order` (SQL; default: by number), until it returns
    /// false. The condition only narrows: callers match each issue exactly themselves. (If a
    /// damaged row is found part-way, the index is rebuilt and the issues not yet given follow.)
    public func forEachIssue(where condition: String = "1", _ bindings: [SQLiteValue?] = [], orderedBy order: String = "number",
                             _ body: (Issue) throws -> Bool) throws {
        try forEachIssue(selecting: { ("SELECT \(IssueRow.selected) FROM issues WHERE \(condition) ORDER BY \(order)", bindings) }, body)
    }

    /// Calls `body` with the issue of each row that `select` (called inside the read, and again
    /// if the read is repeated) selects (columns as `IssueRow.selected`), until it returns false.
    func forEachIssue(selecting select: () throws -> (sql: String, bindings: [SQLiteValue?]), _ body: (Issue) throws -> Bool) throws {
        try forEachRow(selecting: select, read: { try IssueRow.checkedIssue($0) }, body)
    }

    /// Calls `body` with what `read` makes of each row that `select` selects (as
    /// `forEachIssue(selecting:_:)`), until it returns false.
    func forEachRow<Row>(selecting select: () throws -> (sql: String, bindings: [SQLiteValue?]),
                         read: (SQLiteStatement) throws -> Row, _ body: (Row) throws -> Bool) throws {
        // Found damaged part-way, the index is rebuilt and the rows not yet given are given then.
        // The numbers given are only looked up in a read made again (a set of every number
        // read, hashed row by row, was a twentieth of the reading thread's time at 9,793 rows).
        var given: [Int] = []
        try reading {
            let skipped = Set(given)
            let (sql, bindings) = try select()
            let statement = try database.statement(sql)
            try statement.bind(bindings)
            while try statement.step() {
                let number = Int(statement.int(0))
                guard skipped.isEmpty || !skipped.contains(number) else { continue }
                let row = try read(statement)
                given.append(number)
                guard try body(row) else { return }
            }
        }
    }

    /// `BoardState.resolveUsers` for this board: the users already named on it (authors and
    /// assignees) are looked up by their folded names instead of collected from every issue.
    public func resolveUsers(_ names: [String], me actor: String) throws -> (users: [String], unknown: [String]) {
        guard !names.isEmpty else { return ([], []) }
        return try reading { try knownUsers(matching: names, me: actor) }
    }

    private func knownUsers(matching names: [String], me actor: String) throws -> (users: [String], unknown: [String]) {
        var known = Set<String>()
        for name in names {
            var bare = Substring(name.trimmingSpaces)
            while bare.hasPrefix("@") { bare = bare.dropFirst() }
            for folded in try foldedNames(equalTo: String(bare)) {
                let statement = try database.statement(BoardIndex.spellingsOfName)
                try statement.bind(.text(folded))
                while try statement.step() { known.insert(statement.text(0)) }
            }
        }
        return BoardState.resolveUsers(names, me: actor, known: Array(known))
    }

    /// The folded names (as `users.name` and `assignees.name` hold them) that the whole board's
    /// `caseInsensitiveEquals` takes for `name`. SQL compares bytes, Swift canonical
    /// equivalents (`é` typed, `e` and a combining accent on the board): a name that folds to
    /// ASCII is looked up by its spellings (`NameSpellings`: the few stand-ins for ASCII), any
    /// other is compared in Swift with each distinct folded name (one seek each, a few hundred
    /// on a big board, only for such a name).
    private func foldedNames(equalTo name: String) throws -> [String] {
        if let spellings = NameSpellings.of(name, lowercased: true) { return spellings }
        let folded = name.lowercased()
        var found: [String] = []
        let statement = try database.statement(BoardIndex.foldedNames)
        while try statement.step() {
            let stored = statement.text(0)
            if stored == folded { found.append(stored) }
        }
        return found
    }

    /// Every distinct folded name among authors and assignees, the assignees' found by
    /// stepping from one name to the next (not by reading each assigned issue).
    static let foldedNames = """
        WITH RECURSIVE folded(name) AS (
            SELECT (SELECT min(name) FROM assignees)
            UNION ALL
            SELECT (SELECT min(a.name) FROM assignees a WHERE a.name > folded.name) FROM folded WHERE folded.name IS NOT NULL)
        SELECT name FROM folded WHERE name IS NOT NULL
        UNION SELECT name FROM users
        """

    /// Every spelling of one folded name (`?1`) among authors and assignees. The assignees'
    /// spellings are found by stepping from one to the next in `assignees_by_spelling`, so the
    /// cost follows how many spellings there are, not how many issues are assigned to the name
    /// (at 1M issues a `SELECT DISTINCT` read 90,000 rows: 50 ms an `assign`).
    static let spellingsOfName = """
        WITH RECURSIVE spelling(spelled) AS (
            SELECT (SELECT min(spelled) FROM assignees WHERE name = ?1)
            UNION ALL
            SELECT (SELECT min(a.spelled) FROM assignees a WHERE a.name = ?1 AND a.spelled > spelling.spelled)
            FROM spelling WHERE spelling.spelled IS NOT NULL)
        SELECT spelled FROM spelling WHERE spelled IS NOT NULL
        UNION SELECT spelled FROM users WHERE name = ?1
        """

    /// Runs a read; a damaged index is rebuilt and the read run again (`repairing`).
    func reading<T>(_ body: () throws -> T) throws -> T {
        try BoardIndex.usable { try repairing { try database.transaction(immediate: false, body) } }
    }

    /// The issue's row, checked against its seal.
    func row(_ number: Int) throws -> IssueRow? {
        let statement = try database.statement("SELECT \(IssueRow.selected) FROM issues WHERE number = ?").bind(.int(number))
        return try statement.step() ? try IssueRow(statement) : nil
    }

    /// The row's timeline, read back from the log.
    private func timeline(of row: IssueRow) throws -> [Event] {
        let fd = try BoardFile.open(location.eventsPath, O_RDONLY)
        defer { close(fd) }
        return try LogLines.events(of: row.issue.number, at: row.offsets, in: fd, path: location.eventsPath)
    }
}
