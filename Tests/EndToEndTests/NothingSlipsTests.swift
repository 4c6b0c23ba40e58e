import Foundation
import Testing

/// Due dates, waiting and the digest through the real binary, with `--now` and `TZ` fixed.
@Suite struct NothingSlipsTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/digest").path
    let utc = ["TZ": "UTC"]

    func run(_ arguments: [String], as user: String = "ann") throws -> LanesProcess.Result {
        var process = lanes
        process.user = user
        return try process.run(arguments, extraEnvironment: utc)
    }

    /// The hand-checked board of Tests/Fixtures/digest/events, as this scratch board.
    func fixtureBoard() throws {
        try FileManager.default.createDirectory(atPath: scratch.path + "/.lanes", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: NothingSlipsTests.fixtures + "/events", toPath: scratch.path + "/.lanes/events")
    }

    func fixture(_ name: String) throws -> String {
        try String(contentsOfFile: NothingSlipsTests.fixtures + "/" + name, encoding: .utf8)
    }

    @Test func theDigestMatchesTheHandCheckedFixturesInAllThreeFormats() throws {
        try fixtureBoard()
        let now = ["--now", "2026-03-10T09:00:00Z"]
        let text = try run(["digest", "--for", "all"] + now)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout == (try fixture("team.txt")))
        let markdown = try run(["digest", "--format", "markdown"] + now)
        #expect(markdown.stdout == (try fixture("ann.md")))
        let json = try run(["digest", "--for", "all", "--format", "json"] + now)
        #expect(json.stdout == (try fixture("team.json")))
        // Terminal-safe and 80 columns: the escape in #5's title is shown, never sent.
        #expect(!text.stdout.unicodeScalars.contains { $0.value == 0x1B })
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        // Deterministic: the same board and --now give the same bytes.
        #expect(try run(["digest", "--for", "all"] + now).stdout == text.stdout)
        // --since takes a date (its local midnight) and --for a name; a bad one is a usage error.
        let since = try run(["digest", "--for", "bob", "--since", "2026-03-01"] + now)
        #expect(since.stdout.hasPrefix("Digest for bob · 2026-03-10 · since 2026-03-01T00:00:00.000Z"))
        #expect(since.stdout.contains("#7 Typo on the pricing page"))
        let bad = try run(["digest", "--since", "lately"] + now)
        #expect(bad.status == 1 && bad.stderr.contains("neither an age"))
        // A name the board does not know yet is that person's (empty) digest, not the team's,
        // through the index as on the whole board.
        let newcomer = try run(["digest", "--for", "@zed"] + now)
        #expect(newcomer.stdout.hasPrefix("Digest for zed · 2026-03-10"), "\(newcomer.stdout)")
        #expect(!newcomer.stdout.contains("#7 Typo on the pricing page"))
    }

    @Test func dueAndSnoozeFromTheCLIWaitAndWake() throws {
        #expect(try run(["init"]).status == 0)
        let monday = ["--now", "2026-03-02T09:00:00Z"]
        #expect(try run(["add", "Customer invoice"] + monday).stdout == "#1\n")
        #expect(try run(["add", "Ship it"] + monday).stdout == "#2\n")
        #expect(try run(["due", "2", "fri"] + monday).stdout == "#2 set due 2026-03-06\n")
        let bad = try run(["due", "2", "someday"] + monday)
        #expect(bad.status == 1 && bad.stderr == "lanes: \"someday\" is not a date; use YYYY-MM-DD, today, tomorrow, a weekday (mon … sun), +Nd, +Nw or +Nm\n")
        #expect(try run(["snooze", "1", "thu"] + monday).stdout == "#1 snoozed until 2026-03-05\n")
        #expect(try run(["snooze", "1", "today"] + monday).status == 1)

        func listed(_ query: [String], at time: String) throws -> [Int] {
            let out = try run(["list", "--format", "json", "--now", time] + query).stdout
            return (try json(out) as! [[String: Any]]).map { $0["id"] as! Int }
        }
        #expect(try listed([], at: "2026-03-04T23:59:00Z") == [2])
        #expect(try listed(["is:snoozed"], at: "2026-03-04T23:59:00Z") == [1])
        #expect(try listed([], at: "2026-03-05T00:00:00Z") == [1, 2])
        #expect(try listed(["is:resurfaced"], at: "2026-03-05T00:00:00Z") == [1])
        #expect(try listed(["is:overdue"], at: "2026-03-07T08:00:00Z") == [2])
        #expect(try listed(["due:<7d", "sort:due"], at: "2026-03-02T09:00:00Z") == [2])
        let issue = try json(run(["show", "1", "--format", "json", "--now", "2026-03-03T09:00:00Z"]).stdout) as! [String: Any]
        #expect(issue["snoozedUntil"] as? String == "2026-03-05" && issue["due"] is NSNull)
        #expect(try run(["show", "2", "--now", "2026-03-07T08:00:00Z"]).stdout.contains("due:       2026-03-06 (overdue)"))

        // Bob's comment wakes it at once, and says so.
        let reply = try run(["comment", "1", "@ann they paid", "--now", "2026-03-03T10:00:00Z"], as: "bob")
        #expect(reply.stdout == "#1 commented\n#1 is back from waiting (bob commented; it waited until 2026-03-05)\n")
        #expect(try listed([], at: "2026-03-03T11:00:00Z") == [1, 2])
        #expect(try listed(["mentions:me"], at: "2026-03-03T11:00:00Z") == [1])
    }
}

/// Snoozing from the keyboard in a real terminal, and another person's CLI comment waking it.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct WaitingTerminalTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    @Test func aSnoozedCardLeavesAndAnotherPersonsCommentBringsItBackOnScreen() throws {
        let monday = ["--now", "2026-03-02T09:00:00Z"]
        #expect(try lanes.run(["init"]).status == 0)
        try lanes.run(["add", "Customer call", "--column", "todo"] + monday, extraEnvironment: ["TZ": "UTC"])
        let tmux = try lanes.inTmux("TZ=UTC \"$LANES\" --now 2026-03-02T09:00:00Z", width: 120, height: 30)
        try tmux.waitFor(text: "Customer call")
        try tmux.send("l", "s")
        try tmux.type("fri")
        try tmux.send("Enter")
        try tmux.waitFor("the card gone, snoozed") { $0.contains("#1 snoozed until 2026-03-06") && !$0.contains("Customer call") }

        var bob = lanes
        bob.user = "bob"
        try bob.run(["comment", "1", "they answered"] + monday, extraEnvironment: ["TZ": "UTC"])
        try tmux.waitFor("the card back") { $0.contains("#1 is back from waiting (bob commented") && $0.contains("Customer call") }
        try tmux.send("q")
        try tmux.waitFor(text: "exit=0")
    }
}

extension NothingSlipsTests {
    @Test func datesAreLocalDaysOfTZAcrossADSTChangeAndFriOnAFridayIsNextWeek() throws {
        #expect(try run(["init"]).status == 0)
        try run(["add", "Spring forward"])
        var berlin = lanes
        berlin.user = "ann"
        // 23:30 UTC on Saturday 2026-03-28 is 00:30 on Sunday the 29th in Berlin (clocks go forward that night).
        let sunday = ["--now", "2026-03-28T23:30:00Z"]
        let tomorrow = try berlin.run(["due", "1", "tomorrow"] + sunday, extraEnvironment: ["TZ": "Europe/Berlin"])
        #expect(tomorrow.stdout == "#1 set due 2026-03-30\n", "\(tomorrow.stderr)")
        let utcTomorrow = try run(["due", "1", "tomorrow"] + sunday)
        #expect(utcTomorrow.stdout == "#1 set due 2026-03-29\n")
        // 2026-03-06 is a Friday: fri is the next one.
        #expect(try run(["due", "1", "fri", "--now", "2026-03-06T12:00:00Z"]).stdout == "#1 set due 2026-03-13\n")
    }
}
