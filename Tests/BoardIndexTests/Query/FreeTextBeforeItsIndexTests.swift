import Foundation
import Testing
@testable import BoardIndex
import BoardModel
import BoardQuery
import BoardStore
import LanesTestSupport

/// A free-text `list` does not wait for the free-text index (`issue_text`): where it does not
/// reach yet, the rows are read (their bytes tested first, `RowTextFilter`), and the index is
/// built later, a slice at a time, kept by every write from the slice it reached. Whatever it
/// covers, a query gives what the fold gives.
@Suite struct FreeTextBeforeItsIndexTests {
    let now = Timestamp(milliseconds: 1_780_000_000_000)
    let zone = TimeZone(identifier: "Pacific/Auckland")!

    func textRows(_ fixture: IndexFixture) throws -> Int {
        let database = try SQLiteDatabase(path: fixture.indexPath, create: false)
        return try withExtendedLifetime(database) {
            let statement = try database.statement("SELECT count(*) FROM issue_text")
            return try statement.step() ? Int(statement.int(0)) : -1
        }
    }

    /// More issues than a query indexes itself: the first free-text query reads rows instead.
    @Test func theFirstFreeTextQueryDoesNotBuildTheTextIndex() throws {
        let fixture = try IndexFixture()
        try EventLog.open(fixture.location, snapshots: .off).commit((1...1_200).map { .create(title: $0 % 7 == 0 ? "Login crash \($0)" : "page \($0)", body: $0 % 5 == 0 ? "翻訳テスト" : "") },
                       actor: "ann", now: now)
        let index = try fixture.open()
        let fold = try EventLog.open(fixture.location, snapshots: .off).state
        for text in ["login", "翻訳テスト", "crash 翻訳テスト", "zebra"] {
            let expected = try Query.parse(text, on: fold, me: "ann", now: now, zone: zone).run(on: fold, now: now)
            var listed: [BoardModel.Issue] = []
            try index.list(try Query.parse(text, on: index.boardState, me: "ann", now: now, zone: zone), now: now) { listed.append($0) }
            #expect(listed == expected, "\(text)")
        }
        #expect(try textRows(fixture) == 0, "no issue's text indexed by the queries")
        #expect(index.rebuilds == 1, "its first build, and no other")
    }

    /// Random boards by several writers; the text index built a few issues at a time at random
    /// moments, writes through the index and other writers' lines in between: every query
    /// with free text (capitals, accents, CJK, phrases, beside names and labels), through
    /// `list` and through `listRows`, gives the fold's issues in the fold's order.
    @Test(arguments: [UInt64(3), 29])
    func everyFreeTextQueryGivesTheFoldsIssuesWhateverTheIndexCovers(seed: UInt64) throws {
        let fixture = try IndexFixture()
        let writer = try EventLog.open(fixture.location, snapshots: .off)
        var random = SeededGenerator(seed: seed)
        let steps = QueryWorkload.steps(seed: seed, count: 240, now: now)
        let queries = QueryWorkload.queries.filter { text in
            (try? Query.parse(text, on: BoardState(), me: "ann", now: now, zone: zone))?.terms
                .contains { if case .text = $0.condition { true } else { false } } == true
        }
        for (offset, step) in steps.enumerated() {
            if offset % 3 == 0 {
                _ = try writer.refresh()
                _ = try? writer.commit([step.change], actor: step.actor, now: step.at)
            } else {
                let index = try fixture.open()
                index.textPart = TextPartSizes(builtAtOnce: 0, sliceRows: 1 + Int(random.next() % 9))
                if random.next() % 4 == 0 { try index.indexTextSlice() }
                _ = try? index.commit([step.change], actor: step.actor, now: step.at)
            }
            guard offset % 60 == 59 else { continue }
            let fold = try EventLog.open(fixture.location, snapshots: .off).state
            let index = try fixture.open()
            index.textPart = TextPartSizes(builtAtOnce: 0, sliceRows: 4)
            for text in queries {
                let query = try Query.parse(text, on: index.boardState, me: "ann", now: now, zone: zone)
                let expected = try Query.parse(text, on: fold, me: "ann", now: now, zone: zone).run(on: fold, now: now)
                var listed: [BoardModel.Issue] = []
                try index.list(query, now: now) { listed.append($0) }
                #expect(listed == expected, "\(text), text indexed through \(index.meta.textIndexedThrough)")
                var rows: [BoardModel.Issue] = []
                if try index.listRows(query, now: now, { row in if let issue = try row.issue(shownBy: query, now: now) { rows.append(issue) } }) {
                    #expect(rows == expected, "\(text) (rows), text indexed through \(index.meta.textIndexedThrough)")
                }
            }
        }
        let index = try fixture.open()
        try index.indexText()
        #expect(index.textIndexed)
        try fixture.expectMatchesFold(index)
    }
}
