import Foundation
import Testing
@testable import BoardIndex
import BoardModel
import BoardQuery
@testable import BoardStore
import LanesTestSupport

/// `assignee:` and `label:` are answered from `name_bits` (`NameBitsTable`): the issues of each
/// name in chunks of 4,096 numbers, a few as offsets, many as bits. Lists through the index
/// give the fold's issues with names on issues of several chunks, chunks that grow past the
/// 256 numbers where their coding turns to bits and shrink back below, names spelled several
/// ways, names taken off again, and issues closed and reopened (`is:open` is a list too), written by the build and by later commits of both kinds.
@Suite struct NameBitsListTests {
    let now = Timestamp(milliseconds: 1_780_000_000_000)

    @Test func namesAcrossChunksAndCodingsListTheFoldsIssues() throws {
        let fixture = try IndexFixture()
        let count = NumberChunk.size + 800 // two chunks, the second part full
        try fixture.appendToLog(Array((1...count).map { number in
            let id = String(UInt64(0x2000_0000_0000_0000) + UInt64(number), radix: 16)
            return "\(id)\t2026-11-20T10:00:00.000Z\tann\t#\(number)\tcreated\tTask \(number)\t\tbacklog\t\(number)\tnone\n"
        }.joined().utf8))
        let writer = try EventLog.open(fixture.location, snapshots: .off)
        // Dense in the second chunk (399 issues: bits), sparse in the first (offsets).
        let dense = Array(stride(from: NumberChunk.size + 3, to: count, by: 2))
        let sparse = [1, 2, 4095, 4096, count]
        try writer.commit((dense + sparse).map { .label($0, add: ["Bulk"], remove: []) }
            + stride(from: 1, through: count, by: 7).map { .assign($0, [$0 % 2 == 0 ? "Ann" : "ann", "kim"]) }
            + stride(from: 5, through: count, by: 11).map { .close($0) }, actor: "ann", now: now)

        let index = try fixture.open()
        #expect(index.rebuilds == 1)
        try expectListsMatchFold(fixture, index)

        // Later writes, by the index and by the log alone (caught up on the next open): the
        // dense chunk falls below 256 numbers and rises past them again, a new issue joins, a
        // name is spelled anew.
        _ = try index.commit(dense.prefix(150).map { .label($0, add: [], remove: ["bulk"]) }
            + [.label(3, add: ["BULK", "ops"], remove: []), .assign(4096, []), .assign(4097, ["\u{212A}IM"]), .reopen(5), .close(4099)],
                             actor: "kim", now: now)
        try expectListsMatchFold(fixture, index)
        _ = try writer.refresh()
        try writer.commit(dense.suffix(60).map { .label($0, add: ["ops"], remove: ["Bulk"]) }
            + stride(from: NumberChunk.size + 4, to: count, by: 8).map { .label($0, add: ["bulk"], remove: []) }
            + [.create(title: "last", labels: ["bulk"], assignees: ["ann"]), .label(1, add: [], remove: ["bulk"])],
                          actor: "ann", now: now)
        let reopened = try fixture.open()
        try expectListsMatchFold(fixture, reopened)
    }

    /// An index of format 2 has no `name_bits`: read as this format, `label:` would find nothing.
    @Test func anIndexWrittenBeforeNameBitsIsRebuilt() throws {
        let fixture = try IndexFixture()
        try EventLog.open(fixture.location, snapshots: .off)
            .commit([.create(title: "one", labels: ["bug"]), .create(title: "two", assignees: ["ann"])], actor: "ann", now: now)
        _ = try fixture.open()
        let database = try SQLiteDatabase(path: fixture.indexPath, create: false)
        try database.transaction {
            try database.execute("DROP TABLE name_bits")
            var meta = try #require(try IndexMeta.read(from: database))
            meta.format = 2
            try meta.write(to: database)
        }
        database.close()
        let index = try fixture.open()
        #expect(index.rebuilds == 1)
        var listed: [Int] = []
        try index.list(try Query.parse("label:bug", on: index.boardState, me: "ann", now: now), now: now) { listed.append($0.number) }
        #expect(listed == [1])
    }

    /// A `name_bits` row holding bytes its coding never writes (or a chunk past the highest
    /// number) is damage: the index is rebuilt, and the list is the fold's.
    @Test(arguments: ["UPDATE name_bits SET bits = x'010203' WHERE list = 'labels'",
                      "UPDATE name_bits SET bits = x'05000300' WHERE list = 'labels'",
                      "UPDATE name_bits SET chunk = 1000000 WHERE list = 'labels'"])
    func aForgedChunkIsNotBelieved(sql: String) throws {
        let fixture = try IndexFixture()
        try EventLog.open(fixture.location, snapshots: .off)
            .commit([.create(title: "one", labels: ["bug"]), .create(title: "two", labels: ["bug"], assignees: ["ann"])], actor: "ann", now: now)
        _ = try fixture.open()
        let database = try SQLiteDatabase(path: fixture.indexPath, create: false)
        try database.execute(sql)
        database.close()
        let index = try fixture.open()
        var listed: [Int] = []
        try index.list(try Query.parse("label:bug assignee:ann", on: index.boardState, me: "ann", now: now), now: now) { listed.append($0.number) }
        #expect(listed == [2])
        #expect(index.rebuilds == 1)
    }

    private func expectListsMatchFold(_ fixture: IndexFixture, _ index: BoardIndex,
                                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fold = try EventLog.open(fixture.location, snapshots: .off).state
        let queries = ["label:bulk", "label:BULK is:open", "assignee:ann", "assignee:kim label:bulk", "assignee:\u{212A}im label:bulk",
                       "label:bulk assignee:ann assignee:kim is:closed", "assignee:kim is:open -is:closed", "label:bulk sort:id-desc", "label:bulk label:ops",
                       "label:bulk -assignee:ann sort:updated", "label:nobody", "assignee:ann label:nobody", "label:ops"]
        var listedAny = 0
        for text in queries {
            let expected = try Query.parse(text, on: fold, me: "ann", now: now).run(on: fold, now: now).map(\.number)
            var listed: [Int] = []
            try index.list(try Query.parse(text, on: index.boardState, me: "ann", now: now), now: now) { listed.append($0.number) }
            #expect(listed == expected, "\(text)", sourceLocation: sourceLocation)
            listedAny += listed.count
        }
        #expect(listedAny > 1000, "queries that show something", sourceLocation: sourceLocation)
        for list in [NameBitsTable.assignees, NameBitsTable.labels, NameBitsTable.states] {
            let names = fold.issues.values.flatMap { issue in
                (list == NameBitsTable.labels ? issue.labels : list == NameBitsTable.assignees ? issue.assignees
                    : issue.isOpen ? [NameBitsTable.open] : []).map { "\($0.lowercased()) \(issue.number)" }
            }
            #expect(try IndexFixture.nameBits(index, list) == Set(names), "\(list)", sourceLocation: sourceLocation)
        }
    }
}
