import Foundation
import Testing

/// `lanes link` and `lanes unlink`, the link fields of JSON, and links through `lanes sync`.
@Suite struct LinkCLITests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    /// The `links` of `lanes show N --format json`, as "TYPE ISSUE" words.
    func links(_ number: Int) throws -> [String] {
        let issue = try json(lanes.run(["show", String(number), "--format", "json"]).stdout) as! [String: Any]
        return (issue["links"] as! [[String: Any]]).map { "\($0["type"] as! String) \($0["issue"] as! Int)" }
    }

    @Test func linkAndUnlinkEveryTypeWithItsRulesAndExitCodes() throws {
        #expect(try lanes.run(["init"]).status == 0)
        for title in ["release", "bug", "epic", "report", "idea"] { try lanes.run(["add", title]) }
        #expect(try lanes.run(["link", "2", "blocks", "1"]).stdout == "#2 linked: blocks #1\n")
        #expect(try lanes.run(["link", "1", "child-of", "3"]).stdout == "#3 linked: parent-of #1\n")
        #expect(try lanes.run(["link", "5", "relates-to", "2"]).status == 0)
        let duplicate = try lanes.run(["link", "4", "duplicates", "2"])
        #expect(duplicate.stdout.hasPrefix("#4 linked: duplicates #2\n#4 commented\n#4 closed"), "\(duplicate.stdout)")
        #expect(try links(1) == ["blocked-by 2", "child-of 3"])
        #expect(try links(2) == ["blocks 1", "relates-to 5", "duplicated-by 4"])
        let shown = try lanes.run(["show", "2"]).stdout
        #expect(shown.contains("links:     blocks #1, relates to #5, is duplicated by #4\nmentioned: in #4\n"), "\(shown)")
        #expect(try lanes.run(["list", "is:closed", "--format", "json"]).stdout.contains("\"links\":[{\"type\":\"duplicates\",\"issue\":2}]"))
        let export = try lanes.run(["export"]).stdout
        #expect(export.contains("\"kind\":\"linked\",\"type\":\"parent-of\",\"issue\":1"))
        #expect(try lanes.run(["list", "is:blocked"]).stdout.contains("#1  release"))

        let cycle = try lanes.run(["link", "1", "blocks", "2"])
        #expect(cycle.status == 1 && cycle.stderr == "lanes: #1 blocks #2 would make a cycle: #1 → #2 → #1\n")
        let missing = try lanes.run(["link", "1", "relates-to", "42"])
        #expect(missing.status == 1 && missing.stderr == "lanes: no issue #42 on this board\n")
        #expect(try lanes.run(["link", "1", "precedes", "2"]).status == 2)

        #expect(try lanes.run(["unlink", "1", "blocked-by", "2"]).stdout == "#2 unlinked: blocks #1\n")
        let notLinked = try lanes.run(["unlink", "1", "blocked-by", "2"])
        #expect(notLinked.status == 1 && notLinked.stderr == "lanes: #1 has no link \"blocked-by #2\"\n")
        #expect(try links(2) == ["relates-to 5", "duplicated-by 4"])
        #expect(try lanes.run(["check"]).status == 0)
    }
}

extension LinkCLITests {
    /// A link whose other issue is not on the board (written by hand, or its issue gone on
    /// another clone) is set aside, not shown, and `lanes check` says so.
    @Test func checkReportsALinkToAMissingIssue() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try lanes.run(["add", "one"])
        let events = scratch.path + "/.lanes/events"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: events))
        handle.seekToEndOfFile()
        handle.write(Data("00000000000000ab\t2026-11-29T10:00:00.000Z\tbob\t#1\tlinked\tblocks\t#9\n".utf8))
        try handle.close()
        let check = try lanes.run(["check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("events:4: links to #9, which does not exist; set aside"), "\(check.stdout)")
        #expect(try links(1).isEmpty)
    }

    /// `lanes export` then `lanes import` keeps links, with the numbers the issues get on the
    /// new board; a link to an issue not in the file is left out and counted.
    @Test func exportThenImportKeepsLinksUnderTheirNewNumbers() throws {
        #expect(try lanes.run(["init"]).status == 0)
        for title in ["one", "two", "three"] { try lanes.run(["add", title]) }
        try lanes.run(["link", "1", "blocks", "3"])
        try lanes.run(["link", "3", "child-of", "2"])
        try lanes.run(["link", "2", "relates-to", "1"])
        try lanes.run(["unlink", "2", "relates-to", "1"])
        let file = scratch.path + "/board.json"
        try lanes.run(["export"]).stdout.write(toFile: file, atomically: true, encoding: .utf8)

        let other = LanesProcess(home: scratch.path + "/other")
        try FileManager.default.createDirectory(atPath: other.home, withIntermediateDirectories: true)
        #expect(try other.run(["init"]).status == 0)
        try other.run(["add", "already here"])
        let imported = try other.run(["import", file])
        #expect(imported.status == 0 && imported.stdout.hasPrefix("imported 3 issues"), "\(imported.stdout) \(imported.stderr)")
        let issues = (try json(other.run(["export"]).stdout) as! [String: Any])["issues"] as! [[String: Any]]
        func links(_ title: String) -> [String] {
            let issue = issues.first { $0["title"] as? String == title }!
            return (issue["links"] as! [[String: Any]]).map { link in
                let other = issues.first { $0["id"] as? Int == link["issue"] as? Int }!
                return "\(link["type"]!) \(other["title"]!)"
            }
        }
        #expect(links("one") == ["blocks three"])
        #expect(links("two") == ["parent-of three"])
        #expect(links("three") == ["blocked-by one", "child-of two"])
        #expect(try other.run(["check"]).status == 0)

        // Only #1 and #2 of the file: their links to #3 have nothing to point at.
        let board = try json(String(contentsOfFile: file, encoding: .utf8)) as! [String: Any]
        var partial = board
        partial["issues"] = (board["issues"] as! [[String: Any]]).filter { $0["id"] as? Int != 3 }
        let partialFile = scratch.path + "/partial.json"
        try JSONSerialization.data(withJSONObject: partial).write(to: URL(fileURLWithPath: partialFile))
        let third = LanesProcess(home: scratch.path + "/third")
        try FileManager.default.createDirectory(atPath: third.home, withIntermediateDirectories: true)
        #expect(try third.run(["init"]).status == 0)
        let result = try third.run(["import", partialFile])
        #expect(result.stdout.contains("imported 2 issues") && result.stdout.contains("2 links to issues not in the file left out"),
                "\(result.stdout) \(result.stderr)")
    }
}

/// Links made on two clones meet through `lanes sync`.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is not installed"))
struct LinkSyncTests {
    let scratch = Scratch()

    func run(_ arguments: [String], in directory: String, as user: String = "ann") throws -> LanesProcess.Result {
        var process = LanesProcess(home: scratch.path)
        process.user = user
        return try process.run(arguments, in: directory)
    }

    func git(_ arguments: [String], in directory: String) throws -> LanesProcess.Result {
        try LanesProcess(home: scratch.path).run(["/usr/bin/git"] + arguments, in: directory, direct: true)
    }

    /// Ann links to her offline #3, which the merge renumbers (Bob's #3 was there first); Bob
    /// closes half of a cycle Ann closes the other half of. Both clones end identical, the link
    /// follows Ann's issue, and `lanes check` names the cycle.
    @Test func linksMergeFollowRenumberedIssuesAndCheckNamesACycle() throws {
        let remote = scratch.path + "/remote.git"
        #expect(try git(["init", "-q", "--bare", remote], in: scratch.path).status == 0)
        let a = scratch.path + "/one/repo", b = scratch.path + "/two/repo"
        try FileManager.default.createDirectory(atPath: scratch.path + "/one", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: scratch.path + "/two", withIntermediateDirectories: true)
        #expect(try git(["clone", "-q", remote, a], in: scratch.path).status == 0)
        #expect(try run(["init"], in: a).status == 0)
        try run(["add", "one"], in: a)
        try run(["add", "two"], in: a)
        #expect(try run(["sync"], in: a).status == 0)
        #expect(try git(["clone", "-q", remote, b], in: scratch.path).status == 0)

        #expect(try run(["add", "Bob's three"], in: b, as: "bob").stdout == "#3\n")
        #expect(try run(["link", "1", "blocks", "2"], in: b, as: "bob").status == 0)
        #expect(try run(["sync"], in: b, as: "bob").status == 0)
        #expect(try run(["add", "Ann's three"], in: a).stdout == "#3\n")
        #expect(try run(["link", "3", "parent-of", "1"], in: a).status == 0)
        #expect(try run(["link", "2", "blocks", "1"], in: a).status == 0)
        let sync = try run(["sync"], in: a)
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(sync.stderr.contains("your #3 \"Ann's three\" is now #4"), "\(sync.stderr)")
        #expect(try run(["sync"], in: b, as: "bob").status == 0)

        let exportA = try run(["export"], in: a).stdout, exportB = try run(["export"], in: b, as: "bob").stdout
        #expect(exportA == exportB, "both clones identical")
        let issues = (try json(exportA) as! [String: Any])["issues"] as! [[String: Any]]
        func links(_ number: Int) -> [String] {
            let issue = issues.first { $0["id"] as? Int == number }!
            return (issue["links"] as! [[String: Any]]).map { "\($0["type"]!) \($0["issue"]!)" }
        }
        #expect(issues.first { $0["id"] as? Int == 4 }?["title"] as? String == "Ann's three")
        #expect(links(4) == ["parent-of 1"], "the link followed Ann's issue to its new number")
        #expect(links(3).isEmpty, "Bob's #3 was never linked")
        let check = try run(["check"], in: a)
        #expect(check.status == 1)
        #expect(check.stdout.contains("links form a cycle: #1 blocks #2 blocks #1"), "\(check.stdout)")
        #expect(try run(["unlink", "2", "blocks", "1"], in: a).status == 0)
        #expect(try run(["check"], in: a).status == 0)
    }
}
