import Foundation
import Testing

/// `lanes comment N --edit ID` and `--delete ID` as the first command after a clone (no index
/// yet): a write after a clone builds what `show` builds (its names deferred) and may plan on
/// the board that build folded (`BoardIndex.commit`), a board that holds no events, only where
/// each line starts; these two read the comment's timeline. Each must do what it does with an
/// index, and leave an index whose every answer is the whole board's.
@Suite struct CommentEditAfterCloneTests {
    /// The board (4,000 issues with names), its commands and their whole-board comparison.
    let clone = DeferredIndexKillTests()
    var lanes: LanesProcess { clone.lanes }

    /// The ids of the comments on #`number`, oldest first.
    func commentIDs(_ number: Int) throws -> [String] {
        let issue = try #require(try json(lanes.run(["show", "\(number)", "--format", "json"]).stdout) as? [String: Any])
        let timeline = try #require(issue["timeline"] as? [[String: Any]])
        return timeline.filter { $0["kind"] as? String == "commented" }.compactMap { $0["id"] as? String }
    }

    func expectTheWholeBoard(_ comment: Comment) throws {
        for arguments in [["show", "2", "--format", "json"], ["list", "label:l2", "assignee:u2", "--format", "json"], ["columns"]] {
            try clone.expectWholeBoard(arguments, comment)
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "needs sqlite3"))
    func editAndDeleteAsTheFirstCommandAfterACloneDoWhatTheyDoWithAnIndex() throws {
        try clone.board()
        #expect(try lanes.run(["comment", "2", "frist, see #3"]).status == 0)
        let id = try #require(try commentIDs(2).first)

        try FileManager.default.removeItem(atPath: clone.indexDirectory)
        let edited = try lanes.run(["comment", "2", "--edit", id, "first, see #4"])
        #expect(edited.status == 0 && edited.stdout == "#2 edited a comment\n", "\(edited.status) \(edited.stderr)")
        try expectTheWholeBoard("after an edit as the first command")
        #expect(try clone.storedFormat() == 3, "completed by the commands after")

        // Not the author: refused with the whole board's words.
        try FileManager.default.removeItem(atPath: clone.indexDirectory)
        var bob = lanes
        bob.user = "bob"
        let refused = try bob.run(["comment", "2", "--delete", id])
        #expect(refused.status == 1 && refused.stderr.contains("only ann can delete comment"), "\(refused.status) \(refused.stderr)")

        try FileManager.default.removeItem(atPath: clone.indexDirectory)
        let deleted = try lanes.run(["comment", "2", "--delete", id])
        #expect(deleted.status == 0 && deleted.stdout == "#2 deleted a comment\n", "\(deleted.status) \(deleted.stderr)")
        try expectTheWholeBoard("after a delete as the first command")
    }
}
