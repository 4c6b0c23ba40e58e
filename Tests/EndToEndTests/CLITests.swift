import Foundation
import Testing

@Suite struct CLITests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    func initBoard() throws {
        let result = try lanes.run(["init"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func initCreatesTheBoardAndRefusesTwice() throws {
        try initBoard()
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/.lanes/events"))
        let again = try lanes.run(["init"])
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("lanes: a board already exists"))
    }

    @Test func initWithBoardCreatesTheBoardThereNotInTheCurrentDirectory() throws {
        let made = try lanes.run(["init", "--board", "team"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/team/.lanes/events"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/.lanes"))
        let both = try lanes.run(["init", "one", "--board", "two"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("not both"))
    }

    @Test func addPrintsTheNumberAndSetsEveryField() throws {
        try initBoard()
        #expect(try lanes.run(["add", "First"]).stdout == "#1\n")
        let result = try lanes.run(["add", "Second", "--body", "two\nlines", "--label", "bug", "--label", "ui",
                                    "--assign", "me", "--assign", "bob", "--priority", "high", "--column", "In progress"])
        #expect(result.stdout == "#2\n")
        let issue = try json(lanes.run(["show", "2", "--format", "json"]).stdout) as! [String: Any]
        #expect(issue["title"] as? String == "Second")
        #expect(issue["body"] as? String == "two\nlines")
        #expect(issue["labels"] as? [String] == ["bug", "ui"])
        #expect(issue["assignees"] as? [String] == ["ann", "bob"])
        #expect(issue["priority"] as? String == "high")
        #expect(issue["column"] as? String == "doing")
        #expect(issue["state"] as? String == "open")
        #expect(issue["author"] as? String == "ann")
        #expect(issue["id"] as? Int == 2)
        for key in ["created", "updated"] { #expect((issue[key] as? String)?.hasSuffix("Z") == true) }
        let timeline = issue["timeline"] as! [[String: Any]]
        #expect(timeline.map { $0["kind"] as! String } == ["created", "labelled", "labelled", "assigned", "assigned"])
        #expect(timeline.allSatisfy { $0["actor"] as? String == "ann" && $0["id"] != nil && $0["at"] != nil })
    }

    /// `@bob` is bob, names match whatever their case, and a new name is noted on stderr.
    @Test func userNamesIgnoreALeadingAtAndCase() throws {
        try initBoard()
        try lanes.run(["add", "Thing", "--assign", "Bob"])
        let same = try lanes.run(["assign", "1", "@bob", "@ME"])
        #expect(same.status == 0 && same.stderr.isEmpty, "\(same.stderr)")
        let new = try lanes.run(["assign", "1", "@zed"])
        #expect(new.status == 0)
        #expect(new.stderr == "lanes: note: nobody on this board was called zed before; assigned anyway\n")
        let issue = try json(lanes.run(["show", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(issue["assignees"] as? [String] == ["Bob", "ann", "zed"])
    }

    @Test func everyChangeSubcommandWritesItsEvent() throws {
        try initBoard()
        try lanes.run(["add", "Thing", "--column", "todo"])
        #expect(try lanes.run(["move", "1", "doing"]).stdout == "#1 moved To do → In progress\n")
        #expect(try lanes.run(["assign", "#1", "me", "cy"]).status == 0)
        #expect(try lanes.run(["assign", "1", "cy", "--remove"]).stdout == "#1 unassigned cy\n")
        #expect(try lanes.run(["label", "1", "+bug", "ui", "-nothing"]).status == 0)
        #expect(try lanes.run(["label", "1", "-ui"]).stdout == "#1 removed label ui\n")
        #expect(try lanes.run(["priority", "1", "urgent"]).status == 0)
        #expect(try lanes.run(["edit", "1", "--title", "Renamed", "--body", "Body"]).status == 0)
        #expect(try lanes.run(["comment", "1", "inline comment"]).status == 0)
        #expect(try lanes.run(["comment", "1", "-"], stdin: "from\nstdin\n").status == 0)
        #expect(try lanes.run(["close", "1"]).stdout == "#1 closed (In progress → Done)\n")
        #expect(try lanes.run(["reopen", "1"]).stdout == "#1 reopened (Done → In progress)\n")
        #expect(try lanes.run(["assign", "1", "cy"]).status == 0)
        #expect(try lanes.run(["assign", "1", "cy"]).stdout == "nothing to change\n")

        let issue = try json(lanes.run(["show", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(issue["title"] as? String == "Renamed")
        #expect(issue["body"] as? String == "Body")
        #expect(issue["assignees"] as? [String] == ["ann", "cy"])
        #expect(issue["labels"] as? [String] == ["bug"])
        #expect(issue["priority"] as? String == "urgent")
        #expect(issue["column"] as? String == "doing")
        let kinds = (issue["timeline"] as! [[String: Any]]).map { $0["kind"] as! String }
        #expect(kinds == ["created", "moved", "assigned", "assigned", "unassigned", "labelled", "labelled", "unlabelled",
                          "prioritised", "retitled", "body-edited", "commented", "commented", "closed", "reopened", "assigned"])
        let comments = (issue["timeline"] as! [[String: Any]]).compactMap { $0["text"] as? String }
        #expect(comments == ["inline comment", "from\nstdin"])
        let text = try lanes.run(["show", "1"]).stdout
        #expect(text.contains("#1 Renamed") && text.contains("moved To do → In progress") && text.contains("from"))
    }

    @Test func userErrorsExitOneWithOneLine() throws {
        try initBoard()
        try lanes.run(["add", "Thing"])
        let cases: [([String], String)] = [
            (["show", "99"], "lanes: no issue #99 on this board\n"),
            (["move", "1", "doign"], "lanes: no column \"doign\"; columns are: backlog, todo, doing, review, done\n"),
            (["priority", "1", "huge"], "lanes: no priority \"huge\"; priorities are: urgent, high, medium, low, none\n"),
            (["add", "  "], "lanes: an issue needs a title\n"),
            (["comment", "1", "   "], "lanes: a comment needs some text\n"),
        ]
        for (arguments, message) in cases {
            let result = try lanes.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr == message)
            #expect(result.stdout.isEmpty)
        }
        let query = try lanes.run(["list", "colour:red"])
        #expect(query.status == 1 && query.stderr.hasPrefix("lanes: unknown search term \"colour:\""))
        let column = try lanes.run(["list", "column:nope"])
        #expect(column.status == 1 && column.stderr.contains("no column \"nope\""))
    }

    @Test func usageErrorsExitTwo() throws {
        try initBoard()
        for arguments in [["move"], ["show", "abc"], ["list", "--format", "xml"], ["frobnicate"], ["assign", "1"]] {
            let result = try lanes.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("lanes: "))
        }
    }

    @Test func helpEverywhere() throws {
        for command in ["", "init", "add", "list", "show", "move", "assign", "label", "priority", "edit", "comment",
                        "close", "reopen", "check", "export"] {
            let result = try lanes.run(command.isEmpty ? ["--help"] : [command, "--help"])
            #expect(result.status == 0, "\(command)")
            #expect(result.stdout.contains("USAGE"), "\(command)")
        }
    }

    @Test func listFormatsAndQueries() throws {
        try initBoard()
        try lanes.run(["add", "Login fails", "--label", "bug", "--assign", "me", "--priority", "high"])
        try lanes.run(["add", "日本語のタイトル, with \"quotes\"", "--column", "doing"])
        try lanes.run(["add", "Old", "--column", "done"])
        let table = try lanes.run(["list", "is:open"]).stdout.split(separator: "\n")
        #expect(table.count == 3)
        #expect(table[0].hasPrefix("ID  TITLE"))
        let all = try json(lanes.run(["list", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(all.map { $0["id"] as! Int } == [1, 2, 3])
        let mine = try json(lanes.run(["list", "assignee:me", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(mine.map { $0["id"] as! Int } == [1])
        let closed = try json(lanes.run(["list", "is:closed", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(closed.map { $0["state"] as! String } == ["closed"])
        let csv = try lanes.run(["list", "--format", "csv", "sort:id-desc"]).stdout
        let rows = csv.components(separatedBy: "\r\n")
        #expect(rows[0] == "id,title,body,column,state,assignees,labels,priority,author,created,updated")
        #expect(rows[1].hasPrefix("3,Old,"))
        #expect(rows[2].hasPrefix("2,\"日本語のタイトル, with \"\"quotes\"\"\","))
    }

    @Test func exportWritesColumnsIssuesAndTimelines() throws {
        try initBoard()
        try lanes.run(["add", "One"])
        try lanes.run(["comment", "1", "hi"])
        let board = try json(lanes.run(["export"]).stdout) as! [String: Any]
        #expect((board["columns"] as! [[String: Any]]).map { $0["id"] as! String } == ["backlog", "todo", "doing", "review", "done"])
        let issues = board["issues"] as! [[String: Any]]
        #expect(issues.count == 1 && (issues[0]["timeline"] as! [Any]).count == 2)
        let csv = try lanes.run(["export", "--format", "csv"]).stdout
        #expect(csv.hasPrefix("id,title"))
    }

    @Test func checkReportsBadLinesAndExitsOne() throws {
        try initBoard()
        try lanes.run(["add", "One"])
        #expect(try lanes.run(["check"]).status == 0)
        let handle = FileHandle(forWritingAtPath: scratch.path + "/.lanes/events")!
        handle.seekToEndOfFile()
        handle.write(Data("not an event\n".utf8))
        try handle.close()
        let result = try lanes.run(["check"])
        #expect(result.status == 1)
        #expect(result.stdout == scratch.path + "/.lanes/events:4: expected at least 5 tab-separated fields, found 1\n")
        #expect(try lanes.run(["list"]).status == 0, "a bad line does not stop the board from opening")
    }

    @Test func boardSelection() throws {
        // No board anywhere: the personal board is created on first use.
        let personal = try lanes.run(["add", "Personal"])
        #expect(personal.status == 0)
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/data/lanes/.lanes/events"))
        // A project board is found from a subdirectory.
        try FileManager.default.createDirectory(atPath: scratch.path + "/proj/src/deep", withIntermediateDirectories: true)
        #expect(try lanes.run(["init", "proj"]).status == 0)
        try lanes.run(["add", "Project"], in: scratch.path + "/proj/src/deep")
        let list = try json(lanes.run(["list", "--format", "json", "--board", scratch.path + "/proj"]).stdout) as! [[String: Any]]
        #expect(list.map { $0["title"] as! String } == ["Project"])
        let env = try lanes.run(["list", "--format", "json"], extraEnvironment: ["LANES_BOARD": scratch.path + "/proj"])
        #expect((try json(env.stdout) as! [Any]).count == 1)
        let missing = try lanes.run(["list", "--board", scratch.path + "/nope"])
        #expect(missing.status == 1 && missing.stderr.contains("lanes init"))
    }

    @Test func actorComesFromAsThenEnvironment() throws {
        try initBoard()
        try lanes.run(["add", "One", "--as", "zed"])
        var other = lanes
        other.user = "yan"
        try other.run(["comment", "1", "hi"])
        let timeline = (try json(lanes.run(["show", "1", "--format", "json"]).stdout) as! [String: Any])["timeline"] as! [[String: Any]]
        #expect(timeline.map { $0["actor"] as! String } == ["zed", "yan"])
    }

    @Test func hostileTextNeverReachesTheTerminalRaw() throws {
        try initBoard()
        let evil = "pwn \u{1B}]0;title\u{07} \u{1B}[2J \u{9B}31m \u{202E}rtl"
        try lanes.run(["add", evil, "--body", evil, "--label", evil, "--assign", evil])
        try lanes.run(["comment", "1", evil])
        for arguments in [["list"], ["list", "--format", "json"], ["list", "--format", "csv"], ["show", "1"],
                          ["show", "1", "--format", "json"], ["export"], ["export", "--format", "csv"]] {
            let output = try lanes.run(arguments).stdout
            let bad = output.unicodeScalars.filter {
                ($0.value < 0x20 && $0 != "\n" && $0 != "\r") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
            }
            #expect(bad.isEmpty, "\(arguments) printed \(bad.map(\.value))")
        }
        let error = try lanes.run(["move", "1", evil])
        #expect(!error.stderr.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test func concurrentProcessesNeverInterleaveOrCollide() async throws {
        try initBoard()
        let home = scratch.path
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    var lanes = LanesProcess(home: home)
                    lanes.user = "w\(writer)"
                    for n in 0..<10 { _ = try? lanes.run(["add", "writer \(writer) issue \(n)"]) }
                }
            }
        }
        let list = try json(lanes.run(["list", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(list.count == 40)
        #expect(Set(list.map { $0["id"] as! Int }) == Set(1...40))
        #expect(try lanes.run(["check"]).status == 0)
    }
}

extension CLITests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsNameTheSubcommands(_ shell: String) throws {
        let result = try lanes.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        for subcommand in ["add", "list", "move", "sync", "demo"] {
            #expect(result.stdout.contains(subcommand), "\(shell) completion offers \(subcommand)")
        }
    }
}

/// Numbers, help and wording a person meets first.
extension CLITests {
    @Test func aHugeAgeIsAOneLineErrorNotACrash() throws {
        try initBoard()
        let result = try lanes.run(["list", "updated:<9999999999999y"])
        #expect(result.status == 1)
        #expect(result.stderr == "lanes: the age in \"updated:<9999999999999y\" must be a whole number from 0 to 10000, not \"9999999999999\"\n")
    }

    @Test func checkReportsRCFileProblemsWithTheirLines() throws {
        try initBoard()
        try "set stale-after 9223372036854775807d\nset wip nocolumn 5\nset wip \"In progress\" 5\nview bad is:nothing\n"
            .write(toFile: scratch.path + "/.lanes/lanesrc", atomically: true, encoding: .utf8)
        let result = try lanes.run(["check"])
        #expect(result.status == 1)
        let rc = scratch.path + "/.lanes/lanesrc"
        #expect(result.stdout.components(separatedBy: "\n").filter { !$0.isEmpty } == [
            rc + ":1: stale-after (days) must be a whole number from 1 to 36500, not \"9223372036854775807\"",
            rc + ":2: no column \"nocolumn\"; columns are: backlog, todo, doing, review, done",
            rc + ":4: view bad: unknown \"is:nothing\"; use is:open, is:closed, is:stale, is:untriaged, is:archived, is:overdue, is:snoozed, is:resurfaced, is:attention, is:blocked or is:parent",
        ])
        let board = try lanes.run(["--keys", "", "--dump", "--size", "60x12"])
        #expect(board.status == 0 && board.stdout.contains("3 problems in lanesrc; see :messages"), "the board opens and says so")
    }

    @Test func versionHelpAndPlurals() throws {
        let version = try lanes.run(["--version"])
        #expect(version.status == 0 && version.stdout == "0.1.0\n")
        let help = try lanes.run(["list", "--help"]).stdout
        for word in ["is:open", "is:closed", "is:stale", "is:untriaged", "assignee:", "label:", "column:", "priority:", "author:",
                     "created:", "updated:", "sort:", "free text", "is:blocked", "is:parent", "has:duplicates", "blocks:", "blocked-by:", "parent:", "duplicates"] {
            #expect(help.contains(word), "lanes list --help names \(word)")
        }
        try initBoard()
        try lanes.run(["add", "One"])
        #expect(try lanes.run(["check"]).stdout == "ok: 2 events, 1 issue\n", "init writes the columns, add the issue")
    }
}
