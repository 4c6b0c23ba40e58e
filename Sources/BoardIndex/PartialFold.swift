import BoardModel
import BoardStore

/// Events folded into the index: the issues they touch are read out of it into a `BoardState`
/// that holds only them (`BoardState+Partial`), the one fold (`BoardState.apply`) runs on it,
/// and what changed is written back with where each event's line starts.
///
/// What the fold reads besides the issues an event names is loaded too: every issue of a
/// column a `column-removed` or `column-closing` event changes, and the highest rank of each
/// column among the issues left out (`outsideRanks`), so a rank at the bottom of a column is
/// the one a whole fold gives.
struct PartialFold {
    var state: BoardState
    /// The rows as read, by number: what a written row is compared with.
    private(set) var loaded: [Int: IssueRow] = [:]
    /// Offsets of the lines folded into each issue's timeline since loading.
    private var added: [Int: [Int64]] = [:]
    /// The earliest event set aside as dated too far ahead (see `IndexMeta.refoldAt`).
    private var refoldAt: Int64

    /// Loads the issues numbered `numbers` (those that exist), every issue of the columns
    /// `wholeColumns`, and the outside ranks of the board's columns and of `columnIDs`;
    /// with their timelines (read from the log open as `log`) for the numbers in `timelines`.
    init(meta: IndexMeta, database: SQLiteDatabase, numbers: Set<Int>, wholeColumns: Set<String> = [],
         columnIDs: Set<String> = [], timelines: Set<Int> = [], log: Int32 = -1, logPath: String = "",
         now: Timestamp = .now) throws {
        state = meta.partialState(now: now)
        refoldAt = meta.refoldAt
        var rows: [IssueRow] = []
        for number in numbers.sorted() where number > 0 {
            let statement = try database.statement("SELECT \(IssueRow.selected) FROM issues WHERE number = ?").bind(.int(number))
            if try statement.step() { rows.append(try IssueRow(statement)) }
        }
        for column in wholeColumns.sorted() {
            let statement = try database.statement("SELECT \(IssueRow.selected) FROM issues WHERE \"column\" = ?").bind(.text(column))
            while try statement.step() {
                if !numbers.contains(Int(statement.int(0))) { rows.append(try IssueRow(statement)) }
            }
        }
        for row in rows {
            loaded[row.issue.number] = row
            let timeline = timelines.contains(row.issue.number)
                ? try LogLines.events(of: row.issue.number, at: row.offsets, in: log, path: logPath) : nil
            state.hold(row.issue, timeline: timeline)
        }
        for column in Set(meta.columns.map(\.id)).union(columnIDs).union(wholeColumns).sorted() {
            let statement = try database.statement("""
                SELECT number, rank FROM issues WHERE "column" = ? ORDER BY rank DESC, number DESC LIMIT ?
                """).bind(.text(column), .int(loaded.count + 1))
            while try statement.step() {
                guard loaded[Int(statement.int(0))] == nil else { continue }
                state.outsideRanks[column] = statement.double(1)
                break
            }
        }
    }

    /// Loads what folding `events` needs.
    init(meta: IndexMeta, database: SQLiteDatabase, folding events: [Event], now: Timestamp = .now) throws {
        var numbers = Set<Int>(), wholeColumns = Set<String>(), columnIDs = Set<String>()
        for event in events {
            numbers.formUnion(event.touchedIssues)
            columnIDs.formUnion(event.kind.columnIDs)
            switch event.kind {
            case .column(.removed(let id, _)), .column(.closing(let id, _)): wholeColumns.insert(id)
            default: break
            }
        }
        try self.init(meta: meta, database: database, numbers: numbers, wholeColumns: wholeColumns, columnIDs: columnIDs, now: now)
    }

    /// Folds one event read from the log at `offset`.
    mutating func fold(_ event: Event, at offset: Int64) {
        if event.at > state.horizon { refoldAt = refoldAt == 0 ? event.at.milliseconds : min(refoldAt, event.at.milliseconds) }
        if state.apply(event) == nil { record(event, at: offset) }
    }

    /// Notes where the line of an event already folded starts (a write folds before appending).
    mutating func record(_ event: Event, at offset: Int64) {
        switch event.kind {
        case .columns, .column: return // the board's, in no issue's timeline
        default: added[event.issue, default: []].append(offset)
        }
    }

    /// Writes back every issue that changed, the mentions and import keys the events added,
    /// and `meta` with the board-wide state (the caller has set how far the log is covered).
    func write(to database: SQLiteDatabase, meta: inout IndexMeta) throws {
        var written: [(number: Int, seal: Int64)] = []
        for issue in state.issues.values {
            let old = loaded[issue.number]
            let new = added[issue.number] ?? []
            guard old?.issue != issue || !new.isEmpty else { continue }
            let row = IssueRow(issue: issue, offsets: (old?.offsets ?? []) + new)
            try ColumnCounts.adjust(from: old?.issue, to: issue, in: database)
            written.append((issue.number, try row.write(to: database, replacing: old?.issue, text: issue.number <= meta.textIndexedThrough)))
        }
        try PartialFold.writeMentionsAndKeys(of: state, to: database)
        meta.take(state)
        meta.refoldAt = refoldAt
        meta.lastRows = Array(written.suffix(IndexMeta.checkedRows))
        try meta.write(to: database)
    }

    /// Adds the `#N` mentions and import keys `state` holds (all of a whole fold's; those its
    /// events added for a partial one, which starts with none).
    static func writeMentionsAndKeys(of state: BoardState, to database: SQLiteDatabase) throws(SQLiteError) {
        for pair in state.mentions.pairs {
            try database.statement("INSERT OR IGNORE INTO mentions(target, source) VALUES (?, ?)")
                .bind(.int(pair.target), .int(pair.source)).run()
        }
        for (key, number) in state.importedKeys {
            try database.statement("INSERT OR REPLACE INTO imported(key, number) VALUES (?, ?)").bind(.text(key), .int(number)).run()
        }
    }
}

extension EventKind {
    /// The columns an event names (where a rank at the bottom may be asked for).
    var columnIDs: [String] {
        switch self {
        case let .created(_, _, column, _, _): [column]
        case let .moved(from, to, _), let .closed(from, to, _), let .reopened(from, to, _): [from, to]
        case .column(.removed(let id, let to)): [id] + (to.map { [$0] } ?? [])
        case .column(let change): [change.columnID]
        default: []
        }
    }
}
