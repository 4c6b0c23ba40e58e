#if canImport(Glibc)
import Glibc
#endif
import BoardModel
import BoardStore

/// A board's on-disk index: the fold of its log kept in SQLite, per issue, so that a command
/// reads and writes what it touches rather than the whole board.
///
/// The log stays the one truth. The index is derived and never believed on its own word: each
/// open checks that it was folded from this log (the board's first event, the file's device
/// and inode, the bytes just before what it covers, its own seals); a log that grew is caught
/// up from where the index stops (complete lines only), and anything else is rebuilt from the
/// whole log: a replaced, shortened or foreign log, a damaged, truncated or foreign index.
/// A catch-up or rebuild is one SQLite transaction with the new covered length, so a process
/// killed at any point leaves the index as it was, which still matches a prefix of the log.
public final class BoardIndex {
    public let location: BoardLocation
    let file: IndexFile
    var database: SQLiteDatabase
    /// The meta as of the last check, catch-up or rebuild.
    var meta = IndexMeta()
    /// The board's first event and the log's format version, read on open.
    var head: (version: Int?, board: String) = (nil, "")
    /// What the user should know about the board's files (`EventLog.warnings`).
    public private(set) var warnings: [String] = []
    /// Rebuilds are counted, so tests can tell that a bad index was not believed.
    public internal(set) var rebuilds = 0
    /// What the command reads: `rows` lets a build defer what it does not (`DeferredIndexPart`).
    var needs: Needs
    /// The whole read this open's build wrote the index from, if it built one for a command
    /// that `needs` `.foldIfBuilt` (which then answers from its board, not the index's rows).
    public internal(set) var builtFrom: WholeRead?
    /// A whole read of the log made before, which the next rebuild writes from instead of
    /// reading the log (`build(_:environment:from:)`).
    var prefolded: WholeRead?
    /// How the free-text index is built (`BoardIndex+TextPart.swift`).
    var textPart = TextPartSizes()
    /// Told once a wait for another process's write lock on the index has lasted two seconds
    /// (longer than a slice of `lanes index-text` in the background holds it, under load too).
    let onLockWait: (() -> Void)?

    /// The build's fold (a million issues after a clone) is freed on another thread: on this
    /// one it cost `list` a second before the process could exit.
    deinit {
        if builtFrom != nil { Retired.release(builtFrom.take()) }
    }

    private init(location: BoardLocation, file: IndexFile, database: SQLiteDatabase, needs: Needs, onLockWait: (() -> Void)?) {
        self.location = location
        self.file = file
        self.database = database
        self.needs = needs
        self.onLockWait = onLockWait
    }

    /// Opens the index of the board at `location` (the personal board is created on first use)
    /// and brings it up to date with the log. Throws `BoardError` for the board (no board, an
    /// unreadable log) and `IndexUnavailable` when the index cannot be kept at all. A command
    /// that `needs` only `.rows` may get an index whose build deferred the rest. `onLockWait`
    /// is told when the open has waited two seconds for another process writing the index.
    public static func open(_ location: BoardLocation, environment: [String: String], needs: Needs = .everything,
                            onLockWait: (() -> Void)? = nil) throws -> BoardIndex {
        try usable { try openChecked(location, environment: environment, needs: needs, onLockWait: onLockWait) }
    }

    /// Builds the index of the board at `location` from `read`, a whole read of its log the
    /// caller made anyway (the full-screen board after a clone, on another thread after its first
    /// frame), if it has to be built; and catches it up with what the log gained since. The
    /// build is whole (nothing deferred: nobody waits for it, and the next command should not
    /// pay for the rest), in a file of its own renamed over the index: a process that quits
    /// meanwhile leaves no index to believe.
    public static func build(_ location: BoardLocation, environment: [String: String], from read: WholeRead) throws {
        _ = try usable { try openChecked(location, environment: environment, needs: .everything, from: read) }
    }

    private static func openChecked(_ location: BoardLocation, environment: [String: String], needs: Needs,
                                    from read: WholeRead? = nil, onLockWait: (() -> Void)? = nil) throws -> BoardIndex {
        try EventLog.createIfPersonal(location)
        let file = IndexFile(for: location, xdg: XDGDirectories(environment: environment))
        try file.prepare()
        let index = BoardIndex(location: location, file: file, database: try connect(file, onLockWait: onLockWait), needs: needs,
                               onLockWait: onLockWait)
        index.prefolded = read
        let fd = try BoardFile.open(location.eventsPath, O_RDONLY)
        defer { close(fd) }
        _ = try index.synchronize(fd)
        index.warnings = EventLog.permissionWarnings(try POSIXFile.status(fd, path: location.eventsPath), location: location)
        return index
    }

    /// Runs `body`, passing on `BoardError`s (the board's: the command fails as it would without
    /// an index) and turning anything else that goes wrong with the index into `IndexUnavailable`.
    static func usable<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as BoardError {
            throw error
        } catch let error as IndexUnavailable {
            throw error
        } catch {
            throw IndexUnavailable(reason: String(describing: error))
        }
    }

    /// A connection to the index file; a file SQLite cannot open as a database is deleted and
    /// made again.
    static func connect(_ file: IndexFile, onLockWait: (() -> Void)? = nil) throws -> SQLiteDatabase {
        do {
            return try configure(SQLiteDatabase(path: file.path, create: true), onLockWait: onLockWait)
        } catch let error as SQLiteError where error.isDamage {
            file.remove()
            try file.prepare()
            do {
                return try configure(SQLiteDatabase(path: file.path, create: true), onLockWait: onLockWait)
            } catch {
                throw IndexUnavailable(reason: "cannot open \(file.path): \(error)")
            }
        }
    }

    private static func configure(_ database: SQLiteDatabase, onLockWait: (() -> Void)?) throws -> SQLiteDatabase {
        if let onLockWait {
            database.waitForLocks(LockWait(limit: Int64(lockWait), sayAfter: 2_000, waiting: onLockWait))
        } else {
            database.waitForLocks(milliseconds: lockWait)
        }
        try database.execute(IndexSchema.pragmas)
        return database
    }

    /// How long a statement waits for another connection's write lock: another process
    /// rebuilding a big board's index holds it for seconds.
    static let lockWait: Int32 = 300_000

    // MARK: - Keeping up with the log

    /// Brings the index up to the log open as `fd`: checks it, then catches up or rebuilds.
    /// Returns the length of the log's complete lines, which the index now covers (bytes after
    /// it are a line being written or a torn tail). Damage found on the way is repaired by a
    /// rebuild; a second failure makes the index unavailable.
    @discardableResult
    func synchronize(_ fd: Int32) throws -> Int {
        try repairing { try synchronizeOnce(fd) }
    }

    /// Runs `body`; if it finds the index damaged, rebuilds it (a new file if SQLite cannot
    /// read this one) and runs `body` once more.
    func repairing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try followingReplacement(body)
        } catch let error as SQLiteError where error.isDamage {
            file.remove()
            try file.prepare()
            database = try BoardIndex.connect(file, onLockWait: onLockWait)
        } catch is IndexDamaged {}
        meta = IndexMeta()
        do {
            try database.transaction { _ = try rebuild() }
        } catch is IndexReplaced {
            database.close()
            database = try BoardIndex.connect(file, onLockWait: onLockWait)
        }
        do {
            return try followingReplacement(body)
        } catch let error as SQLiteError where error.isDamage {
            throw IndexUnavailable(reason: "\(file.path) cannot be used: \(error)")
        } catch is IndexDamaged {
            throw IndexUnavailable(reason: "\(file.path) cannot be used: it does not match the log after a rebuild")
        }
    }

    private func synchronizeOnce(_ fd: Int32) throws -> Int {
        head = try LogLines.head(of: fd, path: location.eventsPath)
        // A look without the write lock first: the usual case is an index that is current.
        let current = try database.transaction(immediate: false) { () throws -> Int? in
            guard let found = try IndexMeta.read(from: database), case .current(let end) = try verdict(found, fd),
                  !found.isDeferred || needs == .rows else { return nil }
            meta = found
            return end
        }
        if let current { return current }
        return try database.transaction {
            // Under the write lock: another process may have caught up or rebuilt meanwhile.
            let found = try IndexMeta.read(from: database)
            switch try found.map({ try verdict($0, fd) }) ?? .rebuild {
            case .current(let end):
                meta = found!
                if needs != .rows { try completeDeferredPart() }
                return end
            case .behind(let tail):
                meta = found!
                try completeDeferredPart() // a catch-up keeps the name tables: they must be whole
                return try catchUp(tail, fd: fd)
            case .rebuild:
                return try rebuild()
            }
        }
    }

    private enum Verdict {
        /// Up to date: the log's complete lines end here.
        case current(Int)
        /// The log grew: these bytes follow what is covered.
        case behind([UInt8])
        case rebuild
    }

    /// What to do with an index whose meta is `meta`, for the log open as `fd`.
    private func verdict(_ meta: IndexMeta, _ fd: Int32) throws -> Verdict {
        let info = try POSIXFile.status(fd, path: location.eventsPath)
        let size = Int(info.st_size)
        guard meta.board == head.board, meta.logVersion == (head.version ?? LineCodec.formatVersion),
              meta.device == UInt64(info.st_dev), meta.inode == UInt64(info.st_ino), meta.covered <= size,
              EventLog.endMark(fd, before: meta.covered, count: meta.mark.count, path: location.eventsPath) == meta.mark,
              meta.refoldAt == 0 || meta.refoldAt > Timestamp.now.milliseconds + Timestamp.skew,
              try lastRowsMatch(meta) else { return .rebuild }
        // Nothing appended, yet changed since: written over in place.
        guard size > meta.covered else { return meta.logUnchanged(info) ? .current(meta.covered) : .rebuild }
        // Another process's lines: a few usually; a tail as big as a whole read is read whole.
        if size - meta.covered > BoardIndex.maximumTail { return .rebuild }
        let tail = try POSIXFile.read(fd, offset: meta.covered, count: size - meta.covered, path: location.eventsPath)
        return tail.contains(10) ? .behind(tail) : .current(meta.covered)
    }

    /// A tail longer than this is folded by a rebuild, which reads on two cores.
    static let maximumTail = 32 << 20

    /// Whether the rows the last transaction wrote are there as it wrote them.
    private func lastRowsMatch(_ meta: IndexMeta) throws -> Bool {
        for row in meta.lastRows {
            let statement = try database.statement("SELECT seal FROM issues WHERE number = ?").bind(.int(row.number))
            guard try statement.step(), statement.int(0) == row.seal else { return false }
        }
        return true
    }

    /// Folds the complete lines of `tail` (the bytes after what is covered) into the index;
    /// inside the caller's transaction. Returns the new covered length.
    private func catchUp(_ tail: [UInt8], fd: Int32) throws -> Int {
        var reader = LogReader(path: location.eventsPath, nextLine: meta.nextLine, version: meta.logVersion)
        var events: [(Event, Int64)] = []
        let start = meta.covered
        let chunk = tail.withUnsafeBufferPointer { buffer in
            reader.read(buffer) { event, offset in events.append((event, Int64(start + offset))) }
        }
        var fold = try PartialFold(meta: meta, database: database, folding: events.map(\.0))
        for (event, offset) in events { fold.fold(event, at: offset) }
        var updated = meta
        updated.covered = start + chunk.consumed
        updated.mark = EventLog.endMark(fd, before: updated.covered, path: location.eventsPath)
        updated.logChanged = IndexMeta.changeTime(try POSIXFile.status(fd, path: location.eventsPath))
        updated.nextLine = reader.nextLine
        try fold.write(to: database, meta: &updated)
        meta = updated
        return updated.covered
    }
}
