import Foundation
import Testing
import BoardInteraction
@testable import BoardModel
@testable import BoardQuery
@testable import LanesApp
import Keymap
import Screen

/// What the rc files say, checked at load: numbers in range, columns by id or name, view
/// queries, every problem as FILE:LINE: message.
@Suite struct ConfigurationTests {
    /// The configuration `rc` gives on the harness's board.
    func load(_ rc: String, in h: SessionHarness) throws -> Configuration {
        let path = h.directory + "/.lanes/lanesrc"
        try rc.write(toFile: path, atomically: true, encoding: .utf8)
        return Configuration(rcFiles: [path], environment: ["LANG": "C.UTF-8"], board: h.log.state)
    }

    @Test func aHugeStaleAfterIsRefusedAndTheBoardStillDraws() throws {
        let h = try SessionHarness(SessionTests.seed, rc: "set stale-after 9223372036854775807d\n")
        let problems = h.session.configuration.errors.map(\.description)
        #expect(problems == [h.directory + "/.lanes/lanesrc:1: stale-after (days) must be a whole number from 1 to 36500, not \"9223372036854775807\""])
        #expect(h.session.configuration.settings.staleAfterDays == 14)
        h.type("/is:stale<Enter>")
        #expect(h.screenText.contains("0/3 issues"))
    }

    @Test func aHugeAgeTypedIntoTheFilterIsAnErrorOnTheStatusLine() throws {
        let h = try SessionHarness(SessionTests.seed)
        h.type("/updated:<9999999999999y")
        #expect(h.session.ui.message?.text.contains("must be a whole number from 0 to 10000") == true)
        #expect(h.session.ui.filter.source == "updated", "the last good filter (the word typed so far) stays")
        h.type("<Enter><Esc>")
        #expect(h.screenText.contains("3 issues"), "the board goes on")
    }

    /// Seeded property test over every number an rc file can hold: each line is either applied
    /// with a value in range or reported with its line; the board then filters and draws.
    @Test func generatedRCNumbersAreRangeCheckedOrReported() throws {
        let h = try SessionHarness(SessionTests.seed)
        var random = SeededGenerator(seed: 11)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        let edges = ["0", "1", "-1", "14", "36500", "36501", "99999", "100000", "9223372036854775807", "9223372036854775808",
                     "-9223372036854775808", "99999999999999999999999", "255", "256", "24", "25"]
        for round in 0..<300 {
            let number = round % 2 == 0 ? pick(edges) : String(Int64(bitPattern: random.next()) >> (random.next() % 64))
            let line = pick(["set stale-after \(number)d", "set stale-after \(number)", "set wip doing \(number)", "set wip \"In progress\" \(number)",
                             "color card color\(number) default", "color card default \(number)", "bind board <F\(number)> help"])
            let configuration = try load(line + "\n", in: h)
            let settings = configuration.settings
            #expect((1...36_500).contains(settings.staleAfterDays), "\(line)")
            #expect(settings.wipLimits.values.allSatisfy { (0...99_999).contains($0) }, "\(line)")
            let applied = settings.staleAfterDays != 14 || !settings.wipLimits.isEmpty
            if !applied, number != "14" && !line.hasPrefix("color") && !line.hasPrefix("bind") {
                #expect(configuration.errors.map(\.line) == [1], "\(line) is neither applied nor reported")
            }
            let stale = try Query.parse("is:stale", me: "ann", staleAfterDays: settings.staleAfterDays)
            _ = BoardProjection(state: h.log.state, query: stale, staleAfterDays: settings.staleAfterDays)
        }
    }

    @Test func everyProblemIsReportedAtLoadWithItsLine() throws {
        let h = try SessionHarness(SessionTests.seed)
        let path = h.directory + "/.lanes/lanesrc"
        let configuration = try load("""
            set theme nope
            set wip nocolumn 5
            set wip "In progress" 5
            set wip review 2
            view mine assignee:me is:nothing
            view doing column:nowhere
            view fine label:bug
            """, in: h)
        #expect(configuration.errors.map(\.description) == [
            path + ":1: no theme \"nope\"; themes are: default, high-contrast, light, mono",
            path + ":2: no column \"nocolumn\"; columns are: backlog, todo, doing, review, done",
            path + ":5: view mine: unknown \"is:nothing\"; use is:open, is:closed, is:stale, is:untriaged or is:archived",
            path + ":6: view doing: no column \"nowhere\"; columns are: backlog, todo, doing, review, done",
        ])
        #expect(configuration.settings.wipLimits == ["doing": 5, "review": 2])
    }
}

@Suite struct MessagesViewTests {
    @Test func theStatusLineCountsProblemsAndMessagesListsThemAll() throws {
        let rc = (1...4).map { "set nothing\($0) x" }.joined(separator: "\n") + "\nset theme nope\n"
        let h = try SessionHarness(SessionTests.seed, rc: rc)
        h.type("")
        let summary = "5 problems in lanesrc; see :messages"
        #expect(h.screenText.contains(summary))
        #expect(summary.count <= 38, "fits a 40-column status line with its margins")
        h.type(":frobnicate<Enter>")
        h.type(":messages<Enter>")
        let text = h.screenText
        #expect(text.contains("Problems in the rc files (5 problems)"))
        for line in 1...5 { #expect(text.contains("lanesrc:\(line): "), "line \(line)") }
        #expect(text.contains("lanesrc:5: no theme \"nope\""))
        let messages = text.components(separatedBy: "Messages, newest first\n").last ?? ""
        #expect(messages.hasPrefix(" unknown command \"frobnicate\"; press ? for the list\n " + summary), "\(messages)")
        h.type("q")
        #expect(h.session.ui.view == .board)
    }

    @Test func oneProblemIsShownWhole() {
        #expect(Opening.problemSummary([FileProblem(file: "/b/.lanes/lanesrc", line: 3, message: "bad")]) == "/b/.lanes/lanesrc:3: bad")
        #expect(Opening.problemSummary([]) == nil)
    }
}
