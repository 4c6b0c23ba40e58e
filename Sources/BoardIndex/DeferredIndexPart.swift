import BoardStore

/// The part of a whole build that `lanes show` does not read: the name tables (`assignees`,
/// `labels`, `users`), their bits (`name_bits`), the secondary indexes and the first screen's
/// (`issues_counted`). A build for a command that needs only the issues' rows and mentions
/// (`BoardIndex.Needs.rows`: `show` after a clone) writes what this part is made from into
/// `deferred_part` instead (a few bytes an issue, on the core that encodes the rows) and marks
/// its meta as deferred (`IndexMeta.isDeferred`); the first command that needs more writes the
/// part (`BoardIndex.completeDeferredPart`), in its transaction, before it reads or writes
/// anything else.
///
/// Why: at 100,000 issues the secondary indexes and the name tables were 40 % of the first
/// command's time after a clone, and `show` reads none of them. A deferred index is never taken
/// for a whole one: its meta's `format` is not `IndexSchema.formatVersion`
/// (`DeferredIndexPart.format`), so a lanes that knows nothing of deferring rebuilds it, and
/// this one completes it before any read that could miss a name or an index.
enum DeferredIndexPart {
    /// The meta's `format` while the part is deferred: no lanes reads it as `formatVersion`.
    static let format = -IndexSchema.formatVersion
    static let create = "CREATE TABLE deferred_part(bytes BLOB NOT NULL)"
    static let drop = "DROP TABLE IF EXISTS deferred_part"

    /// Writes the part now: the name tables' rows, their bits (`open`: the open issues'
    /// numbers, ascending), the indexes. `partWritten` is called between the rows and the indexes.
    static func write(_ names: NameRows, open: [Int], to database: SQLiteDatabase, partWritten: () -> Void = {}) throws {
        try IndexRowInsert(database).insert(names)
        try NameBitsTable.write(names, open: open, to: database)
        partWritten()
        try database.execute(IndexSchema.indexes)
        try database.execute(BoardIndex.firstScreenIndex)
    }

    /// Leaves the part for later: what it is made from, in one row of `deferred_part`.
    static func store(_ names: NameRows, open: [Int], in database: SQLiteDatabase) throws(SQLiteError) {
        var out = SnapshotWriter(flushAt: .max)
        names.write(to: &out)
        NameRows.write(open, to: &out)
        try database.execute(create)
        try database.statement("INSERT INTO deferred_part(bytes) VALUES (?)").bind(.blob(out.bytes)).run()
    }

    /// Writes the part that `store` left and drops what it was made from, showing how far it
    /// got on `bar`. Throws `IndexDamaged` if that is missing or cannot be read (the index is
    /// then rebuilt).
    static func complete(in database: SQLiteDatabase, bar: ProgressBar) throws {
        let statement = try database.statement("SELECT bytes FROM deferred_part")
        guard try statement.step(), let part = statement.blob(0).decoded({ reader throws(SnapshotReader.Damaged) in
            (names: try NameRows(reading: &reader), open: try NameRows.numbers(from: &reader))
        }) else { throw IndexDamaged() }
        database.finishStatements() // the table is dropped below
        // Room for the indexes' pages while they are written, as a rebuild in place has.
        try database.execute("PRAGMA cache_size = -262144")
        defer { try? database.execute("PRAGMA cache_size = -2000") }
        bar.show(0)
        try write(part.names, open: part.open, to: database) { bar.show(0.3) }
        try database.execute(drop)
    }
}

extension BoardIndex {
    /// What a command reads from the index: `rows` (the issues' rows and mentions: `show`) may
    /// be answered by an index whose build deferred the rest (`DeferredIndexPart`); `everything`
    /// completes such an index first. `foldIfBuilt` (`list`, which can answer from the board
    /// folded whole as well as from the index, and the writes, which can be planned on it) is
    /// `everything`, unless this open has to build the index: then the build is `rows`' and
    /// keeps its read (`BoardIndex.builtFrom`) for the command to answer from, instead of
    /// writing the rest first (40 % of a build).
    public enum Needs: Sendable {
        case rows, everything, foldIfBuilt
    }

    /// Writes the deferred part of the index (`DeferredIndexPart`) and marks its meta whole;
    /// inside the caller's write transaction, with `meta` just read.
    func completeDeferredPart() throws {
        guard meta.isDeferred else { return }
        let bar = ProgressBar(bytes: Int(POSIXFile.status(path: location.eventsPath)?.st_size ?? 0))
        defer { bar.finish() }
        try DeferredIndexPart.complete(in: database, bar: bar)
        var whole = meta
        whole.format = IndexSchema.formatVersion
        try whole.write(to: database)
        meta = whole
    }
}
