import BoardModel
import BoardStore

extension BoardIndex {
    /// Reads the whole log with the board's one loader (`EventLog`: two cores, the fold) and
    /// writes the index afresh. An index nobody can be using (`replaceable`) is replaced by a
    /// file built beside it (`IndexBuild`: no journal, then one rename); any other is
    /// rewritten inside the caller's transaction. Either way, until the end other processes
    /// see the old index, and a rebuild cut short leaves it. Returns the covered length, or
    /// throws `IndexReplaced` once the new file is in place.
    func rebuild() throws -> Int {
        rebuilds += 1
        // A read made before (`prefolded`) is built from once, on a thread behind the
        // full-screen board: no bar there, the board is on the terminal.
        let read = prefolded
        prefolded = nil
        let bar = ProgressBar(bytes: read != nil ? 0 : Int(POSIXFile.status(path: location.eventsPath)?.st_size ?? 0))
        defer { bar.finish() }
        let log = try read ?? EventLog.open(location, collectingOffsets: true) { done, total in
            bar.show(BoardIndex.readingShare * Double(done) / Double(max(total, 1)))
        }.wholeRead
        if needs == .foldIfBuilt || builtFrom != nil {
            // The command answers from this read (the latest, if this open rebuilds again: a
            // write plans on it): the build is `show`'s, the rest deferred.
            needs = .rows
            builtFrom = log
        }
        if try replaceable() {
            let build = try IndexBuild(of: file)
            do {
                let target = try build.opened()
                meta = try target.transaction { try write(log, to: target, bar: bar, partWritten: build.syncSoFar) }
                try build.finish(over: file)
            } catch {
                build.abandon()
                throw error
            }
            Retired.release(consume log)
            // The caller's transaction ends (on the old file, which it left as it was), and
            // the caller connects to the new file, whose meta is now `meta`, and goes on there
            // (`followingReplacement`).
            throw IndexReplaced()
        } else {
            database.finishStatements()
            try database.execute(IndexSchema.dropAll + DeferredIndexPart.drop)
            // Room for the whole index while it is written (see `IndexBuild.pragmas`).
            try database.execute("PRAGMA cache_size = -262144")
            defer { try? database.execute("PRAGMA cache_size = -2000") }
            meta = try write(log, to: database, bar: bar)
            Retired.release(consume log)
            return meta.covered
        }
    }

    /// Whether the index file can be replaced rather than rewritten: it holds no valid meta,
    /// so no process can be reading or writing rows in it (each checks the meta first, under
    /// the lock the caller holds), and its write-ahead log is empty, so the new file will not
    /// inherit the old one's pages. A board's first index is such a file.
    private func replaceable() throws -> Bool {
        guard (try? IndexMeta.read(from: database)) ?? nil == nil else { return false }
        return (POSIXFile.status(path: file.path + "-wal")?.st_size ?? 0) == 0
    }

    /// Creates the index's tables in `database` (empty) and fills them from the whole read
    /// `log`: the issues in the order of their numbers (appending to the table's B-tree), each
    /// row encoded on the other core (`EncodedIssueRows`) while this one inserts the one
    /// before, the name tables in the order of their keys, then the secondary indexes; returns
    /// the meta written. What the full-screen board's first screen reads is left in place too
    /// (`issues_counted` and the columns' counts, counted from the issues written), so that
    /// its first open after a build neither makes the index nor counts every row. For a
    /// command that needs only the rows (`needs`), the name tables and indexes are deferred
    /// (`DeferredIndexPart`). `partWritten` is called after each part (the rows, the names, the indexes).
    private func write(_ log: WholeRead, to database: SQLiteDatabase, bar: ProgressBar,
                       partWritten: () -> Void = {}) throws -> IndexMeta {
        let state = log.state
        if needs == .rows {
            // Rows appended in number order and no index to sort: a small cache, written out as
            // it fills, instead of one as large as the file, each page allocated and faulted in.
            try database.execute("PRAGMA cache_size = -16384")
        }
        try database.execute(IndexSchema.create + ColumnCounts.create)
        let numbers = state.issues.keys.sorted()
        let rows = EncodedIssueRows(state, numbers: numbers, offsets: log.eventOffsets)
        defer { rows.finish() }
        let insert = try IndexRowInsert(database)
        var written = 0
        while let batch = rows.next() {
            try insert.insert(batch)
            written += batch.rows.count
            bar.show(BoardIndex.readingShare + (1 - BoardIndex.readingShare) * Double(written) / Double(max(numbers.count, 1)))
            Retired.release(consume batch) // a thousand rows' arrays: freed here, 3 % of this thread
        }
        partWritten()
        try PartialFold.writeMentionsAndKeys(of: state, to: database)
        let names = rows.names() // the open issues gathered with them, on the other core
        var fresh = IndexMeta()
        if needs == .rows {
            try DeferredIndexPart.store(names, open: names.open, in: database)
            fresh.format = DeferredIndexPart.format
        } else {
            try DeferredIndexPart.write(names, open: names.open, to: database, partWritten: partWritten)
        }
        partWritten()
        let coverage = log.coverage
        fresh.board = head.board
        fresh.device = coverage.device
        fresh.inode = coverage.inode
        fresh.covered = coverage.length
        fresh.mark = coverage.endMark
        // The log's change time as the read left it, if it is still the file and length read.
        if let info = POSIXFile.status(path: location.eventsPath), UInt64(info.st_dev) == coverage.device,
           UInt64(info.st_ino) == coverage.inode, Int(info.st_size) == coverage.length {
            fresh.logChanged = IndexMeta.changeTime(info)
        }
        fresh.nextLine = coverage.nextLine
        fresh.logVersion = coverage.version ?? LineCodec.formatVersion
        fresh.take(state)
        fresh.refoldAt = log.earliestSetAsideAhead?.milliseconds ?? 0
        try fresh.write(to: database)
        try rows.columnCounts().store(in: database)
        return fresh
    }

    /// The part of a rebuild's bar that reading the log takes (the rest is writing the index).
    private static let readingShare = 0.6
}
