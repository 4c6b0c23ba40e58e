#if canImport(Glibc)
import Glibc
#endif
import CSQLite

/// A small wrapper over SQLite's C API: a connection, prepared statements, binding, stepping
/// and transactions. Our own, not GRDB: the index needs a dozen statements, and a package that
/// takes longer to build than the rest of Lanes is not worth them.
///
/// Every failure is a `SQLiteError`; `isDamage` tells a file that is not (or no longer) a
/// database from a passing condition (busy, full disk), because the index answers the first
/// by deleting and rebuilding the file.
final class SQLiteDatabase {
    private(set) var handle: OpaquePointer?
    let path: String
    /// Statements prepared once per connection, by their text.
    private var cache: [String: SQLiteStatement] = [:]
    /// The busy handler's state, kept as long as the connection (SQLite holds only a pointer to it).
    private var lockWait: LockWait?

    /// Opens (creating if asked) the database at `path`, never through a symbolic link.
    init(path: String, create: Bool) throws(SQLiteError) {
        self.path = path
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX
        if create { flags |= SQLITE_OPEN_CREATE }
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK else {
            let error = SQLiteError(code: code, message: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open")
            sqlite3_close_v2(handle)
            handle = nil
            throw error
        }
        sqlite3_extended_result_codes(handle, 1)
        // The index is derived: a command's commit need not wait for the disk. Closing leaves
        // a short WAL in place (no checkpoint and sync per command) and folds a long one in
        // (`trimWriteAheadLog`).
        var persist: Int32 = 1
        _ = lanes_sqlite_no_checkpoint_on_close(handle)
        _ = sqlite3_file_control(handle, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
    }

    deinit {
        cache.removeAll()
        trimWriteAheadLog()
        sqlite3_close_v2(handle)
    }

    /// The write-ahead log may grow to this before a connection folds it into the database.
    static let writeAheadLimit = 1 << 20

    /// Folds a long write-ahead log into the database and empties it. The next process to open
    /// the index reads the whole log back (SQLite rebuilds its WAL index then), and counts none
    /// of it as already copied, so a long one left in place — a rebuild's, 60 MB at 100k
    /// issues — cost every later command a full read and a full copy (0.3 s for an `add`).
    /// Up to the limit, commands leave it in place and pay no sync. Never waited for: while
    /// another connection writes (`lanes index-text` in the background, slice after slice), a
    /// checkpoint would wait for it to stop, and that one trims the log when it closes.
    private func trimWriteAheadLog() {
        var info = stat()
        guard stat(path + "-wal", &info) == 0, Int(info.st_size) > Self.writeAheadLimit else { return }
        waitForLocks(milliseconds: 0)
        try? execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Runs SQL without results (several statements allowed).
    func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw SQLiteError(code: code, message: text)
        }
    }

    /// The prepared statement for `sql`, reset and cleared of earlier bindings.
    func statement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = cache[sql] {
            cached.reset()
            return cached
        }
        var raw: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &raw, nil)
        guard code == SQLITE_OK, let raw else { throw error(code) }
        let statement = SQLiteStatement(raw, database: self)
        cache[sql] = statement
        return statement
    }

    /// Runs `body` in a transaction (`BEGIN IMMEDIATE` takes the write lock at once, so what is
    /// read inside it cannot change before the commit); rolls back if it throws.
    func transaction<T>(immediate: Bool = true, _ body: () throws -> T) throws -> T {
        try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN")
        do {
            // Before anything is read: a file renamed over this one shares its write-ahead log.
            if hasMoved { throw IndexReplaced() }
            let result = try body()
            finishStatements()
            try execute("COMMIT")
            return result
        } catch {
            finishStatements()
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Resets every statement left on a row: one that is not keeps the connection reading an
    /// old snapshot and stops a table from being dropped.
    func finishStatements() {
        for statement in cache.values { statement.reset() }
    }

    /// Closes the connection now rather than when it is released (its statements first): a
    /// connection to a replaced file must let go of its locks before the new file is opened.
    /// Nothing works on it afterwards.
    func close() {
        cache.removeAll()
        sqlite3_close_v2(handle)
        handle = nil
    }

    /// Whether the file at `path` is no longer the one this connection opened (another process
    /// renamed a new index over it, `IndexBuild`). Such a connection must read and write
    /// nothing more: the write-ahead log beside the path is the new file's.
    var hasMoved: Bool {
        var moved: Int32 = 0
        return sqlite3_file_control(handle, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK && moved != 0
    }

    /// How long a statement waits for another connection's write lock before failing.
    func waitForLocks(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds) // replaces a `LockWait`'s handler
        lockWait = nil
    }

    /// The same, saying once per wait that it waits (`LockWait`).
    func waitForLocks(_ wait: LockWait) {
        lockWait = wait
        LockWait.install(wait, on: handle)
    }

    func error(_ code: Int32) -> SQLiteError {
        SQLiteError(code: code, message: String(cString: sqlite3_errmsg(handle)))
    }
}

/// A prepared statement: bind by position (1-based), step through rows, read columns.
final class SQLiteStatement {
    private let raw: OpaquePointer
    private unowned let database: SQLiteDatabase

    fileprivate init(_ raw: OpaquePointer, database: SQLiteDatabase) {
        self.raw = raw
        self.database = database
    }

    deinit { sqlite3_finalize(raw) }

    fileprivate func reset() {
        sqlite3_reset(raw)
        sqlite3_clear_bindings(raw)
    }

    @discardableResult
    func bind(_ values: SQLiteValue?...) throws(SQLiteError) -> SQLiteStatement {
        try bind(values)
    }

    @discardableResult
    func bind(_ values: [SQLiteValue?]) throws(SQLiteError) -> SQLiteStatement {
        for (offset, value) in values.enumerated() { try bind(Int32(offset + 1), value) }
        return self
    }

    /// Binds one parameter (1-based), copying text and blobs.
    func bind(_ index: Int32, _ value: SQLiteValue?) throws(SQLiteError) {
        let code: Int32
        switch value {
        case nil: code = sqlite3_bind_null(raw, index)
        case .integer(let number)?: code = sqlite3_bind_int64(raw, index, number)
        case .real(let number)?: code = sqlite3_bind_double(raw, index, number)
        case .text(var text)?:
            // By its byte count: a C string would end at a NUL a pasted text may hold.
            code = text.withUTF8 { bytes in
                sqlite3_bind_text(raw, index, SQLiteStatement.start(of: UnsafeRawBufferPointer(bytes)), Int32(bytes.count),
                                  lanes_sqlite_transient())
            }
        case .blob(let bytes)?:
            code = bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob(raw, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(buffer.count),
                                  lanes_sqlite_transient())
            }
        }
        guard code == SQLITE_OK else { throw database.error(code) }
    }

    /// Binds bytes in place, as text or as a blob, without copying them: they must stay as
    /// they are until the statement has been stepped (`insert`). For a build's millions of
    /// values, where a copy each is a good part of the cost.
    func bind(_ index: Int32, borrowing bytes: UnsafeRawBufferPointer, asText: Bool) throws(SQLiteError) {
        let count = Int32(bytes.count)
        let code = asText
            ? sqlite3_bind_text(raw, index, SQLiteStatement.start(of: bytes), count, nil)
            : sqlite3_bind_blob(raw, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), count, nil)
        guard code == SQLITE_OK else { throw database.error(code) }
    }

    /// Runs a statement that returns no rows and resets it at once, keeping its bindings (the
    /// next row binds only what differs): for a statement held and run many times over.
    func insert() throws(SQLiteError) {
        defer { sqlite3_reset(raw) }
        while try step() {}
    }

    /// Where text bytes start, as SQLite takes them (an empty text still needs a pointer, or
    /// SQLite stores NULL).
    private static func start(of bytes: UnsafeRawBufferPointer) -> UnsafePointer<CChar> {
        (bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self)
    }

    /// Advances to the next row: true while there is one.
    func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(raw)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw database.error(code)
    }

    /// Runs a statement that returns no rows.
    func run() throws(SQLiteError) {
        while try step() {}
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(raw, column) == SQLITE_NULL }
    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(raw, column) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(raw, column) }
    func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(raw, column) else { return "" }
        return String(cString: pointer)
    }
    /// Calls `body` with the bytes of a blob column, valid only during the call.
    func withBlob<R>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let pointer = sqlite3_column_blob(raw, column)
        let count = Int(sqlite3_column_bytes(raw, column))
        return try body(UnsafeRawBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
    }
    func blob(_ column: Int32) -> [UInt8] { withBlob(column) { Array($0) } }
}

/// A value bound to a statement parameter.
public enum SQLiteValue: Sendable {
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public static func int(_ value: Int) -> SQLiteValue { .integer(Int64(value)) }
}

/// A failed SQLite call: its result code and message.
struct SQLiteError: Error, CustomStringConvertible {
    var code: Int32
    var message: String

    var description: String { "SQLite error \(code): \(message)" }

    /// The file is not a database, is damaged, or cannot be read as one: delete and rebuild.
    var isDamage: Bool {
        let primary = code & 0xff
        return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB || primary == SQLITE_CANTOPEN
            || primary == SQLITE_IOERR || primary == SQLITE_FORMAT || primary == SQLITE_SCHEMA || primary == SQLITE_ERROR
    }
}
