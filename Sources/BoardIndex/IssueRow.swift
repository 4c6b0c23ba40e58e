import BoardModel
import BoardStore

/// One issue's row of the index: the folded issue (`data`, the snapshot's per-issue coding),
/// where its events' lines start in the log (`events`), the columns a query filters and sorts
/// on, copied out of the issue, and `seal`, a checksum of number, data and events. A row whose
/// seal does not match, or whose columns disagree with its data, is damage: the index is rebuilt.
struct IssueRow {
    var issue: Issue
    /// Byte offsets of the issue's lines in the log, in log order.
    var offsets: [Int64]

    /// `SELECT` these, in this order, to read a row with `init(_:)`.
    static let selected = #"number, "column", rank, data, events, seal"#

    /// Decodes and checks the row `statement` is on (its columns as `selected`).
    init(_ statement: SQLiteStatement) throws {
        var offsets: [Int64] = []
        issue = try IssueRow.checkedIssue(statement) { events in
            var reader = SnapshotReader(events)
            var last: Int64 = 0
            while !reader.isAtEnd {
                guard let step = try? reader.int() else { throw IndexDamaged() }
                last += step
                offsets.append(last)
            }
        }
        self.offsets = offsets
    }

    /// The issue of the row `statement` is on (its columns as `selected`), checked as `init`
    /// checks it, read in place from SQLite's buffers; `events`, if given, is called with the
    /// row's `events` bytes (`list` needs no offsets, so it decodes none).
    static func checkedIssue(_ statement: SQLiteStatement,
                             events readEvents: ((UnsafeRawBufferPointer) throws -> Void)? = nil) throws -> Issue {
        let number = Int(statement.int(0))
        let issue = try statement.withBlob(3) { data -> Issue in
            try statement.withBlob(4) { events -> Issue in
                try checkSeal(statement, number: number, data: data, events: events)
                try readEvents?(events)
                return try decoded(data)
            }
        }
        try check(issue, number: number, column: statement.text(1), rank: statement.double(2))
        return issue
    }

    /// Throws unless the seal of the row `statement` is on (its columns as `selected`) is that of `number`, `data` and `events`.
    static func checkSeal(_ statement: SQLiteStatement, number: Int, data: UnsafeRawBufferPointer, events: UnsafeRawBufferPointer) throws {
        guard IssueRow.seal(number: number, data: data, events: events) == statement.int(5) else { throw IndexDamaged() }
    }

    /// The issue a row's `data` holds.
    static func decoded(_ data: UnsafeRawBufferPointer) throws -> Issue {
        var reader = SnapshotReader(data)
        guard let issue = try? Issue(snapshot: &reader) else { throw IndexDamaged() }
        return issue
    }

    /// Throws unless `issue` agrees with the columns of the row it was decoded from.
    static func check(_ issue: Issue, number: Int, column: String, rank: Double) throws {
        guard issue.number == number, issue.column == column, issue.rank == rank else { throw IndexDamaged() }
    }

    init(issue: Issue, offsets: [Int64]) {
        self.issue = issue
        self.offsets = offsets
    }

    /// Writes the row, and what the other tables hold about the issue where it differs from
    /// `old` (the row as read; nil for an issue new to the index), its text only if `text`
    /// (the free-text index has been built). Returns its seal.
    @discardableResult
    func write(to database: SQLiteDatabase, replacing old: Issue?, text: Bool) throws -> Int64 {
        let seal = try writeRow(to: database)
        let number = SQLiteValue.int(issue.number)
        if old?.assignees != issue.assignees {
            if old != nil { try database.statement("DELETE FROM assignees WHERE number = ?").bind(number).run() }
            for name in issue.assignees { try IssueRow.insertAssignee(name, issue.number, into: database) }
            try NameBitsTable.update(NameBitsTable.assignees, of: issue.number, from: old?.assignees ?? [], to: issue.assignees, in: database)
        }
        if old?.labels != issue.labels {
            if old != nil { try database.statement("DELETE FROM labels WHERE number = ?").bind(number).run() }
            for label in issue.labels { try IssueRow.insertLabel(label, issue.number, into: database) }
            try NameBitsTable.update(NameBitsTable.labels, of: issue.number, from: old?.labels ?? [], to: issue.labels, in: database)
        }
        if old?.isOpen != issue.isOpen {
            try NameBitsTable.update(NameBitsTable.states, of: issue.number, from: old?.isOpen == true ? [NameBitsTable.open] : [],
                                     to: issue.isOpen ? [NameBitsTable.open] : [], in: database)
        }
        if old == nil { try IssueRow.insertUser(issue.author, into: database) }
        if text, old?.title != issue.title || old?.body != issue.body {
            if old != nil { try database.statement("DELETE FROM issue_text WHERE rowid = ?").bind(number).run() }
            try writeText(to: database)
        }
        return seal
    }

    /// The `issues` row alone (a rebuild fills the other tables in their keys' order). Returns its seal.
    func writeRow(to database: SQLiteDatabase) throws(SQLiteError) -> Int64 {
        var out = SnapshotWriter()
        issue.writeSnapshot(to: &out)
        let data = out.bytes
        var events = SnapshotWriter()
        var last: Int64 = 0
        for offset in offsets {
            events.int(offset - last)
            last = offset
        }
        let seal = IssueRow.seal(number: issue.number, data: data, events: events.bytes)
        try database.statement("""
            INSERT OR REPLACE INTO issues(number, "column", rank, open, priority, archived, deleted, created, updated,
                                          due, snoozed, author, data, events, seal)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).bind([.int(issue.number), .text(issue.column), .real(issue.rank)] + IssueRow.facts(of: issue)
                + [.text(issue.author), .blob(data), .blob(events.bytes), .integer(seal)]).run()
        return seal
    }

    /// The columns a query filters on that hold numbers (or NULL), copied out of the issue:
    /// `open`, `priority`, `archived`, `deleted`, `created`, `updated`, `due` and `snoozed`, in
    /// that order (`factColumns`).
    static func facts(of issue: Issue) -> [SQLiteValue?] {
        [.int(issue.isOpen ? 1 : 0), .int(issue.priority.order), .int(issue.lifecycle.isArchived ? 1 : 0),
         .int(issue.lifecycle.isDeleted ? 1 : 0), .integer(issue.created.milliseconds), .integer(issue.updated.milliseconds),
         issue.due.map { .integer($0.daysSinceEpoch) }, issue.snooze.map { .integer($0.until.daysSinceEpoch) }]
    }

    /// The `issues` columns `facts(of:)` gives, in its order.
    static let factColumns = ["open", "priority", "archived", "deleted", "created", "updated", "due", "snoozed"]

    static func insertAssignee(_ name: String, _ number: Int, into database: SQLiteDatabase) throws(SQLiteError) {
        try database.statement("INSERT OR IGNORE INTO assignees(name, number, spelled) VALUES (?, ?, ?)")
            .bind(.text(name.lowercased()), .int(number), .text(name)).run()
    }

    static func insertLabel(_ label: String, _ number: Int, into database: SQLiteDatabase) throws(SQLiteError) {
        try database.statement("INSERT OR IGNORE INTO labels(label, number) VALUES (?, ?)").bind(.text(label.lowercased()), .int(number)).run()
    }

    static func insertUser(_ name: String, into database: SQLiteDatabase) throws(SQLiteError) {
        try database.statement("INSERT OR IGNORE INTO users(name, spelled) VALUES (?, ?)").bind(.text(name.lowercased()), .text(name)).run()
    }

    /// The issue's row of `issue_text` (the free-text index, kept once it has been built).
    func writeText(to database: SQLiteDatabase) throws(SQLiteError) {
        try database.statement("INSERT INTO issue_text(rowid, title, body) VALUES (?, ?, ?)")
            .bind(.int(issue.number), .text(Self.searchable(issue.title)), .text(Self.searchable(issue.body))).run()
    }

    /// The text as the trigram table can hold it: its tokenizer stops at a NUL, so a word after
    /// one (pasted text can hold it) would never be a candidate. A space in its place finds
    /// every word the text has (free-text words hold no space); a phrase across it becomes a
    /// candidate too, which the matcher then decides.
    static func searchable(_ text: String) -> String {
        text.utf8.contains(0) ? String(text.map { $0 == "\u{0}" ? " " : $0 }) : text
    }

    static func seal(number: Int, data: [UInt8], events: [UInt8]) -> Int64 {
        data.withUnsafeBytes { data in events.withUnsafeBytes { events in seal(number: number, data: data, events: events) } }
    }

    /// `IndexSeal.of(number ‖ data.count ‖ data ‖ events)` (eight little-endian bytes each for
    /// the two numbers), computed over the bytes where they are, without joining them first.
    static func seal(number: Int, data: UnsafeRawBufferPointer, events: UnsafeRawBufferPointer) -> Int64 {
        var checksum = PiecewiseChecksum()
        withUnsafeBytes(of: (Int64(number).littleEndian, Int64(data.count).littleEndian)) { checksum.add($0) }
        checksum.add(data)
        checksum.add(events)
        return Int64(bitPattern: checksum.value)
    }
}

/// `SnapshotChecksum` of bytes given in pieces of any length: the same value as one call over
/// the pieces joined. Whole blocks are checksummed where they lie; only a block that straddles
/// two pieces is copied, into `pending`.
struct PiecewiseChecksum {
    private var checksum = SnapshotChecksum()
    private var pending: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var pendingCount = 0

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        var rest = bytes
        if pendingCount > 0 {
            let taken = min(SnapshotChecksum.blockSize - pendingCount, rest.count)
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.advanced(by: pendingCount).copyMemory(from: rest.baseAddress!, byteCount: taken)
            }
            pendingCount += taken
            rest = UnsafeRawBufferPointer(rebasing: rest[taken...])
            guard pendingCount == SnapshotChecksum.blockSize else { return }
            withUnsafeBytes(of: pending) { checksum.add($0) }
            pendingCount = 0
            guard !rest.isEmpty else { return }
        }
        let whole = rest.count - rest.count % SnapshotChecksum.blockSize
        checksum.add(UnsafeRawBufferPointer(rebasing: rest[..<whole]))
        let tail = rest.count - whole
        if tail > 0 {
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.copyMemory(from: rest.baseAddress!.advanced(by: whole), byteCount: tail)
            }
            pendingCount = tail
        }
    }

    /// The checksum of everything added.
    var value: UInt64 {
        var last = checksum
        withUnsafeBytes(of: pending) { last.add(UnsafeRawBufferPointer(rebasing: $0[..<pendingCount])) }
        return last.value
    }
}

/// The index file holds something the fold did not write (a damaged page, a row changed by
/// hand, meta without its rows): it is rebuilt from the log, never believed.
struct IndexDamaged: Error {}
