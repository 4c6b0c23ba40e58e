import Foundation
import Testing

/// `lanes init --columns`, `lanes columns …` and `lanes import --map-status … --create-columns`,
/// run as a script would: output, exit codes, stderr, the log.
@Suite struct ColumnsCLITests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    func columns() throws -> [[String: Any]] {
        try json(lanes.run(["columns", "--format", "json"]).stdout) as! [[String: Any]]
    }

    func initTeamBoard(_ extra: [String] = []) throws {
        let result = try lanes.run(["init", "--columns", "Triage,In progress,Blocked,QA,Done"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func initTakesTheColumnsInOrderWithTheLastClosingUnlessNamed() throws {
        try initTeamBoard()
        let list = try columns()
        #expect(list.map { $0["id"] as! String } == ["triage", "in-progress", "blocked", "qa", "done"])
        #expect(list.map { $0["name"] as! String } == ["Triage", "In progress", "Blocked", "QA", "Done"])
        #expect(list.map { $0["closing"] as! Bool } == [false, false, false, false, true])
        #expect(list.allSatisfy { $0["wip"] is NSNull && $0["count"] as? Int == 0 })
        #expect(Set(list[0].keys) == ["id", "name", "closing", "wip", "count"])

        let other = scratch.path + "/desk"
        let desk = try lanes.run(["init", other, "--columns", "New,Waiting on customer,Done,Won't fix", "--closing", "Done", "--closing", "wont-fix"])
        #expect(desk.status == 0, "\(desk.stderr)")
        let deskColumns = try json(lanes.run(["columns", "--board", other, "--format", "json"]).stdout) as! [[String: Any]]
        #expect(deskColumns.map { $0["closing"] as! Bool } == [false, false, true, true])
        let bad = try lanes.run(["init", scratch.path + "/bad", "--columns", "A,B", "--closing", "C"])
        #expect(bad.status == 1 && bad.stderr == "lanes: no column \"C\"; columns are: a, b\n")
        let twice = try lanes.run(["init", scratch.path + "/twice", "--columns", "A,a"])
        #expect(twice.status == 1 && twice.stderr == "lanes: --columns names \"A\" twice\n")
    }

    @Test func theTableListsIdNameClosingWipAndOpenIssues() throws {
        try initTeamBoard()
        try lanes.run(["add", "one", "--column", "Blocked"])
        try lanes.run(["add", "two", "--column", "blocked"])
        #expect(try lanes.run(["columns", "wip", "blocked", "3"]).stdout == "set the WIP limit of Blocked to 3\n")
        #expect(try lanes.run(["columns"]).stdout == """
            ID           NAME         CLOSING  WIP  OPEN
            triage       Triage       -        -    0
            in-progress  In progress  -        -    0
            blocked      Blocked      -        3    2
            qa           QA           -        -    0
            done         Done         yes      -    0

            """)
    }

    @Test func addRenameMoveWipAndClosingTakeIdsOrNames() throws {
        try initTeamBoard()
        #expect(try lanes.run(["columns", "add", "Won't fix", "--closing", "--after", "Done"]).stdout
                == "added column Won't fix after Done (closing)\n")
        #expect(try lanes.run(["columns", "add", "Review", "--id", "rev", "--before", "qa", "--wip", "4"]).status == 0)
        #expect(try lanes.run(["columns", "add", "Inbox", "--first"]).status == 0)
        #expect(try lanes.run(["columns", "rename", "In progress", "Doing"]).stdout == "renamed column in-progress to Doing\n")
        #expect(try lanes.run(["columns", "move", "QA", "--after", "triage"]).stdout == "moved column QA after Triage\n")
        #expect(try lanes.run(["columns", "move", "inbox", "--last"]).status == 0)
        #expect(try lanes.run(["columns", "wip", "Doing", "2"]).status == 0)
        #expect(try lanes.run(["columns", "wip", "rev", "none"]).status == 0)
        #expect(try lanes.run(["columns", "closing", "Blocked", "on"]).stdout == "made Blocked a closing column\n")
        #expect(try lanes.run(["columns", "closing", "blocked", "off"]).status == 0)
        #expect(try lanes.run(["columns", "wip", "Doing", "2"]).stdout == "nothing to change\n")
        let list = try columns()
        #expect(list.map { $0["id"] as! String } == ["triage", "qa", "in-progress", "blocked", "rev", "done", "wont-fix", "inbox"])
        #expect(list[2]["name"] as? String == "Doing" && list[2]["wip"] as? Int == 2)
        #expect(list[4]["wip"] is NSNull)
        #expect(list.map { $0["closing"] as! Bool } == [false, false, false, false, false, true, true, false])
        // A column named anywhere: queries and moves take the new name.
        try lanes.run(["add", "x", "--column", "Doing"])
        #expect(try lanes.run(["list", "column:doing", "--format", "json"]).stdout.contains("\"column\":\"in-progress\""))
        #expect(try lanes.run(["check"]).status == 0)
    }

    @Test func removeIsRefusedWhileItHoldsIssuesAndMovesThemWithTo() throws {
        try initTeamBoard()
        try lanes.run(["add", "one", "--column", "blocked"])
        try lanes.run(["add", "two", "--column", "blocked"])
        let refused = try lanes.run(["columns", "remove", "Blocked"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "lanes: Blocked holds 2 issues; move them with --to COLUMN (lanes columns remove blocked --to COLUMN)\n")
        let removed = try lanes.run(["columns", "remove", "blocked", "--to", "In progress"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout == "#1 moved blocked → In progress\n#2 moved blocked → In progress\nremoved column blocked, its issues to In progress\n")
        let issue = try json(lanes.run(["show", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(issue["column"] as? String == "in-progress")
        #expect((issue["timeline"] as! [[String: Any]]).last?["kind"] as? String == "moved")
        #expect(try columns().map { $0["id"] as! String } == ["triage", "in-progress", "qa", "done"])
        #expect(try lanes.run(["columns", "remove", "qa"]).status == 0, "an empty column goes without --to")
        #expect(try lanes.run(["check"]).status == 0)
        #expect(try lanes.run(["export"]).stdout.contains("\"wip\":null"))
    }

    @Test(arguments: [
        (["columns", "rename", "nope", "X"], Int32(1), "lanes: no column \"nope\"; columns are: triage, in-progress, blocked, qa, done\n"),
        (["columns", "add", "qa"], 1, "lanes: a column \"QA\" (id qa) exists already\n"),
        (["columns", "add", "Dash", "--id", "-"], 1, "lanes: a column id is one word without spaces or colons, not \"-\"\n"),
        (["columns", "wip", "qa", "lots"], 1, "lanes: a WIP limit must be a whole number from 0 to 99999, not \"lots\"\n"),
        (["columns", "wip", "qa", "100000"], 1, "lanes: a WIP limit must be a whole number from 0 to 99999, not \"100000\"\n"),
        (["columns", "closing", "qa", "maybe"], 1, "lanes: closing takes on or off, not \"maybe\"\n"),
        (["columns", "move", "qa", "--after", "qa"], 1, "lanes: a column cannot be placed next to itself\n"),
        (["columns", "remove", "qa", "--to", "qa"], 1, "lanes: cannot move QA's issues into itself\n"),
    ])
    func badInputIsOneLineAndChangesNothing(_ arguments: [String], _ status: Int32, _ stderr: String) throws {
        try initTeamBoard()
        let before = scratch.contents(".lanes/events")
        let result = try lanes.run(arguments)
        #expect(result.status == status)
        #expect(result.stderr == stderr)
        #expect(scratch.contents(".lanes/events") == before)
    }

    @Test func usageErrorsExitTwo() throws {
        try initTeamBoard()
        let noPlace = try lanes.run(["columns", "move", "qa"])
        #expect(noPlace.status == 2 && noPlace.stderr.contains("--after COLUMN, --before COLUMN, --first or --last"))
        let two = try lanes.run(["columns", "move", "qa", "--first", "--last"])
        #expect(two.status == 2 && two.stderr.contains("give only one of --after, --before, --first, --last"))
    }

    @Test func importNamingAMissingColumnImportsNothingUnlessAskedToCreateIt() throws {
        try initTeamBoard()
        let file = ImportTests.fixtures + "/jira.csv"
        let refused = try lanes.run(["import", file, "--map-status", "In QA=Testing", "--map-status", "In Progress=in-progress"])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasSuffix("lanes: no column for status \"In QA\" (→ Testing); add --create-columns or lanes columns add; nothing was imported\n"),
                "\(refused.stderr)")
        let board = try json(lanes.run(["export"]).stdout) as! [String: Any]
        #expect((board["issues"] as! [Any]).isEmpty)

        let created = try lanes.run(["import", file, "--map-status", "In QA=Testing", "--create-columns"])
        #expect(created.stdout.hasPrefix("created column Testing\nimported "), "\(created.stdout)\(created.stderr)")
        #expect(try columns().map { $0["id"] as! String } == ["triage", "in-progress", "blocked", "qa", "testing", "done"])
        #expect(try lanes.run(["list", "column:Testing", "--format", "json"]).stdout.contains("Add dark theme"))
        #expect(try lanes.run(["check"]).status == 0)
    }
}
