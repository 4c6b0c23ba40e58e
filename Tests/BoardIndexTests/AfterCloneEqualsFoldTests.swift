import Foundation
import Testing
@testable import BoardIndex
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// `IndexEqualsFoldTests` with the index deleted now and then (a fresh clone, or a user who
/// cleared their cache), so that the first command after it (a write planned on the build's
/// fold, `show`'s deferred build, a `list`'s) meets every kind of history: lines no `Change`
/// writes (import keys, reporters, renumbered issues, lines about no issue, a second
/// `created`, lines dated ahead of the clock, unreadable lines), torn tails, merges, column
/// renames and removals, comment edits and deletions, another board's log in its place. After
/// each step the index the next command opens is the fold of the whole log.
@Suite struct AfterCloneEqualsFoldTests {
    @Test(arguments: [31, 32, 33, 34] as [UInt64])
    func theFirstCommandAfterACloneMeetsAnyHistory(seed: UInt64) throws {
        let fixture = try IndexFixture()
        var random = SeededGenerator(seed: seed)
        let log = try EventLog.open(fixture.location, snapshots: .off)
        var clock = Timestamp.now.milliseconds - 3_600_000
        for step in 0..<60 {
            clock += Int64.random(in: 1...5_000, using: &random)
            let now = Timestamp(milliseconds: clock)
            let actor = IndexEqualsFoldTests.users[Int.random(in: 0..<3, using: &random)]
            var comment: Comment = "seed \(seed), step \(step)"
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<30:
                try log.refresh()
                let change = IndexEqualsFoldTests.change(for: log.state, wholeBoard: true, random: &random)
                comment = "\(comment): \(change) by the log"
                _ = try? log.commit([change], actor: actor, now: now)
            case 30..<60:
                // Through the index as `add`, `comment --edit` and the rest open it: after a clone
                // the build's fold plans the change, otherwise the touched rows.
                // One change, or several in one commit (as `lanes delete 3 4` and `lanes edit --title --body` make).
                var whole = try EventLog.open(fixture.location, snapshots: .off).state
                let changes = (0..<[1, 1, 2, 3].randomElement(using: &random)!).map { _ in
                    IndexEqualsFoldTests.change(for: whole, wholeBoard: false, random: &random)
                }
                comment = "\(comment): \(changes) through the index"
                let expected = Result { () throws(BoardError) in try whole.apply(changes, actor: actor, at: now) }
                let index = try BoardIndex.open(fixture.location, environment: fixture.environment, needs: .foldIfBuilt)
                do {
                    let events = try index.commit(changes, actor: actor, now: now).events
                    #expect(events.map(\.summaryForComparison) == (try expected.get()).map(\.summaryForComparison), comment)
                } catch let error as BoardError {
                    #expect(throws: error, comment) { try expected.get() }
                }
            case 60..<72:
                let line = try AfterCloneEqualsFoldTests.oddLine(fixture, actor: actor, now: now, random: &random)
                comment = "\(comment): the line \(String(decoding: line, as: UTF8.self))"
                try fixture.appendToLog(line)
            case 72..<78:
                comment = "\(comment): a torn tail"
                try fixture.appendToLog(Array("\(now.iso8601) \(actor) #1 commented half a li".utf8))
            case 78..<84:
                comment = "\(comment): a merge"
                try IndexEqualsFoldTests.mergeOlderEvents(fixture, logs: [log], actor: actor, now: now, random: &random)
            case 84..<90:
                comment = "\(comment): another board's log"
                try IndexEqualsFoldTests.replaceWithAnotherBoard(fixture, now: now)
            default:
                comment = "\(comment): the index deleted"
                for suffix in ["", "-wal", "-shm"] { unlink(fixture.indexPath + suffix) }
            }
            // The next command: `show` (which may defer the build), `list` (which may answer from
            // its build's fold), or any other.
            let fold = try EventLog.open(fixture.location, snapshots: .off).state
            switch Int.random(in: 0..<3, using: &random) {
            case 0:
                let shown = try BoardIndex.open(fixture.location, environment: fixture.environment, needs: .rows)
                try IndexFixture.expectShows(fold.issues.keys.sorted().suffix(4), through: shown, as: fold, comment)
            case 1:
                let listed = try BoardIndex.open(fixture.location, environment: fixture.environment, needs: .foldIfBuilt)
                let board = listed.builtFrom?.state ?? listed.boardState
                #expect(board.highestNumber == fold.highestNumber, comment)
                #expect(board.columns == fold.columns, comment)
                if let built = listed.builtFrom?.state {
                    #expect(built.issues.keys.sorted() == fold.issues.keys.sorted(), comment)
                    for number in fold.issues.keys { #expect(built.issues[number] == fold.issues[number], comment) }
                }
            default:
                break
            }
            let index = try fixture.open()
            try fixture.expectMatchesFold(index)
            try ColumnCountsTests.expectKept(fixture, index, comment)
            try fixture.expectDigestsMatchFold(index)
        }
    }

    /// A whole line that no `Change` writes: an import key, a reporter, a renumbering, one
    /// about an issue that does not exist, a second `created` of an issue, one dated two days
    /// ahead of the clock, one that cannot be read.
    static func oddLine(_ fixture: IndexFixture, actor: String, now: Timestamp, random: inout SeededGenerator) throws -> [UInt8] {
        let state = try EventLog.open(fixture.location, snapshots: .off).state
        let number = state.issues.keys.randomElement(using: &random) ?? 1
        let column = state.columns.randomElement(using: &random)?.id ?? "backlog"
        let ahead = Timestamp(milliseconds: Timestamp.now.milliseconds + 2 * Timestamp.day)
        let choices: [(Int, EventKind, Timestamp)] = [
            (number, .imported(key: "github:acme/app#\(Int.random(in: 1...5, using: &random))"), now),
            (number, .reported("carol@example.com"), now),
            (number, .renumbered(from: number + 1), now),
            (state.highestNumber + 5, .labelled("ghost"), now),
            (number, .created(title: "again #\(number)", body: "", column: column, rank: 1, priority: .high), now),
            (number, .retitled("from tomorrow's clock"), ahead),
            (state.highestNumber + 1, .created(title: "from tomorrow", body: "", column: column, rank: 9, priority: .none), ahead),
        ]
        if Int.random(in: 0..<8, using: &random) == 0 { return Array("not a line of the log at all\n".utf8) }
        let (issue, kind, at) = choices.randomElement(using: &random)!
        var bytes: [UInt8] = []
        LineCodec.encode(Event(id: .random(), at: at, actor: actor, issue: issue, kind: kind), into: &bytes)
        return bytes
    }
}
