import BoardModel
import BoardStore

/// Each column's issues counted once and kept counted in the index (`column_counts`), so that
/// the full-screen board's first screen reads a few hundred rows instead of counting every
/// entry of a column (400,000 in a million-issue board's Backlog) on each open.
///
/// One row per column, snoozed or not, open or not and, for an open issue that does not
/// snooze, the day it was last updated (what the stale count reads); archived and deleted
/// issues are not counted. A whole build counts the issues it writes (`EncodedIssueRows`) and
/// stores the counts with its rows; every write that changes rows (`PartialFold.write`: commits
/// and catch-ups) moves its issues' counts in the same transaction (`adjust`).
///
/// The counts are derived and never believed on their own word, as the rest of the index: a
/// stamp in the meta table (`column_counts`) holds the seal of the meta they were kept up to
/// and a checksum of every row. Counts whose stamp names another meta (a rebuild drops the
/// stamp with the meta; a lanes that does not keep counts writes the meta without restamping)
/// or whose rows do not give its checksum (a count edited or deleted by hand) are counted
/// again from the rows.
struct ColumnCounts: Equatable {
    struct Key: Hashable {
        var column: String
        var snoozed: Bool
        var open: Bool
        /// The day (since the epoch, UTC) an open issue that does not snooze was last updated; 0 otherwise.
        var day: Int64
    }

    var counts: [Key: Int] = [:]

    /// What the table and its stamp are made of: made by every whole build (which stores the
    /// counts of the issues it writes), and on first use in an index built before the builds did.
    static let create = """
        CREATE TABLE IF NOT EXISTS column_counts("column" TEXT NOT NULL, snoozed INT NOT NULL, open INT NOT NULL,
            day INT NOT NULL, count INT NOT NULL, PRIMARY KEY("column", snoozed, open, day)) WITHOUT ROWID
        """
    static let stampKey = "column_counts"

    /// Where `issue` is counted, or nil if it is not (archived or deleted).
    static func key(of issue: Issue) -> Key? {
        guard !issue.lifecycle.isArchived, !issue.lifecycle.isDeleted else { return nil }
        let snoozed = issue.snooze != nil
        return Key(column: issue.column, snoozed: snoozed, open: issue.isOpen,
                   day: !snoozed && issue.isOpen ? day(of: issue.updated.milliseconds) : 0)
    }

    /// The day a time falls on, rounded down.
    static func day(of milliseconds: Int64) -> Int64 {
        milliseconds >= 0 ? milliseconds / Timestamp.day : (milliseconds + 1) / Timestamp.day - 1
    }

    // MARK: - Reading

    /// The board's issues that are shown by default (neither archived nor deleted).
    var total: Int { counts.values.reduce(0, +) }

    var columns: Set<String> { Set(counts.keys.map(\.column)) }

    /// The issues of `column` that do not snooze, and the open ones among them last updated
    /// before `day` (the day the stale line falls on is the caller's to count exactly).
    func notSnoozed(_ column: String, staleBeforeDay day: Int64) -> (count: Int, stale: Int) {
        var count = 0, stale = 0
        for (key, value) in counts where key.column == column && !key.snoozed {
            count += value
            if key.open, key.day < day { stale += value }
        }
        return (count, stale)
    }

    func snoozed(_ column: String) -> Int {
        counts.reduce(0) { $0 + ($1.key.column == column && $1.key.snoozed ? $1.value : 0) }
    }

    /// The counts as the table holds them, if its stamp says they are the fold's as of the
    /// meta stored now and its rows give the stamp's checksum; nil otherwise.
    static func stored(in database: SQLiteDatabase) throws -> ColumnCounts? {
        guard let stamp = try Stamp.read(from: database), stamp.meta == (try storedMetaSeal(database)) else { return nil }
        var found = ColumnCounts(), checksum: UInt64 = 0
        let rows = try database.statement("SELECT \"column\", snoozed, open, day, count FROM column_counts")
        while try rows.step() {
            let key = Key(column: rows.text(0), snoozed: rows.int(1) != 0, open: rows.int(2) != 0, day: rows.int(3))
            let count = Int(rows.int(4))
            guard count > 0 else { return nil }
            found.counts[key] = count
            checksum ^= hash(key, count)
        }
        return checksum == stamp.checksum ? found : nil
    }

    /// The counts read from the rows' columns: each column the index holds (found by seeking
    /// past the one before), its entries of `issues_counted` stepped through in order, which
    /// is the order of the keys, so each key's issues come in one run (no sort, unlike a GROUP BY).
    static func counted(in database: SQLiteDatabase) throws -> ColumnCounts {
        var found = ColumnCounts()
        var column = ""
        let next = try database.statement(#"SELECT "column" FROM issues INDEXED BY issues_counted WHERE "column" >= ? ORDER BY "column" LIMIT 1"#)
        var seek: SQLiteStatement? = try next.bind(.text(column))
        while let statement = seek, try statement.step() {
            column = statement.text(0)
            try count(column, into: &found, in: database)
            seek = try database.statement(#"SELECT "column" FROM issues INDEXED BY issues_counted WHERE "column" > ? ORDER BY "column" LIMIT 1"#)
                .bind(.text(column))
        }
        return found
    }

    private static func count(_ column: String, into found: inout ColumnCounts, in database: SQLiteDatabase) throws {
        let rows = try database.statement(#"""
            SELECT snoozed IS NOT NULL, open, updated FROM issues INDEXED BY issues_counted
            WHERE "column" = ? AND archived = 0 AND deleted = 0
            """#).bind(.text(column))
        var run: Key?, length = 0
        while try rows.step() {
            let snoozed = rows.int(0) != 0, open = rows.int(1) != 0
            let key = Key(column: column, snoozed: snoozed, open: open, day: !snoozed && open ? day(of: rows.int(2)) : 0)
            if key == run {
                length += 1
                continue
            }
            if let run { found.counts[run, default: 0] += length }
            (run, length) = (key, 1)
        }
        if let run { found.counts[run, default: 0] += length }
    }

    // MARK: - Writing

    /// Counts `issue` where it is counted (a whole build counts each issue it writes).
    mutating func add(_ issue: Issue) {
        if let key = ColumnCounts.key(of: issue) { counts[key, default: 0] += 1 }
    }

    /// Adds counts of other issues (another core's).
    mutating func add(_ other: ColumnCounts) {
        counts.merge(other.counts, uniquingKeysWith: +)
    }

    /// Counts the rows again and stores the counts, stamped with the meta stored now; inside
    /// the caller's write transaction.
    static func recount(in database: SQLiteDatabase) throws -> ColumnCounts {
        let counts = try counted(in: database)
        try counts.store(in: database)
        return counts
    }

    /// Stores these counts in place of the table's rows, stamped with the meta stored now (so
    /// they must be that meta's fold: a recount's, or a whole build's, counted from the issues
    /// it wrote); inside the caller's write transaction.
    func store(in database: SQLiteDatabase) throws {
        try database.execute("DELETE FROM column_counts")
        var stamp = Stamp(meta: try ColumnCounts.storedMetaSeal(database), checksum: 0)
        for (key, count) in counts {
            try ColumnCounts.write(key, count, to: database)
            stamp.checksum ^= ColumnCounts.hash(key, count)
        }
        try stamp.write(to: database)
    }

    /// Moves a written issue's count from where `old` (the row as it was; nil for a new issue)
    /// counted it to where `new` counts it, if the index keeps counts. Inside the caller's
    /// transaction, before the meta is written (`restamp`).
    static func adjust(from old: Issue?, to new: Issue, in database: SQLiteDatabase) throws {
        let before = old.flatMap(key(of:)), after = key(of: new)
        guard before != after, var stamp = try Stamp.read(from: database) else { return }
        if let before { try add(-1, at: before, stamp: &stamp, in: database) }
        if let after { try add(1, at: after, stamp: &stamp, in: database) }
        try stamp.write(to: database)
    }

    private static func add(_ delta: Int, at key: Key, stamp: inout Stamp, in database: SQLiteDatabase) throws {
        let statement = try database.statement("""
            SELECT count FROM column_counts WHERE "column" = ? AND snoozed = ? AND open = ? AND day = ?
            """).bind(keyValues(key))
        let count = try statement.step() ? Int(statement.int(0)) : 0
        let new = count + delta
        guard new >= 0 else { // counts that were not the fold's: never believed again
            stamp.meta = 0
            return
        }
        if count > 0 { stamp.checksum ^= hash(key, count) }
        if new > 0 { stamp.checksum ^= hash(key, new) }
        try write(key, new, to: database)
    }

    private static func write(_ key: Key, _ count: Int, to database: SQLiteDatabase) throws(SQLiteError) {
        if count == 0 {
            try database.statement("DELETE FROM column_counts WHERE \"column\" = ? AND snoozed = ? AND open = ? AND day = ?")
                .bind(keyValues(key)).run()
        } else {
            try database.statement("INSERT OR REPLACE INTO column_counts(\"column\", snoozed, open, day, count) VALUES (?, ?, ?, ?, ?)")
                .bind(keyValues(key) + [.int(count)]).run()
        }
    }

    /// Called as the meta sealed `old` is replaced by the meta sealed `new`: counts kept up to
    /// `old` are now kept up to `new` (this transaction moved them with its rows).
    static func restamp(in database: SQLiteDatabase, from old: Int64?, to new: Int64) throws(SQLiteError) {
        guard let old, var stamp = try Stamp.read(from: database), stamp.meta == old else { return }
        stamp.meta = new
        try stamp.write(to: database)
    }

    // MARK: - Seals

    private static func keyValues(_ key: Key) -> [SQLiteValue?] {
        [.text(key.column), .int(key.snoozed ? 1 : 0), .int(key.open ? 1 : 0), .integer(key.day)]
    }

    /// A row's checksum; the stamp holds the XOR of every row's, so that a write changes it by
    /// the rows it changes.
    static func hash(_ key: Key, _ count: Int) -> UInt64 {
        var out = SnapshotWriter()
        out.string(key.column)
        out.int(key.snoozed ? 1 : 0)
        out.int(key.open ? 1 : 0)
        out.int(key.day)
        out.int(count)
        return UInt64(bitPattern: IndexSeal.of(out.bytes))
    }

    /// The seal of the meta stored now (nil if there is none).
    static func storedMetaSeal(_ database: SQLiteDatabase) throws(SQLiteError) -> Int64? {
        let statement = try database.statement("SELECT value FROM meta WHERE key = 'seal'")
        return try statement.step() ? statement.int(0) : nil
    }

    /// The meta the counts were kept up to, and the checksum of their rows.
    struct Stamp {
        var meta: Int64?
        var checksum: UInt64

        static func read(from database: SQLiteDatabase) throws(SQLiteError) -> Stamp? {
            let statement = try database.statement("SELECT value FROM meta WHERE key = ?").bind(.text(stampKey))
            guard try statement.step() else { return nil }
            return statement.blob(0).decoded { reader throws(SnapshotReader.Damaged) in
                Stamp(meta: try reader.int(), checksum: try reader.fixed())
            }
        }

        func write(to database: SQLiteDatabase) throws(SQLiteError) {
            var out = SnapshotWriter()
            out.int(meta ?? 0)
            out.fixed(checksum)
            try database.statement("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)").bind(.text(stampKey), .blob(out.bytes)).run()
        }
    }
}
