import Foundation
import Testing
@testable import BoardIndex
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// A board's first index is written in bulk (rows encoded on another core, bound in place);
/// every later write stores one issue at a time (`IssueRow.write`). Both must store the same
/// bytes, or a row the build wrote would read as damaged, or differ from one a commit rewrites.
@Suite struct IndexBuildRowsTests {
    @Test func aBuildStoresEveryRowAsAWriteOfEachIssueWould() throws {
        let fixture = try IndexFixture()
        let log = try EventLog.open(fixture.location, snapshots: .off)
        // More issues than one batch of rows holds, names spelled several ways (one folds to
        // another's spelling), and what the rows' columns copy: due, snooze, priority, state.
        let count = 2 * EncodedIssueRows.batchSize + 100
        let names = ["Bob", "bob", "ÅSA", "åsa", "Zoë", "ann"]
        try log.commit((0..<count).map { n in
            .create(title: "issue \(n)", body: n % 7 == 0 ? "see #\(n / 2 + 1)" : "", column: n % 3 == 0 ? "doing" : nil,
                    labels: n % 4 == 0 ? ["Bug", "ui"] : n % 5 == 0 ? ["bug"] : [],
                    assignees: n % 6 == 5 ? [] : [names[n % names.count], names[(n + 1) % names.count]],
                    priority: n % 2 == 0 ? .high : .none)
        }, actor: "ann")
        try log.commit([.comment(3, "about #2"), .move(5, to: "doing"), .close(8), .setDue(9, CalendarDate(daysSinceEpoch: 20_500)),
                        .snooze(10, CalendarDate(daysSinceEpoch: 30_000)), .lifecycle(11, .archived), .assign(12, ["Carol"])],
                       actor: "Dave")

        let index = try fixture.open()
        #expect(index.rebuilds == 1)
        try fixture.checkpoint()

        // The same board written issue by issue, as commits write rows.
        let whole = try EventLog.open(fixture.location, collectingOffsets: true)
        let state = whole.state, offsets = whole.eventOffsets
        let reference = try SQLiteDatabase(path: fixture.directory.file("reference.sqlite"), create: true)
        try reference.execute(IndexSchema.create)
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

        let built = try SQLiteDatabase(path: fixture.indexPath, create: false)
        for (table, columns) in IndexBuildRowsTests.tables {
            let rows = try IndexBuildRowsTests.rows(of: table, columns, in: built)
            #expect(rows == (try IndexBuildRowsTests.rows(of: table, columns, in: reference)), "\(table)")
            #expect(rows.count >= (table == "issues" ? count : table == "users" ? 2 : 7), "\(table)")
        }
    }

    static let tables = [
        ("issues", #"number, "column", rank, open, priority, archived, deleted, created, updated, due, snoozed, author, data, events, seal"#),
        ("assignees", "name, number, spelled"),
        ("labels", "label, number"),
        ("users", "name, spelled"),
    ]

    /// Every row of `table`, each column as SQL writes it (`quote`: type and bytes), in the table's order.
    static func rows(of table: String, _ columns: String, in database: SQLiteDatabase) throws -> [String] {
        let quoted = columns.split(separator: ",").map { "quote(\($0.trimmingCharacters(in: .whitespaces)))" }
        let statement = try database.statement("SELECT \(quoted.joined(separator: " || '|' || ")) FROM \(table)")
        var rows: [String] = []
        while try statement.step() { rows.append(statement.text(0)) }
        return rows
    }
}
