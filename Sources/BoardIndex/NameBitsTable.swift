/// `name_bits`: for each assignee and label, folded as `assignees.name` and `labels.label`
/// hold them, the issues that carry it, one row per `NumberChunk` of 4,096 numbers.
///
/// Why: `assignee:user3 label:label-7` at 1M issues asked SQLite for the label's 60,716 rows,
/// each looked up among the user's 155,266 (`EXISTS`: 8,500 pages read, a fifth of the query),
/// after counting both lists to pick the shorter. Read as bits (two names: 490 rows, about 70
/// pages), the two lists are intersected in a pass over their words (`NumberBitmap`). The
/// `assignees` and `labels` tables stay as they were: the other reads use them.
///
/// Kept exact by every write (`update`, from `IssueRow.write`) and written whole by a build
/// (`write`); the query's matcher still decides every issue read, as for any candidate the index proposes.
enum NameBitsTable {
    static let create = """
        CREATE TABLE name_bits(list TEXT NOT NULL, name TEXT NOT NULL, chunk INT NOT NULL, bits BLOB NOT NULL,
            PRIMARY KEY(list, name, chunk)) WITHOUT ROWID;
        """

    /// The lists a row belongs to: the tables whose rows they mirror, and `states`, whose one
    /// name, `open`, lists the open issues (`issues.open`): `assignee:X is:open` then reads
    /// only the rows of X's open issues (at 1M, the selective query read 11,901 rows to show 9,793).
    static let assignees = "assignees", labels = "labels", states = "states"
    static let open = "open"

    /// A build's rows, from the rows of its name tables (the spellings of one folded name merged)
    /// and the numbers of the open issues (ascending).
    static func write(_ names: NameRows, open: [Int], to database: SQLiteDatabase) throws(SQLiteError) {
        let insert = try database.statement("INSERT INTO name_bits(list, name, chunk, bits) VALUES (?, ?, ?, ?)")
        let states = [NameRows.Group(folded: NameBitsTable.open, spelled: NameBitsTable.open, numbers: open)]
        for (list, groups) in [(assignees, names.assigneeRows), (labels, names.labelRows), (NameBitsTable.states, states)] {
            var start = 0
            while start < groups.count {
                let name = groups[start].folded
                var end = start + 1
                while end < groups.count, groups[end].folded == name { end += 1 }
                let numbers = end - start == 1 ? groups[start].numbers : Set(groups[start..<end].flatMap(\.numbers)).sorted()
                for (chunk, members) in NumberChunk.chunks(of: numbers) {
                    try insert.bind(1, .text(list))
                    try insert.bind(2, .text(name))
                    try insert.bind(3, .int(chunk))
                    try insert.bind(4, .blob(members.stored ?? []))
                    try insert.insert()
                }
                start = end
            }
        }
    }

    /// Moves issue `number` from the names of `list` it had (`old`, as spelled) to those it has (`new`).
    static func update(_ list: String, of number: Int, from old: [String], to new: [String], in database: SQLiteDatabase) throws {
        let before = Set(old.map { $0.lowercased() }), after = Set(new.map { $0.lowercased() })
        for name in before.subtracting(after) { try change(list, name, number, adding: false, in: database) }
        for name in after.subtracting(before) { try change(list, name, number, adding: true, in: database) }
    }

    private static func change(_ list: String, _ name: String, _ number: Int, adding: Bool, in database: SQLiteDatabase) throws {
        let chunk = SQLiteValue.int(number / NumberChunk.size)
        let read = try database.statement("SELECT bits FROM name_bits WHERE list = ? AND name = ? AND chunk = ?")
        try read.bind(.text(list), .text(name), chunk)
        var members = try read.step() ? try read.withBlob(0) { try NumberChunk(stored: $0) } : NumberChunk()
        if adding { members.insert(number % NumberChunk.size) } else { members.remove(number % NumberChunk.size) }
        if let stored = members.stored {
            try database.statement("INSERT OR REPLACE INTO name_bits(list, name, chunk, bits) VALUES (?, ?, ?, ?)")
                .bind(.text(list), .text(name), chunk, .blob(stored)).run()
        } else {
            try database.statement("DELETE FROM name_bits WHERE list = ? AND name = ? AND chunk = ?").bind(.text(list), .text(name), chunk).run()
        }
    }

    /// The issues on every one of `lists` (each: on any of its names).
    static func intersection(_ lists: [SQLCondition.MemberList], in database: SQLiteDatabase) throws -> NumberBitmap {
        var result: NumberBitmap?
        for list in lists {
            var members = NumberBitmap()
            let names = list.names.map { _ in "?" }.joined(separator: ", ")
            let statement = try database.statement("SELECT chunk, bits FROM name_bits WHERE list = ? AND name IN (\(names))")
            try statement.bind([.text(list.table)] + list.names.map { .text($0) })
            while try statement.step() {
                let chunk = statement.int(0)
                guard chunk >= 0, chunk <= NumberChunk.last else { throw IndexDamaged() }
                members.formUnion(chunk: Int(chunk), try statement.withBlob(1) { try NumberChunk(stored: $0) })
            }
            if result == nil { result = members } else { result!.formIntersection(members) }
        }
        return result ?? NumberBitmap()
    }
}
