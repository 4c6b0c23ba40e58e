#if canImport(Glibc)
import Glibc
#endif
import BoardModel
import BoardStore

/// The `meta` table: which log the index was folded from and how far, and the board-wide part
/// of the fold. One row per field, plus `seal`, a checksum of all of them: a meta table
/// changed by anything but this code (a hand edit, a half-copied file) does not match it and
/// the index is rebuilt.
struct IndexMeta: Equatable {
    var format = IndexSchema.formatVersion
    /// Whether the build left the name tables and indexes for later (`DeferredIndexPart`).
    var isDeferred: Bool { format == DeferredIndexPart.format }
    /// The board's identity: the id of the log's first event (the columns `lanes init` wrote).
    var board = ""
    var device: UInt64 = 0
    var inode: UInt64 = 0
    /// The length of the log's complete lines folded in (a torn tail never is).
    var covered = 0
    /// The log's bytes just before `covered` as they were folded (see `EventLog.endMark`).
    var mark: [UInt8] = []
    /// The log's line number after `covered`, and its header's format version.
    var nextLine = 1
    var logVersion = LineCodec.formatVersion
    var columns: [Column] = []
    var removedColumns: [String: String] = [:]
    var highestNumber = 0
    var eventCount = 0
    var hiddenCount = 0
    /// The earliest time of an event the fold set aside as dated too far ahead (0: none): from
    /// when the clock makes it foldable, the index is rebuilt so that it folds it as a whole read would.
    var refoldAt: Int64 = 0
    /// The rows the last transaction wrote, with their seals, checked on open: an index whose
    /// meta was written without its rows is caught here.
    var lastRows: [(number: Int, seal: Int64)] = []
    /// Whether `issue_text` holds every issue's text (see `BoardIndex.indexText`).
    var textIndexed = false
    /// Until then, the highest number up to which every issue's text is in `issue_text` (0:
    /// none), built a slice at a time (`BoardIndex+TextPart.swift`) and kept by every write.
    var textThrough = 0
    /// The issues up to this number have their text in `issue_text` (`Int.max`: all of them).
    var textIndexedThrough: Int { textIndexed ? .max : textThrough }
    /// The log's status-change time (`st_ctim`, in nanoseconds) once `covered` was last set,
    /// 0 if unknown (an index written before the field). Lanes changes its log only by
    /// appending: a log that still ends at `covered` but has changed since was written over in
    /// place, as an editor saves a line changed at the same length, which the length and the
    /// end mark alone believed; the index is rebuilt from it (`BoardIndex.verdict`).
    var logChanged: Int64 = 0
    /// How many of the last transaction's rows `lastRows` keeps.
    static let checkedRows = 16

    static func == (a: IndexMeta, b: IndexMeta) -> Bool { a.encoded == b.encoded }

    /// Every field in a fixed order: what the seal is computed over.
    var encoded: [UInt8] {
        var out = SnapshotWriter()
        out.int(format)
        out.string(board)
        out.fixed(device)
        out.fixed(inode)
        out.int(covered)
        out.string(String(decoding: mark, as: UTF8.self))
        out.int(mark.count)
        out.int(nextLine)
        out.int(logVersion)
        out.columns(columns)
        out.landings(removedColumns)
        out.int(highestNumber)
        out.int(eventCount)
        out.int(hiddenCount)
        out.int(refoldAt)
        out.int(textIndexed ? 1 : 0)
        // Only when set: the seals of indexes written before the field stay valid, and a lanes
        // without it finds a partial text part's seal wrong and rebuilds (it would not keep it).
        if textThrough != 0 { out.int(textThrough) }
        if logChanged != 0 { out.int(logChanged) } // (as `textThrough`)
        out.int(lastRows.count)
        for row in lastRows {
            out.int(row.number)
            out.int(row.seal)
        }
        return out.bytes
    }

    var seal: Int64 { IndexSeal.of(encoded) }

    /// `info`'s status-change time as `logChanged` keeps it.
    static func changeTime(_ info: stat) -> Int64 {
        Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }

    /// Whether the log `info` describes, ending where the index's lines do, is as the index last
    /// saw it: unchanged since, or not known (see `logChanged`).
    func logUnchanged(_ info: stat) -> Bool {
        logChanged == 0 || logChanged == IndexMeta.changeTime(info)
    }

    /// The board-wide state as the fold left it (`BoardState+Partial`): no issues yet.
    func partialState(now: Timestamp = .now) -> BoardState {
        BoardState(columns: columns, removedColumns: removedColumns, highestNumber: highestNumber,
                   eventCount: eventCount, hiddenCount: hiddenCount, now: now)
    }

    /// Takes the board-wide fields from a fold.
    mutating func take(_ state: BoardState) {
        columns = state.columns
        removedColumns = state.removedColumns
        highestNumber = state.highestNumber
        eventCount = state.eventCount
        hiddenCount = state.hiddenCount
    }

    // MARK: - The table

    /// Writes every field and the seal; counts kept up to the meta this replaces are kept up
    /// to this one (`ColumnCounts.restamp`: the caller's transaction moved them with its rows).
    func write(to database: SQLiteDatabase) throws(SQLiteError) {
        try ColumnCounts.restamp(in: database, from: try ColumnCounts.storedMetaSeal(database), to: seal)
        var columnBytes = SnapshotWriter()
        columnBytes.columns(columns)
        var removed = SnapshotWriter()
        removed.landings(removedColumns)
        var rows = SnapshotWriter()
        rows.int(lastRows.count)
        for row in lastRows {
            rows.int(row.number)
            rows.int(row.seal)
        }
        let values: [(String, SQLiteValue)] = [
            ("format", .int(format)), ("board", .text(board)),
            ("device", .integer(Int64(bitPattern: device))), ("inode", .integer(Int64(bitPattern: inode))),
            ("covered", .int(covered)), ("mark", .blob(mark)), ("next_line", .int(nextLine)), ("log_version", .int(logVersion)),
            ("columns", .blob(columnBytes.bytes)), ("removed_columns", .blob(removed.bytes)),
            ("highest_number", .int(highestNumber)), ("event_count", .int(eventCount)), ("hidden_count", .int(hiddenCount)),
            ("refold_at", .integer(refoldAt)), ("text_indexed", .int(textIndexed ? 1 : 0)), ("text_through", .int(textThrough)),
            ("log_changed", .integer(logChanged)), ("last_rows", .blob(rows.bytes)),
            ("seal", .integer(seal)),
        ]
        for (key, value) in values {
            try database.statement("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)").bind(.text(key), value).run()
        }
    }

    /// The meta table, or nil if it is missing, incomplete, damaged or does not match its seal.
    static func read(from database: SQLiteDatabase) throws(SQLiteError) -> IndexMeta? {
        let tables = try database.statement("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'")
        guard try tables.step(), tables.int(0) == 1 else { return nil } // a new, empty file
        let statement = try database.statement("SELECT key, value FROM meta")
        var integers: [String: Int64] = [:], blobs: [String: [UInt8]] = [:], texts: [String: String] = [:]
        while try statement.step() {
            let key = statement.text(0)
            integers[key] = statement.int(1)
            blobs[key] = statement.blob(1)
            texts[key] = statement.text(1)
        }
        guard let format = integers["format"], format == IndexSchema.formatVersion || format == DeferredIndexPart.format,
              let board = texts["board"], let device = integers["device"], let inode = integers["inode"],
              let covered = integers["covered"], let mark = blobs["mark"], let nextLine = integers["next_line"],
              let logVersion = integers["log_version"], let columnBytes = blobs["columns"], let removed = blobs["removed_columns"],
              let highest = integers["highest_number"], let events = integers["event_count"], let hidden = integers["hidden_count"],
              let refoldAt = integers["refold_at"], let textIndexed = integers["text_indexed"], let rows = blobs["last_rows"],
              let seal = integers["seal"] else { return nil }
        var meta = IndexMeta()
        meta.format = Int(format)
        meta.board = board
        meta.device = UInt64(bitPattern: device)
        meta.inode = UInt64(bitPattern: inode)
        meta.covered = Int(covered)
        meta.mark = mark
        meta.nextLine = Int(nextLine)
        meta.logVersion = Int(logVersion)
        meta.highestNumber = Int(highest)
        meta.eventCount = Int(events)
        meta.hiddenCount = Int(hidden)
        meta.refoldAt = refoldAt
        meta.textIndexed = textIndexed == 1
        meta.textThrough = Int(integers["text_through"] ?? 0) // an index written before the field has none
        meta.logChanged = integers["log_changed"] ?? 0 // (as `textThrough`)
        guard let columns = columnBytes.decoded({ reader throws(SnapshotReader.Damaged) in try reader.columns() }),
              let landings = removed.decoded({ reader throws(SnapshotReader.Damaged) in try reader.landings() }),
              let lastRows = rows.decoded({ reader throws(SnapshotReader.Damaged) in
                  var rows: [(number: Int, seal: Int64)] = []
                  for _ in 0..<(try reader.count(atMost: 1 << 20)) {
                      rows.append((try reader.count(atMost: NumberedTable<Issue>.maximumNumber), try reader.int()))
                  }
                  return rows
              }) else { return nil }
        meta.columns = columns
        meta.removedColumns = landings
        meta.lastRows = lastRows
        guard meta.seal == seal, meta.covered >= 0, meta.mark.count <= meta.covered else { return nil }
        return meta
    }
}

/// The checksum the index seals its rows and meta with: it catches a row or field changed by
/// anything but the fold (the file is the user's own, in a private directory; this is about
/// damage and hand edits, not about an attacker who can write there anyway).
enum IndexSeal {
    static func of(_ bytes: [UInt8]) -> Int64 {
        var checksum = SnapshotChecksum()
        bytes.withUnsafeBytes { checksum.add($0) }
        return Int64(bitPattern: checksum.value)
    }
}

extension Array where Element == UInt8 {
    /// These bytes decoded by `body`, or nil if they are damaged.
    func decoded<T>(_ body: (inout SnapshotReader) throws(SnapshotReader.Damaged) -> T) -> T? {
        withUnsafeBytes { raw in
            var reader = SnapshotReader(raw)
            return try? body(&reader)
        }
    }
}
