import Foundation
import Testing

/// `lanes archive`, `unarchive`, `delete`, `restore` as scripts use them, and through `lanes sync`.
@Suite struct LifecycleCLITests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    func boardWithThreeIssues() throws {
        #expect(try lanes.run(["init"]).status == 0)
        for title in ["one", "two", "three"] { try lanes.run(["add", title]) }
    }

    func listed(_ query: String...) throws -> [Int] {
        (try json(lanes.run(["list", "--format", "json"] + query).stdout) as! [[String: Any]]).map { $0["id"] as! Int }
    }

    @Test func archiveAndUnarchiveSeveralIssues() throws {
        try boardWithThreeIssues()
        let archive = try lanes.run(["archive", "1", "#2"])
        #expect(archive.status == 0 && archive.stdout == "archived 2 issues\n", "\(archive.stderr)")
        #expect(try listed() == [3])
        #expect(try listed("is:archived") == [1, 2])
        #expect(try lanes.run(["archive", "1"]).stdout == "1 was already archived\n")
        let shown = try json(lanes.run(["show", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(shown["archived"] as? Bool == true && shown["deleted"] as? Bool == false)
        #expect((shown["timeline"] as! [[String: Any]]).map { $0["kind"] as! String } == ["created", "archived"])
        #expect(try lanes.run(["unarchive", "2"]).stdout == "#2 unarchived\n")
        #expect(try listed() == [2, 3])
    }

    @Test func deleteWithYesHidesTheIssueEverywhereAndRestoreBringsItBack() throws {
        try boardWithThreeIssues()
        let delete = try lanes.run(["delete", "--yes", "2"])
        #expect(delete.status == 0 && delete.stdout == "#2 deleted\n", "\(delete.stderr)")
        #expect(try listed() == [1, 3])
        #expect(try listed("two") == [] && listed("is:archived") == [])
        let show = try lanes.run(["show", "2"])
        #expect(show.status == 1)
        #expect(show.stderr == "lanes: #2 is deleted (lanes restore 2, or :restore 2 in the board, brings it back)\n")
        #expect(try lanes.run(["comment", "2", "hello"]).status == 1)
        let export = (try json(lanes.run(["export"]).stdout) as! [String: Any])["issues"] as! [[String: Any]]
        #expect(export.map { $0["id"] as! Int } == [1, 3])
        let full = (try json(lanes.run(["export", "--include-deleted"]).stdout) as! [String: Any])["issues"] as! [[String: Any]]
        #expect(full.map { $0["id"] as! Int } == [1, 2, 3] && full[1]["deleted"] as? Bool == true)
        #expect(try !lanes.run(["export", "--format", "csv"]).stdout.contains("two"))
        #expect(try lanes.run(["restore", "2"]).stdout == "#2 restored\n")
        #expect(try listed() == [1, 2, 3])
        #expect(try lanes.run(["check"]).status == 0)
    }

    /// `lanes columns` counts a column's open issues as the board and `lanes list` show them:
    /// archived and deleted ones are not among them (they were: 3 open in Backlog here).
    @Test func columnCountsLeaveOutArchivedAndDeletedIssues() throws {
        try boardWithThreeIssues()
        #expect(try lanes.run(["archive", "1"]).status == 0 && lanes.run(["delete", "--yes", "2"]).status == 0)
        let columns = try json(lanes.run(["columns", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(columns.map { $0["count"] as! Int } == [1, 0, 0, 0, 0])
        #expect(try lanes.run(["columns"]).stdout.split(separator: "\n")[1].hasSuffix(" 1"))
        #expect(try lanes.run(["restore", "2"]).status == 0)
        let restored = try json(lanes.run(["columns", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(restored.map { $0["count"] as! Int } == [2, 0, 0, 0, 0])
    }

    /// Without a terminal, delete never guesses: it wants --yes, and says so in one line.
    @Test func deleteWithoutATerminalOrYesRefuses() throws {
        try boardWithThreeIssues()
        let refused = try lanes.run(["delete", "1"], stdin: "y\n")
        #expect(refused.status == 2)
        #expect(refused.stderr == "lanes: delete asks for confirmation on a terminal; add --yes to delete without asking\n")
        #expect(try listed() == [1, 2, 3])
    }

    @Test func errorsNameTheIssue() throws {
        try boardWithThreeIssues()
        let missing = try lanes.run(["archive", "1", "9"])
        #expect(missing.status == 1 && missing.stderr == "lanes: no issue #9 on this board\n")
        #expect(try listed() == [1, 2, 3], "nothing archived when one number is wrong")
        #expect(try lanes.run(["restore"]).status == 2, "a number is required")
        #expect(try lanes.run(["delete", "--yes", "9"]).status == 1)
        try lanes.run(["delete", "-y", "1"])
        #expect(try lanes.run(["archive", "1"]).stderr.contains("#1 is deleted"))
    }
}

/// Archive and delete merge through `lanes sync` like any other event.
extension GitSyncTests {
    @Test func archiveOnOneCloneAndDeleteOnTheOtherBothApply() throws {
        let (_, a, b) = try setUp() // #1 "Shared issue" in both clones
        let ann = lanes(as: "ann"), bob = lanes(as: "bob")
        try ann.run(["archive", "1"], in: a)
        try bob.run(["comment", "1", "while ann archived it"], in: b)
        try bob.run(["add", "Bob's mistake"], in: b)
        try bob.run(["delete", "--yes", "2"], in: b)
        for (who, dir) in [(ann, a), (bob, b), (ann, a)] {
            let sync = try who.run(["sync"], in: dir)
            #expect(sync.status == 0, "\(sync.stderr)")
        }
        for (who, dir) in [(ann, a), (bob, b)] {
            let export = (try json(who.run(["export", "--include-deleted"], in: dir).stdout) as! [String: Any])["issues"] as! [[String: Any]]
            #expect(export.map { $0["archived"] as! Bool } == [true, false])
            #expect(export.map { $0["deleted"] as! Bool } == [false, true])
            #expect((export[0]["timeline"] as! [[String: Any]]).contains { $0["text"] as? String == "while ann archived it" })
            #expect(try who.run(["check"], in: dir).status == 0)
        }
        // A restore on one side reaches the other.
        try ann.run(["restore", "2"], in: a)
        #expect(try ann.run(["sync"], in: a).status == 0)
        #expect(try bob.run(["sync"], in: b).status == 0)
        #expect(try bob.run(["list", "--format", "json"], in: b).stdout.contains("Bob's mistake"))
    }
}
