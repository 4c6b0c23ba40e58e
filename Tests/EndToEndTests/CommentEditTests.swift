import Foundation
import Testing

/// `lanes comment N --edit ID` and `--delete ID` (#15 "Comments"), as a script drives them.
@Suite struct CommentEditTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    /// A board with #1 and one comment by ann; returns the comment's id.
    func boardWithComment() throws -> String {
        #expect(try lanes.run(["init"]).status == 0)
        try lanes.run(["add", "Thing"])
        #expect(try lanes.run(["comment", "1", "frist"]).status == 0)
        return try commentEntries()[0]["id"] as! String
    }

    func commentEntries() throws -> [[String: Any]] {
        let issue = try json(lanes.run(["show", "1", "--format", "json"]).stdout) as! [String: Any]
        return (issue["timeline"] as! [[String: Any]]).filter { $0["kind"] as? String == "commented" }
    }

    @Test func editReplacesTheTextAndKeepsTheEarlierVersion() throws {
        let id = try boardWithComment()
        let edited = try lanes.run(["comment", "1", "--edit", id, "first"])
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout == "#1 edited a comment\n")
        let comment = try commentEntries()[0]
        #expect(comment["text"] as? String == "first")
        #expect(comment["edited"] as? Bool == true)
        let versions = comment["versions"] as! [[String: Any]]
        #expect(versions.map { $0["text"] as? String } == ["frist"])
        #expect(versions[0]["id"] as? String == id)
        let text = try lanes.run(["show", "1"]).stdout
        #expect(text.contains("commented (edited)"))
        #expect(text.contains("      first\n") && !text.contains("frist"))
    }

    @Test func editReadsStdinWithADash() throws {
        let id = try boardWithComment()
        #expect(try lanes.run(["comment", "1", "--edit", id, "-"], stdin: "from stdin\n").status == 0)
        #expect(try commentEntries()[0]["text"] as? String == "from stdin")
    }

    @Test func deleteHidesTheTextAndSaysSo() throws {
        let id = try boardWithComment()
        let deleted = try lanes.run(["comment", "1", "--delete", id])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stdout == "#1 deleted a comment\n")
        let comment = try commentEntries()[0]
        #expect(comment["deleted"] as? Bool == true)
        #expect(comment["text"] as? String == "")
        let again = try lanes.run(["comment", "1", "--delete", id])
        #expect(again.status == 1)
        #expect(again.stderr == "lanes: comment \(id) on #1 is already deleted\n")
    }

    @Test func onlyTheAuthorMayEditOrDelete() throws {
        let id = try boardWithComment()
        var bob = lanes
        bob.user = "bob"
        for arguments in [["comment", "1", "--edit", id, "mine now"], ["comment", "1", "--delete", id]] {
            let refused = try bob.run(arguments)
            #expect(refused.status == 1)
            #expect(refused.stderr.hasPrefix("lanes: only ann can "), "\(refused.stderr)")
            #expect(refused.stderr.filter { $0 == "\n" }.count == 1)
        }
        #expect(try commentEntries()[0]["text"] as? String == "frist")
    }

    @Test func badIDsAndMixedOptionsAreRefused() throws {
        let id = try boardWithComment()
        let unknown = try lanes.run(["comment", "1", "--edit", "00000000000000ff", "x"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("lanes: no comment 00000000000000ff on #1"))
        #expect(try lanes.run(["comment", "1", "--edit", "zz", "x"]).status == 2)
        #expect(try lanes.run(["comment", "1", "--delete", id, "text"]).status == 2)
        #expect(try lanes.run(["comment", "1", "--edit", id, "   "]).status == 1)
    }

    /// An export keeps the comment as it reads now; edits and deletions are folded into it.
    @Test func exportAndImportKeepTheCurrentText() throws {
        let id = try boardWithComment()
        try lanes.run(["comment", "1", "gone"])
        let second = try commentEntries()[1]["id"] as! String
        try lanes.run(["comment", "1", "--edit", id, "first"])
        try lanes.run(["comment", "1", "--delete", second])
        let export = try lanes.run(["export"]).stdout
        try export.write(toFile: scratch.path + "/export.json", atomically: true, encoding: .utf8)
        let other = Scratch()
        let elsewhere = LanesProcess(home: other.path)
        #expect(try elsewhere.run(["init"]).status == 0)
        let imported = try elsewhere.run(["import", scratch.path + "/export.json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let issue = try json(elsewhere.run(["show", "1", "--format", "json"]).stdout) as! [String: Any]
        let comments = (issue["timeline"] as! [[String: Any]]).filter { $0["kind"] as? String == "commented" }
        #expect(comments.map { $0["text"] as? String } == ["first"])
    }
}
