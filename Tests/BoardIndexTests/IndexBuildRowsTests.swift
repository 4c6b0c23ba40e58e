import Foundation
import Testing
@testable import BoardIndex
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// A board's first index is written in bulk (rows encoded on another core, bound in place,
/// the columns' counts counted on the way); every later write stores one issue at a time
/// (`IssueRow.write`) and the first screen counts from the rows (`ColumnCounts.recount`). Both
/// must store the same bytes, or a row the build wrote would read as damaged, or differ from
/// one a commit rewrites.
@Suite struct IndexBuildRowsTests {
    @Test func aBuildStoresEveryRowAsAWriteOfEachIssueWould() throws {
        let fixture = try IndexFixture()
        // More issues than one batch of rows holds (written as lines: committing thousands of
        // changes would take the test's time), then names spelled several ways (one folds to
        // another's spelling) on issues of each batch, and what the rows' columns copy.
        let count = 2 * EncodedIssueRows.batchSize + 100
        try fixture.appendToLog(Array((1...count).map { number in
            let id = String(UInt64(0x1000_0000_0000_0000) + UInt64(number), radix: 16)
            return "\(id)\t2026-11-20T10:00:00.000Z\tann\t#\(number)\tcreated\tIssue \(number)\tsee #\(number / 2 + 1)\tbacklog\t\(number)\tnone\n"
        }.joined().utf8))
        let log = try EventLog.open(fixture.location, snapshots: .off)
        let names = ["Bob", "bob", "ÅSA", "åsa", "Zoë", "ann"]
        let touched = Array(1...12) + Array(count / 2 - 5...count / 2 + 5) + Array(count - 11...count)
        try log.commit(touched.flatMap { number -> [Change] in
            [.assign(number, [names[number % names.count], names[(number + 1) % names.count]]),
             .label(number, add: number % 2 == 0 ? ["Bug", "ui"] : ["bug"], remove: []), .prioritise(number, .high)]
        }, actor: "ann")
        try log.commit([.create(title: "by Dave"), .comment(3, "about #2"), .move(5, to: "doing"), .close(8),
                        .setDue(9, CalendarDate(daysSinceEpoch: 20_500)), .snooze(10, CalendarDate(daysSinceEpoch: 30_000)),
                        .lifecycle(11, .archived), .assign(12, ["Carol"])], actor: "Dave")

        let index = try fixture.open()
        #expect(index.rebuilds == 1)
        try fixture.checkpoint()

        // The same board written issue by issue, as commits write rows.
        let whole = try EventLog.open(fixture.location, collectingOffsets: true)
        let state = whole.state, offsets = whole.eventOffsets
        let reference = try SQLiteDatabase(path: fixture.directory.file("reference.sqlite"), create: true)
        try reference.execute(IndexSchema.create)
        try reference.transaction {
            for number in state.issues.keys.sorted() {
                var timeline: [Int64] = []
                var next = Int(state.timelineEnds[number]?.first ?? -1)
                while next >= 0 {
                    timeline.append(offsets[next])
                    next = Int(state.nextInTimeline[next])
                }
                try IssueRow(issue: try #require(state.issues[number]), offsets: timeline)
                    .write(to: reference, replacing: nil, text: false)
            }
            // The columns' counts as the first screen counts them from those rows.
            try reference.execute(BoardIndex.firstScreenIndex + "; " + ColumnCounts.create)
            _ = try ColumnCounts.recount(in: reference)
        }

        let built = try SQLiteDatabase(path: fixture.indexPath, create: false)
        for (table, columns) in IndexBuildRowsTests.tables {
            let rows = try IndexBuildRowsTests.rows(of: table, columns, in: built)
            #expect(rows == (try IndexBuildRowsTests.rows(of: table, columns, in: reference)), "\(table)")
            #expect(rows.count >= (table == "issues" ? count : table == "users" ? 2 : table == "name_bits" ? 7 : touched.count), "\(table)")
        }
        let counts = #""column", snoozed, open, day, count"#
        let storedCounts = try IndexBuildRowsTests.rows(of: "column_counts", counts, in: built)
        #expect(storedCounts == (try IndexBuildRowsTests.rows(of: "column_counts", counts, in: reference)))
        #expect(storedCounts.count >= 5) // open and closed, in three columns, one snoozed
    }

    static let tables = [
        ("issues", #"number, "column", rank, open, priority, archived, deleted, created, updated, due, snoozed, author, data, events, seal"#),
        ("assignees", "name, number, spelled"),
        ("labels", "label, number"),
        ("users", "name, spelled"),
        ("name_bits", "list, name, chunk, bits"),
    ]

    /// Every row of `table`, each column as SQL writes it (`quote`: type and bytes), in the
    /// order of its columns (a table with secondary indexes may be read through one of them).
    static func rows(of table: String, _ columns: String, in database: SQLiteDatabase) throws -> [String] {
        let quoted = columns.split(separator: ",").map { "quote(\($0.trimmingCharacters(in: .whitespaces)))" }
        let statement = try database.statement("SELECT \(quoted.joined(separator: " || '|' || ")) FROM \(table) ORDER BY \(columns)")
        var rows: [String] = []
        while try statement.step() { rows.append(statement.text(0)) }
        return rows
    }
}
