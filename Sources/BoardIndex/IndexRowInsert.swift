/// The inserts of a whole build, each statement prepared once and bound by position: the
/// issues' rows from the buffers `EncodedIssueRows` hands over (bound in place, no copy), the
/// name tables' rows one folded name at a time (the name bound once for all its rows).
struct IndexRowInsert {
    private let issue: SQLiteStatement
    private let assignee: SQLiteStatement
    private let label: SQLiteStatement
    private let user: SQLiteStatement

    init(_ database: SQLiteDatabase) throws(SQLiteError) {
        issue = try database.statement("""
            INSERT INTO issues(number, "column", rank, open, priority, archived, deleted, created, updated,
                               due, snoozed, author, data, events, seal)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        assignee = try database.statement("INSERT OR IGNORE INTO assignees(name, number, spelled) VALUES (?, ?, ?)")
        label = try database.statement("INSERT OR IGNORE INTO labels(label, number) VALUES (?, ?)")
        user = try database.statement("INSERT OR IGNORE INTO users(name, spelled) VALUES (?, ?)")
    }

    /// Inserts a batch's rows, in its order.
    func insert(_ batch: EncodedIssueRows.Batch) throws {
        try batch.bytes.withUnsafeBytes { bytes in
            func part(_ range: Range<Int>) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[range]) }
            for row in batch.rows {
                try issue.bind(1, .int(row.number))
                try issue.bind(2, borrowing: part(row.column), asText: true)
                try issue.bind(3, .real(row.rank))
                for (offset, fact) in row.facts.enumerated() { try issue.bind(Int32(4 + offset), fact) }
                try issue.bind(12, borrowing: part(row.author), asText: true)
                try issue.bind(13, borrowing: part(row.data), asText: false)
                try issue.bind(14, borrowing: part(row.events), asText: false)
                try issue.bind(15, .integer(row.seal))
                try issue.insert()
            }
        }
    }

    /// Inserts the rows of `assignees`, `labels` and `users`, in the order of their keys.
    func insert(_ names: NameRows) throws(SQLiteError) {
        for (name, rows) in names.assigneeRows {
            try assignee.bind(1, .text(name))
            for (number, spelled) in rows {
                try assignee.bind(2, .int(number))
                try assignee.bind(3, .text(spelled))
                try assignee.insert()
            }
        }
        for (name, rows) in names.labelRows {
            try label.bind(1, .text(name))
            for number in rows {
                try label.bind(2, .int(number))
                try label.insert()
            }
        }
        for name in names.users {
            try user.bind(1, .text(name.lowercased()))
            try user.bind(2, .text(name))
            try user.insert()
        }
    }
}
