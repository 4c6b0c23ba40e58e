#if canImport(Glibc)
import Glibc
#endif
import BoardModel
import BoardStore

/// `issue_json`: each issue's object of `list --format json`, as this build of lanes writes
/// it, so that listing every issue copies bytes instead of decoding each issue and writing
/// its JSON again (at 100,000 issues, that was nine tenths of the time).
///
/// Derived and checked like everything in the index, never believed on its own word: an
/// entry's seal covers the program that wrote it (`writer`, the executable file's identity:
/// another build may write other JSON), the issue's number, and its row's seal and filter
/// columns (`IssueRow.facts`) as they were when it was written. An entry whose row changed
/// since (a write by any process, an older lanes that does not know this table, a rebuild),
/// whose row's filter columns were changed by hand, or whose bytes were, does not match: the
/// issue is then read from its row, checked as every read checks it (and its filter columns
/// against it), written afresh, and the entry replaced after the list.
enum IssueJSONTable {
    /// The table, and an index that holds everything `list` reads of `issues` besides the JSON
    /// (number, seal, filter columns), so that a list reads neither `data` nor `events`.
    /// Made on first use: a rebuild (which drops `issues`, and the index with it) pays nothing.
    static let create = """
        CREATE TABLE IF NOT EXISTS issue_json(number INTEGER PRIMARY KEY, seal INT NOT NULL, json BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS issues_by_facts ON issues(number, seal, \(IssueRow.factColumns.joined(separator: ", ")));
        """

    /// Makes the table and its index if they are missing (one write transaction, once per
    /// rebuild), through a connection of its own that does not wait for another process's
    /// write lock: a list never waits for a rebuild, it lists without the table then (throws).
    static func prepare(_ database: SQLiteDatabase) throws {
        let count = "SELECT count(*) FROM sqlite_master WHERE name IN ('issue_json', 'issues_by_facts')"
        func present() throws -> Bool {
            let statement = try database.statement(count)
            return try statement.step() && statement.int(0) == 2
        }
        if try database.transaction(immediate: false, present) { return }
        let writer = try SQLiteDatabase(path: database.path, create: false)
        try writer.transaction { try writer.execute(create) }
    }

    /// The running program's identity (device, inode, size and modification time of the
    /// executable file), or nil where it cannot be known: then nothing is stored or read here.
    static let writer: [UInt8]? = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        var out = SnapshotWriter()
        out.fixed(UInt64(info.st_dev))
        out.fixed(UInt64(info.st_ino))
        out.int(Int64(info.st_size))
        out.int(Int64(info.st_mtim.tv_sec))
        out.int(Int64(info.st_mtim.tv_nsec))
        return out.bytes
    }()

    /// The seal of an entry: `writer`, the number, the row's seal and facts, the JSON.
    static func seal(writer: [UInt8], number: Int, rowSeal: Int64, facts: RowFacts, json: UnsafeRawBufferPointer) -> Int64 {
        var checksum = PiecewiseChecksum()
        writer.withUnsafeBytes { checksum.add($0) }
        withUnsafeBytes(of: (Int64(number).littleEndian, rowSeal.littleEndian)) { checksum.add($0) }
        withUnsafeBytes(of: facts.words) { checksum.add($0) }
        checksum.add(json)
        return Int64(bitPattern: checksum.value)
    }

    /// Gives `body` the entry in column `json` of the row `statement` is on, if there is one and
    /// its seal (column `seal`) matches; false otherwise, having given nothing. The blob is
    /// read once and a missing one is told by its null pointer (an entry is never empty):
    /// SQLite calls per row are a fifth of a list's time at 100,000 issues.
    static func copyEntry(_ statement: SQLiteStatement, json: Int32, seal: Int32, writer: [UInt8], number: Int, rowSeal: Int64,
                          facts: RowFacts, to body: (UnsafeRawBufferPointer) throws -> Void) rethrows -> Bool {
        try statement.withBlob(json) { entry in
            guard entry.baseAddress != nil,
                  self.seal(writer: writer, number: number, rowSeal: rowSeal, facts: facts, json: entry) == statement.int(seal)
            else { return false }
            try body(entry)
            return true
        }
    }
}

/// Entries written while a list reads: in batches, through a connection of their own (the
/// list's keeps its read transaction, so the list is one snapshot), each batch committed at
/// once, so that the first list after a rebuild fills the whole table in bounded memory.
/// Storing never waits for another process's write lock: if the index is busy, or cannot be
/// written, what is left is written by a later list.
final class IssueJSONStore {
    private let path: String
    private var database: SQLiteDatabase?
    private var entries: [(number: Int, seal: Int64, json: [UInt8])] = []
    private var bytes = 0
    private var gaveUp = false
    /// JSON bytes held before they are written.
    static let batchBytes = 4 << 20

    init(path: String) { self.path = path }

    func add(number: Int, seal: Int64, json: [UInt8]) {
        guard !gaveUp else { return }
        entries.append((number, seal, json))
        bytes += json.count
        if bytes >= IssueJSONStore.batchBytes { flush() }
    }

    /// Writes the entries held.
    func flush() {
        defer {
            entries.removeAll(keepingCapacity: true)
            bytes = 0
        }
        guard !entries.isEmpty, !gaveUp else { return }
        do {
            let database = try self.database ?? SQLiteDatabase(path: path, create: false)
            if self.database == nil { try database.execute(IndexSchema.pragmas) }
            self.database = database
            try database.transaction {
                for entry in entries {
                    try database.statement("INSERT OR REPLACE INTO issue_json(number, seal, json) VALUES (?, ?, ?)")
                        .bind(.int(entry.number), .integer(entry.seal), .blob(entry.json)).run()
                }
            }
        } catch {
            gaveUp = true
        }
    }
}

/// An issue's filter columns (`IssueRow.factColumns`) as eight numbers and a ninth that marks
/// which are NULL: what an `issue_json` entry's seal binds it to.
struct RowFacts: Equatable {
    private(set) var words: (Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64) = (0, 0, 0, 0, 0, 0, 0, 0, 0)

    /// The facts in columns `first`, `first + 1`, … of the row `statement` is on.
    init(_ statement: SQLiteStatement, from first: Int32) {
        for index in 0..<IssueRow.factColumns.count {
            let column = first + Int32(index)
            // NULL reads as 0, so only a 0 needs its type asked: most columns of most rows do not.
            let value = statement.int(column)
            set(index, value == 0 && statement.isNull(column) ? nil : value)
        }
    }

    /// The facts an issue's row should hold (`IssueRow.facts(of:)`).
    init(_ values: [SQLiteValue?]) {
        for (index, value) in values.enumerated() {
            guard case .integer(let number)? = value else {
                set(index, nil)
                continue
            }
            set(index, number)
        }
    }

    private mutating func set(_ index: Int, _ value: Int64?) {
        withUnsafeMutableBytes(of: &words) { raw in
            raw.storeBytes(of: (value ?? 0).littleEndian, toByteOffset: 8 * index, as: Int64.self)
            if value == nil {
                let nulls = raw.load(fromByteOffset: 64, as: Int64.self)
                raw.storeBytes(of: nulls | (1 << index), toByteOffset: 64, as: Int64.self)
            }
        }
    }

    static func == (a: RowFacts, b: RowFacts) -> Bool {
        withUnsafeBytes(of: a.words) { a in withUnsafeBytes(of: b.words) { b in a.elementsEqual(b) } }
    }
}
