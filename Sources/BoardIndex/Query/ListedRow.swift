import BoardModel
import BoardQuery

/// A candidate's row as `BoardIndex.listRows` read it, its seal checked: the bytes of the
/// issue, decoded (and matched) by whoever takes it, on any thread.
///
/// Decoding and matching are most of a long list's reading (at a million issues, 9,793 rows:
/// as much as SQLite's work and the page reads together), so the table's core does them
/// while this one goes on reading.
public struct ListedRow: Sendable {
    let number: Int
    /// The row's `data`, copied out of SQLite's buffers (the seal was checked over them).
    let data: [UInt8]
    let column: String
    let rank: Double

    /// Reads the row `statement` is on (its columns as `IssueRow.selected`), its seal checked.
    init(_ statement: SQLiteStatement) throws {
        let number = Int(statement.int(0))
        self.number = number
        data = try statement.withBlob(3) { data in
            try statement.withBlob(4) { events in try IssueRow.checkSeal(statement, number: number, data: data, events: events) }
            return Array(data)
        }
        column = statement.text(1)
        rank = statement.double(2)
    }

    /// The issue, if `query` shows it (`Query.includes`, as `BoardIndex.list` asks it). Throws
    /// if the bytes do not decode to the row they were read from: the index is damaged, and
    /// `BoardIndex.list` (which rebuilds it) reads the query again.
    ///
    /// `listRows` gives no row of a query that asks other issues while matching (`is:blocked`),
    /// so none is asked here.
    public func issue(shownBy query: Query, now: Timestamp, staleAfterDays: Int = 14) throws -> Issue? {
        let issue = try data.withUnsafeBytes { try IssueRow.decoded($0) }
        try IssueRow.check(issue, number: number, column: column, rank: rank)
        return query.includes(issue, now: now, staleAfterDays: staleAfterDays) { _ in false } ? issue : nil
    }
}
