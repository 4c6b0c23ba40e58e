import Foundation
import Testing
import BoardIndex
import BoardModel
import BoardQuery
import BoardStore
import LanesTestSupport

/// `lanes list` through the index gives what the fold gives: for every query word (negated
/// too, combined, sorted), on random boards written by several writers (two log writers and
/// one through the index), with the index built once and then caught up.
@Suite struct ListThroughIndexTests {
    let now = Timestamp(milliseconds: 1_780_000_000_000)
    /// Not UTC, so a day boundary taken in the wrong zone shows.
    let zone = TimeZone(identifier: "Pacific/Auckland")!

    @Test(arguments: [UInt64(11)])
    func everyQueryGivesTheFoldsIssuesInTheFoldsOrder(seed: UInt64) throws {
        let directory = TemporaryDirectory()
        let location = BoardLocation(root: directory.path)
        try EventLog.create(location)
        let environment = ["XDG_CACHE_HOME": directory.file("cache"), "HOME": directory.path]
        let writers = [try EventLog.open(location, snapshots: .off), try EventLog.open(location, snapshots: .off)]
        let steps = QueryWorkload.steps(seed: seed, count: 400, now: now)
        for (offset, step) in steps.enumerated() {
            if offset == steps.count / 2 { _ = try BoardIndex.open(location, environment: environment) } // built here, caught up below
            if offset % 5 == 4 {
                _ = try? BoardIndex.open(location, environment: environment).commit([step.change], actor: step.actor, now: step.at)
            } else {
                let writer = writers[offset % 2]
                _ = try writer.refresh()
                _ = try? writer.commit([step.change], actor: step.actor, now: step.at)
            }
        }
        let fold = try EventLog.open(location, snapshots: .off).state
        let index = try BoardIndex.open(location, environment: environment)
        for text in QueryWorkload.queries {
            let expected = try Query.parse(text, on: fold, me: "ann", now: now, zone: zone).run(on: fold, now: now)
            var listed: [BoardModel.Issue] = []
            try index.list(try Query.parse(text, on: index.boardState, me: "ann", now: now, zone: zone), now: now) { listed.append($0) }
            #expect(listed.map(\.number) == expected.map(\.number), "\(text)")
            #expect(listed == expected, "\(text)")
        }
        #expect(fold.issues.count > 80, "a board big enough to say something")
    }

    /// The free-text index holds the whole text: a title or description with a NUL in it was
    /// cut there (the text was bound as a C string), so a word after it was never a candidate.
    @Test func wordsAfterANulCharacterAreFound() throws {
        let directory = TemporaryDirectory()
        let location = BoardLocation(root: directory.path)
        try EventLog.create(location)
        let environment = ["XDG_CACHE_HOME": directory.file("cache"), "HOME": directory.path]
        let writer = try EventLog.open(location, snapshots: .off)
        _ = try writer.commit([.create(title: "pasted\u{0}zebra title", body: "before\u{0}giraffe after")], actor: "ann", now: now)
        _ = try writer.commit([.create(title: "plain")], actor: "ann", now: now)
        let index = try BoardIndex.open(location, environment: environment)
        for text in ["zebra", "giraffe", "pasted", "plain"] {
            let expected = try Query.parse(text, on: writer.state, me: "ann", now: now, zone: zone).run(on: writer.state, now: now)
            var listed: [Int] = []
            try index.list(try Query.parse(text, on: index.boardState, me: "ann", now: now, zone: zone), now: now) { listed.append($0.number) }
            #expect(!expected.isEmpty, "\(text)")
            #expect(listed == expected.map(\.number), "\(text)")
        }
    }
}
