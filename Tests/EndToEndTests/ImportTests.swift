import Foundation
import Testing

/// `lanes import` of real-shaped exports (Tests/Fixtures/), and export → import round trips.
@Suite struct ImportTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    func issues() throws -> [Int: [String: Any]] {
        let board = try json(lanes.run(["export"]).stdout) as! [String: Any]
        return Dictionary(uniqueKeysWithValues: (board["issues"] as! [[String: Any]]).map { ($0["id"] as! Int, $0) })
    }

    func timeline(_ issue: [String: Any]) -> [[String: Any]] { issue["timeline"] as! [[String: Any]] }

    @Test func githubCLIJSONWithCommentsAndIdempotentReimport() throws {
        #expect(try lanes.run(["init"]).status == 0)
        let first = try lanes.run(["import", ImportTests.fixtures + "/github-gh.json"])
        #expect(first.status == 1, "a bad item fails the import: scripts must notice")
        #expect(first.stdout.hasPrefix("imported 2 issues"))
        #expect(first.stderr.contains("item 3: no number or title"), "a bad item is reported; the rest imports")
        #expect(first.stderr.contains("lanes: 1 row of ") && first.stderr.contains("could not be imported"))
        let board = try issues()
        let login = board[12]!
        #expect(login["title"] as? String == "Login fails on Safari")
        #expect(login["labels"] as? [String] == ["bug", "safari"])
        #expect(login["assignees"] as? [String] == ["octocat"])
        #expect(login["author"] as? String == "hubot")
        #expect(login["created"] as? String == "2026-01-05T09:00:00.000Z")
        #expect(login["state"] as? String == "open" && login["column"] as? String == "backlog")
        let comments = timeline(login).filter { $0["kind"] as? String == "commented" }
        #expect(comments.map { $0["actor"] as! String } == ["octocat", "hubot"])
        #expect(comments.map { $0["at"] as! String } == ["2026-01-06T11:30:00.000Z", "2026-01-07T10:00:00.000Z"])
        #expect(comments.first?["text"] as? String == "I can reproduce this.")
        let closed = board[3]!
        #expect(closed["state"] as? String == "closed" && closed["column"] as? String == "done")
        let again = try lanes.run(["import", ImportTests.fixtures + "/github-gh.json"])
        #expect(again.stdout.contains("imported 0 issues") && again.stdout.contains("skipped 2"))
        #expect(try issues().count == 2)
    }

    /// A `createdAt` of 9999-12-31 would win every later edit of the issue: the file is refused.
    @Test func anIssueDatedFarInTheFutureIsRefused() throws {
        #expect(try lanes.run(["init"]).status == 0)
        let file = scratch.path + "/future.json"
        try #"[{"number": 5, "title": "From the future", "body": "", "state": "OPEN", "labels": [], "assignees": [], "author": {"login": "x"}, "createdAt": "9999-12-31T23:59:59.999Z", "comments": []}]"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try lanes.run(["import", file, "--from", "github"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("dated 9999-12-31T23:59:59.999Z, more than a day after this machine's clock; nothing was imported"), "\(result.stderr)")
        #expect(try issues().isEmpty)
    }

    @Test func githubRESTSkipsPullRequestsAndDryRunChangesNothing() throws {
        #expect(try lanes.run(["init"]).status == 0)
        let dry = try lanes.run(["import", ImportTests.fixtures + "/github-rest.json", "--dry-run"])
        #expect(dry.stdout.hasPrefix("would import 1 issue from"))
        #expect(try issues().isEmpty)
        #expect(try lanes.run(["import", "--from", "github", ImportTests.fixtures + "/github-rest.json"]).status == 0)
        let rest = try issues()[7]!
        #expect(rest["author"] as? String == "alice" && rest["assignees"] as? [String] == ["bob"])
        #expect(rest["labels"] as? [String] == ["enhancement"])
    }

    @Test func jiraCSVMapsStatusesPrioritiesLabelsAndComments() throws {
        #expect(try lanes.run(["init"]).status == 0)
        let result = try lanes.run(["import", ImportTests.fixtures + "/jira.csv", "--map-status", "In QA=review"])
        #expect(result.status == 1 && result.stderr.contains("lanes: 1 row of "))
        #expect(result.stderr.contains("line 6 (WEB-103): bad Created date"))
        let board = try issues().values.sorted { ($0["id"] as! Int) < ($1["id"] as! Int) }
        #expect(board.count == 3)
        let checkout = board.first { $0["title"] as? String == "Checkout button does nothing, on mobile" }!
        #expect(checkout["column"] as? String == "doing")
        #expect(checkout["priority"] as? String == "high")
        #expect(checkout["labels"] as? [String] == ["mobile", "checkout"])
        #expect(checkout["assignees"] as? [String] == ["jdoe"] && checkout["author"] as? String == "asmith")
        #expect((checkout["body"] as? String)?.contains("Tap \"Pay\"") == true)
        let comments = timeline(checkout).filter { $0["kind"] as? String == "commented" }
        #expect(comments.map { $0["actor"] as! String } == ["jdoe", "asmith"])
        #expect(comments.first?["at"] as? String == "2026-01-06T10:00:00.000Z")
        #expect(board.first { $0["title"] as? String == "Add dark theme" }?["column"] as? String == "review")
        #expect(board.first { $0["title"] as? String == "Old cleanup" }?["state"] as? String == "closed")
        #expect(try lanes.run(["import", ImportTests.fixtures + "/jira.csv", "--map-status", "In QA=review"]).stdout.contains("skipped 3"))
    }

    @Test func taskwarriorExport() throws {
        #expect(try lanes.run(["init"]).status == 0)
        #expect(try lanes.run(["import", ImportTests.fixtures + "/taskwarrior.json"]).stdout.hasPrefix("imported 2 issues"))
        let board = try issues().values
        let passport = board.first { $0["title"] as? String == "Renew the passport" }!
        #expect(passport["priority"] as? String == "high")
        #expect(passport["labels"] as? [String] == ["home", "admin", "urgentish"])
        let note = timeline(passport).first { $0["kind"] as? String == "commented" }!
        #expect(note["text"] as? String == "Photos are ready" && note["at"] as? String == "2026-01-06T09:30:00.000Z")
        #expect(board.first { $0["title"] as? String == "File the taxes" }?["state"] as? String == "closed")
    }

    @Test func exportThenImportRoundTrips() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try lanes.run(["add", "One, with \"quotes\"", "--body", "two\nlines", "--label", "bug", "--assign", "me", "--priority", "urgent"])
        try lanes.run(["add", "日本語", "--column", "review", "--label", "i18n"])
        try lanes.run(["add", "Closed one"])
        try lanes.run(["close", "3"])
        try lanes.run(["comment", "1", "a comment"])
        try lanes.run(["move", "1", "doing"])
        let csv = try lanes.run(["export", "--format", "csv"]).stdout
        let file = scratch.path + "/board.csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let other = LanesProcess(home: scratch.path + "/other")
        try FileManager.default.createDirectory(atPath: other.home, withIntermediateDirectories: true)
        #expect(try other.run(["init"]).status == 0)
        #expect(try other.run(["import", file]).stdout.hasPrefix("imported 3 issues"))
        let fields = ["id", "title", "body", "column", "state", "assignees", "labels", "priority", "author", "created", "updated"]
        let original = (try json(lanes.run(["list", "--format", "json"]).stdout) as! [[String: Any]])
        let copy = (try json(other.run(["list", "--format", "json"]).stdout) as! [[String: Any]])
        for (a, b) in zip(original, copy) {
            for field in fields { #expect("\(a[field]!)" == "\(b[field]!)", "\(field) of #\(a["id"]!)") }
        }
        #expect(try other.run(["import", file]).stdout.contains("skipped 3"))
    }

    /// Every importer keeps the source's "updated" time: gh `updatedAt`, REST `updated_at`,
    /// Jira `Updated`, taskwarrior `modified` (Lanes CSV: `exportThenImportRoundTrips`).
    @Test func importsKeepTheSourcesUpdatedTime() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try lanes.run(["import", ImportTests.fixtures + "/github-gh.json"])
        try lanes.run(["import", ImportTests.fixtures + "/github-rest.json"])
        try lanes.run(["import", ImportTests.fixtures + "/jira.csv"])
        try lanes.run(["import", ImportTests.fixtures + "/taskwarrior.json"])
        let updated = Dictionary(try issues().values.map { ($0["title"] as! String, $0["updated"] as! String) }, uniquingKeysWith: { a, _ in a })
        #expect(updated["日本語のドキュメント"] == "2025-12-03T08:00:00.000Z")
        #expect(updated["REST issue"] == "2026-02-02T12:00:00.000Z")
        #expect(updated["Old cleanup"] == "2025-12-02T08:00:00.000Z")
        #expect(updated["File the taxes"] == "2025-12-15T12:00:00.000Z")
    }

    /// A backlog updated yesterday at its source is not stale after the import.
    @Test func aFreshlyImportedBacklogIsNotStale() throws {
        #expect(try lanes.run(["init"]).status == 0)
        let yesterday = Date(timeIntervalSinceNow: -86_400)
        let file = scratch.path + "/fresh.json"
        try """
        [{"number": 5, "title": "Touched yesterday", "state": "OPEN", "createdAt": "2020-01-01T00:00:00Z",
          "updatedAt": "\(ISO8601DateFormatter().string(from: yesterday))", "comments": []}]
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try lanes.run(["import", file])
        #expect(result.status == 0 && result.stdout.hasPrefix("imported 1 issue from"), "\(result.stderr)")
        #expect(try lanes.run(["list", "is:stale", "--format", "csv"]).stdout.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1,
                "only the CSV header: nothing is stale")
        #expect(try lanes.run(["list", "updated:<7d", "--format", "json"]).stdout.contains("Touched yesterday"))
    }

    /// Numbers in an export are checked before they reach the log: an out-of-range issue
    /// number or rank is reported, the rest imports, and the log stays readable.
    @Test func outOfRangeNumbersInAnExportAreRefused() throws {
        #expect(try lanes.run(["init"]).status == 0)
        let file = scratch.path + "/hostile.json"
        try """
        {"board": "x", "columns": [], "issues": [{"id": 3, "title": "t", "author": "a", "created": "2026-01-01T00:00:00.000Z", "timeline": [
         {"kind": "created", "at": "2026-01-01T00:00:00.000Z", "actor": "a", "title": "t", "body": "", "column": "todo", "rank": 1, "priority": "none"},
         {"kind": "renumbered", "at": "2026-01-02T00:00:00.000Z", "actor": "a", "from": -9223372036854775808},
         {"kind": "moved", "at": "2026-01-02T00:00:00.000Z", "actor": "a", "from": "todo", "to": "doing", "rank": 1e308}]}]}
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try lanes.run(["import", file])
        #expect(result.status == 1 && result.stdout.hasPrefix("imported 1 issue"))
        #expect(result.stderr.contains("event 2: unreadable event") && result.stderr.contains("event 3: unreadable event"))
        #expect(result.stderr.contains("lanes: 2 rows of "))
        let check = try lanes.run(["check"])
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func unknownFormatsAreAClearError() throws {
        #expect(try lanes.run(["init"]).status == 0)
        let file = scratch.path + "/notes.txt"
        try "just some text\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try lanes.run(["import", file])
        #expect(result.status == 1 && result.stderr.contains("cannot tell the format"))
        let badMap = try lanes.run(["import", ImportTests.fixtures + "/jira.csv", "--map-status", "nonsense"])
        #expect(badMap.status == 2)
    }
}

extension ImportTests {
    /// `lanes export` JSON → `lanes import` keeps every issue field and every kind of event,
    /// with its actor and time.
    @Test func jsonExportThenImportKeepsEveryEventKind() throws {
        #expect(try lanes.run(["init"]).status == 0)
        var bob = lanes
        bob.user = "bob"
        try lanes.run(["add", "Everything happens here", "--body", "first", "--label", "bug", "--assign", "me", "--priority", "high"])
        try lanes.run(["add", "Second"])
        try bob.run(["edit", "1", "--title", "Renamed", "--body", "second"])
        try bob.run(["move", "1", "doing"])
        try lanes.run(["assign", "1", "cy"])
        try lanes.run(["assign", "1", "cy", "--remove"])
        try lanes.run(["label", "1", "+ui", "-bug"])
        try lanes.run(["priority", "1", "urgent"])
        try bob.run(["comment", "1", "a comment\nover two lines"])
        try lanes.run(["close", "1"])
        try lanes.run(["reopen", "1"])
        let exported = try lanes.run(["export"]).stdout
        let file = scratch.path + "/board.json"
        try exported.write(toFile: file, atomically: true, encoding: .utf8)

        let other = LanesProcess(home: scratch.path + "/other")
        try FileManager.default.createDirectory(atPath: other.home, withIntermediateDirectories: true)
        #expect(try other.run(["init"]).status == 0)
        let imported = try other.run(["import", file])
        #expect(imported.stdout.hasPrefix("imported 2 issues"), "\(imported.stdout) \(imported.stderr)")
        let before = (try json(exported) as! [String: Any])["issues"] as! [[String: Any]]
        let after = (try json(other.run(["export"]).stdout) as! [String: Any])["issues"] as! [[String: Any]]
        #expect(before.count == after.count)
        for (a, b) in zip(before, after) {
            for field in ["id", "title", "body", "column", "state", "assignees", "labels", "priority", "author", "created", "updated"] {
                #expect("\(a[field]!)" == "\(b[field]!)", "\(field) of #\(a["id"]!)")
            }
            let original = (a["timeline"] as! [[String: Any]]).map { "\($0["kind"]!) \($0["actor"]!) \($0["at"]!)" }
            let replayed = (b["timeline"] as! [[String: Any]]).map { "\($0["kind"]!) \($0["actor"]!) \($0["at"]!)" }
            #expect(Array(replayed.prefix(original.count)) == original, "every event, actor and time of #\(a["id"]!)")
            #expect(replayed.last?.hasPrefix("imported") == true)
        }
        let kinds = Set(before.flatMap { ($0["timeline"] as! [[String: Any]]).map { $0["kind"] as! String } })
        #expect(kinds == ["created", "retitled", "body-edited", "moved", "assigned", "unassigned", "labelled", "unlabelled",
                          "prioritised", "commented", "closed", "reopened"], "the board has every kind of event")
        #expect(try other.run(["import", file]).stdout.contains("skipped 2"))
    }
}

extension ImportTests {
    /// An imported #9,999,999 (once the highest number a board could hold) leaves room: new
    /// issues get the next numbers and exist; an original number too big to keep gets the next
    /// free one; importing again skips every issue instead of creating it again.
    @Test func hugeOriginalNumbersLeaveRoomForNewIssues() throws {
        #expect(try lanes.run(["init"]).status == 0)
        let file = scratch.path + "/huge.json"
        try """
        [{"number": 9999999, "title": "Big", "state": "OPEN", "author": {"login": "hubot"}, "createdAt": "2026-01-05T09:00:00Z"},
         {"number": 123456789012, "title": "Too big to keep", "state": "OPEN", "author": {"login": "hubot"}, "createdAt": "2026-01-05T09:00:00Z"}]
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let first = try lanes.run(["import", file])
        #expect(first.status == 0 && first.stdout.hasPrefix("imported 2 issues"), "\(first.stdout)\(first.stderr)")
        #expect(try issues()[9_999_999]?["title"] as? String == "Big")
        #expect(try issues()[10_000_000]?["title"] as? String == "Too big to keep")
        let add = try lanes.run(["add", "After the big ones"])
        #expect(add.status == 0 && add.stdout == "#10000001\n")
        #expect(try issues()[10_000_001]?["title"] as? String == "After the big ones")
        let again = try lanes.run(["import", file])
        #expect(again.stdout.contains("imported 0 issues") && again.stdout.contains("skipped 2"), "\(again.stdout)")
        #expect(try issues().count == 3)
        #expect(try lanes.run(["check"]).status == 0)
    }
}
