import Foundation
import Testing

/// `lanes list` as the first command after a clone answers from the board its index build
/// folded (`BoardIndex.Needs.foldIfBuilt`, `BoardIndex.builtFrom`: a read that keeps where
/// each event's line starts, not the events). Every query word and every output format must
/// print what a whole read of the board prints, byte for byte and with the same status.
@Suite struct ListAfterCloneEveryWordTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    /// A board that every word finds something on (and something it leaves out): labels and
    /// assignees in several spellings, links of every type, mentions, reporters' addresses,
    /// due days, snoozes, priorities, closed, archived and deleted issues, CJK and accented text.
    func varied() throws {
        #expect(try lanes.run(["init"]).status == 0)
        let written = "2026-11-20T10:00:00Z"
        let steps: [[String]] = [
            ["add", "Login fails on 日本 keyboards", "--label", "bug", "--assign", "bob", "--priority", "high"],
            ["add", "Émile's crash report", "--body", "free text here, reported by ops@example.com", "--label", "Bug", "--label", "ui"],
            ["add", "Parent of the work", "--assign", "ann", "--assign", "Bob", "--column", "doing"],
            ["add", "Cafe\u{301} menu", "--label", "ärger", "--priority", "low"],
            ["add", "Untriaged, nobody's"],
            ["add", "Duplicate of the login bug", "--assign", "cy"],
            ["add", "Waiting for the vendor", "--assign", "ann"],
            ["add", "Old and archived"], ["add", "Gone for good"],
            ["link", "1", "blocks", "2"], ["link", "3", "parent-of", "4"], ["link", "6", "duplicates", "1"],
            ["link", "5", "relates-to", "4"], ["comment", "2", "@cy have a look, and @ann too"],
            ["comment", "4", "ping @bob"], ["due", "1", "2026-12-01"], ["due", "3", "2026-12-12"],
            ["snooze", "7", "2026-12-05"], ["snooze", "4", "2026-12-25"], ["close", "6"], ["move", "2", "doing"],
            ["archive", "8"], ["delete", "9", "--yes"],
        ]
        for step in steps {
            let result = try lanes.run(step + ["--now", written])
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
    }

    static let queries = [
        "", "is:open", "is:closed", "is:stale", "is:untriaged", "is:archived", "is:overdue", "is:snoozed", "is:resurfaced",
        "is:attention", "is:blocked", "is:parent", "has:duplicates", "blocks:2", "blocked-by:1", "parent:3",
        "assignee:BOB is:open", "assignee:me", "assignee:none", "label:bug -label:ui", "label:Ärger", "column:Doing",
        "priority:high", "author:me", "reporter:@example.com", "created:>2026-11-01", "updated:<7d", "due:<7d", "due:none",
        "mentions:cy", "sort:priority", "sort:due-desc", "sort:updated", "sort:duplicates", "sort:reporters",
        "\"free text\"", "日本", "ÉMILE", "café", "is:nonsense",
    ]

    /// Every query word, each as the first command on a board with no index (its own cache
    /// directory each time), in turn as a table, JSON and CSV, against a whole read at the same
    /// moment (`--now`). In two halves, each test well under 20 s on a loaded machine.
    @Test(arguments: [0, 1]) func everyQueryWordAndFormatAfterACloneIsWhatTheWholeBoardGives(half: Int) throws {
        try varied()
        let whole = ["XDG_CACHE_HOME": scratch.path + "/not-a-directory"]
        _ = FileManager.default.createFile(atPath: scratch.path + "/not-a-directory", contents: Data())
        let formats = ["table", "json", "csv"]
        var answered = 0
        for (number, query) in Self.queries.enumerated() where number % 2 == half {
            let arguments = ["list", "--now", "2026-12-10T09:00:00Z", "--format", formats[number % 3], "--"]
                + query.split(separator: " ").map(String.init)
            let cache = scratch.path + "/clone-\(number)"
            let first = try lanes.run(arguments, extraEnvironment: ["XDG_CACHE_HOME": cache])
            let read = try lanes.run(arguments, extraEnvironment: whole)
            #expect(first.status == read.status && first.stdout == read.stdout && first.stderr == read.stderr,
                    "\(arguments): after a clone \(first.status) \(first.stdout.debugDescription) \(first.stderr), whole \(read.status) \(read.stdout.debugDescription) \(read.stderr)")
            // A table or CSV with a row under its header, or JSON with an issue.
            if read.status == 0, read.stdout.split(separator: "\n").count >= 2 || read.stdout.contains("\"id\"") { answered += 1 }
            try? FileManager.default.removeItem(atPath: cache)
        }
        #expect(answered >= Self.queries.count / 4, "most queries find something on this board")
    }
}
