/// The inserts of a whole build, each statement prepared once and bound by position: the
/// issues' rows from the buffers `EncodedIssueRows` hands over (bound in place, no copy), the
/// name tables' rows one spelling at a time.
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
        assignee = try database.statement(
            "INSERT OR IGNORE INTO assignees(name, number, spelled) SELECT ?1, value, ?2 FROM json_each(?3)")
        label = try database.statement("INSERT OR IGNORE INTO labels(label, number) SELECT ?1, value FROM json_each(?2)")
        user = try database.statement("INSERT OR IGNORE INTO users(name, spelled) VALUES (?, ?)")
    }

    /// Inserts a batch's rows, in its order.
    func insert(_ batch: EncodedIssueRows.Batch) throws {
        let factCount = IssueRow.factColumns.count
        try batch.bytes.withUnsafeBytes { bytes in
            func part(_ range: Range<Int>) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[range]) }
            for (index, row) in batch.rows.enumerated() {
                try issue.bind(1, .int(row.number))
                try issue.bind(2, borrowing: part(row.column), asText: true)
                try issue.bind(3, .real(row.rank))
                for offset in 0..<factCount { try issue.bind(Int32(4 + offset), batch.facts[index * factCount + offset]) }
                try issue.bind(12, borrowing: part(row.author), asText: true)
                try issue.bind(13, borrowing: part(row.data), asText: false)
                try issue.bind(14, borrowing: part(row.events), asText: false)
                try issue.bind(15, .integer(row.seal))
                try issue.insert()
            }
        }
    }

    /// Inserts the rows of `assignees`, `labels` and `users`, in the order of their keys: each
    /// name's numbers in one statement, as a JSON array that SQLite walks (`json_each`), which
    /// costs a third of a step per row.
    func insert(_ names: NameRows) throws(SQLiteError) {
        for group in names.assigneeRows {
            try assignee.bind(1, .text(group.folded))
            try assignee.bind(2, .text(group.spelled))
            try IndexRowInsert.bindNumbers(group.numbers, 3, of: assignee)
            try assignee.insert()
        }
        for group in names.labelRows {
            try label.bind(1, .text(group.folded))
            try IndexRowInsert.bindNumbers(group.numbers, 2, of: label)
            try label.insert()
        }
        for name in names.users {
            try user.bind(1, .text(name.lowercased()))
            try user.bind(2, .text(name))
            try user.insert()
        }
    }

    /// Binds `numbers` as a JSON array ("[1,2,3]").
    private static func bindNumbers(_ numbers: [Int], _ index: Int32, of statement: SQLiteStatement) throws(SQLiteError) {
        var json: [UInt8] = [UInt8(ascii: "[")]
        json.reserveCapacity(numbers.count * 8 + 2)
        for (offset, number) in numbers.enumerated() {
            if offset > 0 { json.append(UInt8(ascii: ",")) }
            json.append(contentsOf: String(number).utf8)
        }
        json.append(UInt8(ascii: "]"))
        try statement.bind(index, .text(String(decoding: json, as: UTF8.self)))
    }
}
