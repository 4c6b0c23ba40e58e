import BoardModel
import BoardQuery

/// A candidate's row as `BoardIndex.listRows` read it: the bytes of the issue and its seal,
/// checked, decoded (and matched) by whoever takes it, on any thread.
///
/// Checking the seal, decoding and matching are most of a long list's reading (at a million
/// issues, 9,793 rows: as much as SQLite's work and the page reads together), so the table's
/// core does them while this one goes on reading.
public struct ListedRow: Sendable {
    let number: Int
    /// The row's `data` and then its `events`, copied out of SQLite's buffers.
    let bytes: [UInt8]
    /// How many of `bytes` are `data`.
    let dataCount: Int
    let seal: Int64
    let column: String
    let rank: Double

    /// Reads the row `statement` is on (its columns as `IssueRow.selected`), unchecked.
    init(_ statement: SQLiteStatement) {
        number = Int(statement.int(0))
        var bytes: [UInt8] = []
        dataCount = statement.withBlob(3) { data in
            statement.withBlob(4) { events in
                bytes.reserveCapacity(data.count + events.count)
                bytes.append(contentsOf: data)
                bytes.append(contentsOf: events)
            }
            return data.count
        }
        self.bytes = bytes
        seal = statement.int(5)
        column = statement.text(1)
        rank = statement.double(2)
    }

    /// The issue, if `query` shows it (`Query.includes`, as `BoardIndex.list` asks it). Throws
    /// if the row's seal is not that of its bytes, or the bytes do not decode to the row they
    /// were read from: the index is damaged, and `BoardIndex.list` (which rebuilds it) reads
    /// the query again.
    ///
    /// `listRows` gives no row of a query that asks other issues while matching (`is:blocked`),
    /// so none is asked here.
    public func issue(shownBy query: Query, now: Timestamp, staleAfterDays: Int = 14) throws -> Issue? {
        let issue = try bytes.withUnsafeBytes { row in
            let data = UnsafeRawBufferPointer(rebasing: row[..<dataCount])
            guard IssueRow.seal(number: number, data: data, events: UnsafeRawBufferPointer(rebasing: row[dataCount...])) == seal else {
                throw IndexDamaged()
            }
            return try IssueRow.decoded(data)
        }
        try IssueRow.check(issue, number: number, column: column, rank: rank)
        return query.includes(issue, now: now, staleAfterDays: staleAfterDays) { _ in false } ? issue : nil
    }
}
