import Foundation
import Testing
@testable import BoardIndex
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// A write as the first command on a board with no index (`lanes add` after a clone) builds
/// what `show` builds (`Needs.foldIfBuilt`: the rows, the names left for later) and plans its
/// changes on the board that build folded whole, then appends them to the log and leaves the
/// index behind it: the next open completes the deferred part and folds the new lines in, and
/// is then what a whole build of the whole log is.
@Suite struct WriteAfterCloneTests {
    /// `DeferredIndexPartTests.board()`'s log in a second board, folded whole through `EventLog`
    /// with `changes` committed at `now`: what a write on the whole board gives.
    static func committedWhole(_ changes: [Change], now: Timestamp) throws -> BoardState {
        let fixture = try DeferredIndexPartTests.board()
        let log = try EventLog.open(fixture.location, snapshots: .off)
        _ = try log.commit(changes, actor: "dee", now: now)
        return try EventLog.open(fixture.location, snapshots: .off).state
    }

    /// What a change decides of an issue (the boards' own stamps differ).
    static func placed(_ issue: BoardModel.Issue?) -> String {
        issue.map { "\($0.title) \($0.column) \($0.rank) \($0.isOpen) \($0.labels) \($0.assignees)" } ?? "none"
    }

    @Test func aWriteAfterACloneIsPlannedOnTheBuildsFoldAndLeavesTheNamesForLater() throws {
        let fixture = try DeferredIndexPartTests.board()
        let now = Timestamp.now
        // A new issue at the bottom of a column others hold, a known name in another case, a
        // label spelled as an existing one, a move and a close of issues the build folded.
        let changes: [Change] = [.create(title: "after the clone", labels: ["UI"], assignees: ["bob"]),
                                 .move(5, to: "doing"), .close(7), .comment(1, "see #41")]
        let index = try BoardIndex.open(fixture.location, environment: fixture.environment, needs: .foldIfBuilt)
        #expect(index.rebuilds == 1)
        #expect(index.builtFrom != nil)
        let committed = try index.commit(changes, actor: "dee", now: now)
        #expect(committed.events.first?.issue == 41)
        #expect(committed.state.issues[41]?.title == "after the clone")
        #expect(try DeferredIndexPartTests.storedFormat(fixture) == Int64(DeferredIndexPart.format),
                "the write built what show builds, the names left for later")
        // The log holds what a write on the whole board writes.
        let fold = try EventLog.open(fixture.location, snapshots: .off).state
        let whole = try WriteAfterCloneTests.committedWhole(changes, now: now)
        #expect(fold.issues.keys.sorted() == whole.issues.keys.sorted())
        for number in [1, 5, 7, 41] {
            #expect(WriteAfterCloneTests.placed(fold.issues[number]) == WriteAfterCloneTests.placed(whole.issues[number]), "#\(number)")
        }
        // The next command completes the index and folds the write in, without a rebuild.
        let next = try fixture.open()
        try DeferredIndexPartTests.expectWhole(next, rebuilds: 0, in: fixture)
    }

    @Test func aWriteAfterACloneFoldsAnotherWritersLinesBeforePlanning() throws {
        let fixture = try DeferredIndexPartTests.board()
        let index = try BoardIndex.open(fixture.location, environment: fixture.environment, needs: .foldIfBuilt)
        #expect(index.builtFrom != nil)
        // Another writer between the build and the write: the build's fold is behind the log.
        try EventLog.open(fixture.location, snapshots: .off).commit([.create(title: "theirs"), .close(2)], actor: "bob")
        let committed = try index.commit([.create(title: "mine"), .reopen(2)], actor: "dee")
        #expect(committed.events.first?.issue == 42, "numbered after the other writer's #41")
        #expect(committed.events.count == 2, "#2 was closed by the other writer, then reopened")
        let next = try fixture.open()
        try DeferredIndexPartTests.expectWhole(next, rebuilds: 0, in: fixture)
        #expect(try next.showing(41).issues[41]?.title == "theirs")
        #expect(try next.showing(2).issues[2]?.isOpen == true)
    }

    @Test func aSecondWriteOnTheSameOpenGoesThroughTheIndex() throws {
        let fixture = try DeferredIndexPartTests.board()
        let index = try BoardIndex.open(fixture.location, environment: fixture.environment, needs: .foldIfBuilt)
        _ = try index.commit([.create(title: "first")], actor: "dee")
        #expect(index.builtFrom == nil, "the build's fold is planned on once")
        let second = try index.commit([.create(title: "second", assignees: ["cy"])], actor: "dee")
        #expect(second.events.first?.issue == 42)
        try DeferredIndexPartTests.expectWhole(try fixture.open(), rebuilds: 0, in: fixture)
    }
}
