#if canImport(Glibc)
import Glibc
#endif
import Foundation
import BoardModel
import BoardQuery
import BoardStore

/// The full-screen board's first screen, read from the index while the board itself loads:
/// each column's count (and its stale and waiting issues) from the counts the index keeps
/// (`ColumnCounts`), its first cards in rank order, and only those issues (with the ones their
/// badges look at) decoded.
extension BoardIndex {
    /// Opens the index of the board at `location` only if it can be used at once: it exists
    /// and was folded from this log file up to at most `quickTail` bytes before its end (so
    /// `open` checks it and at most catches up a few lines). Nil otherwise (no index yet, the
    /// log was replaced or cut, the index is unavailable): the caller opens the board as
    /// before, and never waits for a rebuild. (An index whose build deferred the indexes the
    /// first screen reads, `DeferredIndexPart`, is completed first: far less than the whole
    /// read the board would otherwise wait for.)
    public static func openIfCurrent(_ location: BoardLocation, environment: [String: String]) -> BoardIndex? {
        let file = IndexFile(for: location, xdg: XDGDirectories(environment: environment))
        guard access(file.path, R_OK | W_OK) == 0, let info = POSIXFile.status(path: location.eventsPath),
              let meta = try? IndexMeta.read(from: SQLiteDatabase(path: file.path, create: false)),
              meta.device == UInt64(info.st_dev), meta.inode == UInt64(info.st_ino),
              meta.covered <= Int(info.st_size), Int(info.st_size) - meta.covered <= quickTail,
              Int(info.st_size) > meta.covered || meta.logUnchanged(info),
              let fd = try? BoardFile.open(location.eventsPath, O_RDONLY) else { return nil }
        let marked = EventLog.endMark(fd, before: meta.covered, count: meta.mark.count, path: location.eventsPath) == meta.mark
        close(fd)
        guard marked, let index = try? BoardIndex.open(location, environment: environment), index.rebuilds == 0 else { return nil }
        return index
    }

    /// New lines another writer may have appended since the index was last caught up, folded
    /// before the first screen is read: a few, never a whole read.
    static let quickTail = 1 << 20

    /// The board as the unfiltered board view's first screen shows it: a state holding each
    /// column's first `cardsPerColumn` cards (and the issues they link to, which their badges
    /// read), and the projection with every column's true count. Nil if the board has issues
    /// in a removed column (the whole board's projection adds a lane for them) or the index
    /// cannot be read as it is (the whole board's load, which follows, finds out why).
    public func firstScreen(cardsPerColumn: Int, now: Timestamp, zone: TimeZone,
                            staleAfterDays: Int) -> (state: BoardState, projection: BoardProjection)? {
        // An index and a table of their own, made once per index file; read through a mapping,
        // not a copy per page (this connection is closed after the screen).
        guard (try? database.execute(BoardIndex.firstScreenIndex + "; " + ColumnCounts.create + "; PRAGMA mmap_size = 1073741824"))
                != nil else { return nil }
        let stored = try? database.transaction(immediate: false) { try ColumnCounts.stored(in: database) }
        if stored == nil { recountColumns() }
        return try? database.transaction(immediate: false) { () throws -> (BoardState, BoardProjection)? in
            var state = meta.partialState(now: now)
            let staleBefore = now.milliseconds - Int64(staleAfterDays) * Timestamp.day
            // Counted again only if the stored counts are not the fold's and could not be stored anew.
            let counts = try ColumnCounts.stored(in: database) ?? ColumnCounts.counted(in: database)
            guard counts.columns.isSubset(of: state.columns.map(\.id)) else { return nil }
            var lanes: [BoardProjection.FirstScreenLane] = []
            for column in state.columns {
                lanes.append(try lane(column, counts: counts, cards: cardsPerColumn, staleBefore: staleBefore, now: now, zone: zone))
            }
            let total = counts.total
            guard lanes.reduce(0, { $0 + $1.count + $1.waitingCount }) == total else { return nil }
            var linked = Set<Int>()
            for number in lanes.flatMap(\.cards) {
                guard let issue = try row(number)?.issue else { return nil }
                state.hold(issue)
                linked.formUnion(issue.links.map(\.issue))
            }
            for number in linked.sorted() where state.issues[number] == nil {
                if let issue = try row(number)?.issue { state.hold(issue) }
            }
            return (state, BoardProjection(firstScreen: lanes, total: total))
        }
    }

    /// Counts the columns again and stores the counts (`ColumnCounts`), if the write lock is
    /// free: a first screen never waits for another process's write. Once per rebuild,
    /// usually (every write keeps them after that).
    private func recountColumns() {
        database.waitForLocks(milliseconds: 0)
        defer { database.waitForLocks(milliseconds: BoardIndex.lockWait) }
        _ = try? database.transaction { try ColumnCounts.recount(in: database) }
    }

    /// One column: its cards that do not wait, counted, the stale ones among them, the waiting
    /// ones (each snoozed issue decided as the board decides it), and the first `cards` numbers.
    /// The counts come from `counts` but for what depends on the time: the open issues last
    /// updated on the day the stale line falls on (a range of `issues_counted`) and the
    /// snoozed issues (read one by one).
    private func lane(_ column: Column, counts: ColumnCounts, cards limit: Int, staleBefore: Int64, now: Timestamp,
                      zone: TimeZone) throws -> BoardProjection.FirstScreenLane {
        let shown = "\"column\" = ? AND archived = 0 AND deleted = 0"
        let counted = "FROM issues INDEXED BY issues_counted WHERE \(shown)"
        let staleDay = ColumnCounts.day(of: staleBefore)
        let (count, stale) = counts.notSnoozed(column.id, staleBeforeDay: staleDay)
        let lastDay = try database.statement("SELECT count(*) \(counted) AND snoozed IS NULL AND open = 1 AND updated >= ? AND updated < ?")
            .bind(.text(column.id), .integer(staleDay * Timestamp.day), .integer(staleBefore))
        guard try lastDay.step() else { throw IndexDamaged() }
        var lane = BoardProjection.FirstScreenLane(column: column, cards: [], count: count,
                                                   staleCount: stale + Int(lastDay.int(0)), waitingCount: 0)
        var waiting = Set<Int>(), snoozedCount = 0
        let snoozed = try database.statement("SELECT number \(counted) AND snoozed IS NOT NULL").bind(.text(column.id))
        while try snoozed.step() {
            guard let issue = try row(Int(snoozed.int(0)))?.issue else { throw IndexDamaged() }
            snoozedCount += 1
            if BoardProjection.waitsOnFirstScreen(issue, now: now, zone: zone) {
                lane.waitingCount += 1
                waiting.insert(issue.number)
            } else {
                lane.count += 1
                if issue.isOpen, issue.updated.milliseconds < staleBefore { lane.staleCount += 1 }
            }
        }
        guard snoozedCount == counts.snoozed(column.id) else { throw IndexDamaged() }
        let first = try database.statement("SELECT number FROM issues INDEXED BY issues_by_column WHERE \(shown) ORDER BY rank, number")
            .bind(.text(column.id))
        while lane.cards.count < limit, try first.step() {
            let number = Int(first.int(0))
            if !waiting.contains(number) { lane.cards.append(number) }
        }
        return lane
    }

    /// What the first screen's counts read: each column's issues by the fields the counts
    /// test, so that a count is a range of this index (cards that do not wait; the stale ones
    /// among them; the snoozed ones), never a read of the rows. SQLite keeps it up to date with
    /// every write; a whole build makes it with the others (`BoardIndex.write`), and the first
    /// screen makes it in an index built before builds did.
    static let firstScreenIndex = """
        CREATE INDEX IF NOT EXISTS issues_counted ON issues("column", archived, deleted, snoozed, open, updated)
        """
}

extension BoardIndex {
    /// The format version in the log's header, as read on open (what `EventLog.writeRefusal` asks).
    public var logFormatVersion: Int? { head.version }
}
