import Foundation
import Testing
@testable import BoardExchange
@testable import BoardModel
import Screen

@Suite struct FormatTests {
    func sample() throws -> BoardState {
        var state = BoardState()
        let now = Timestamp(milliseconds: 1_780_000_000_000)
        var id: UInt64 = 0
        for change: Change in [.create(title: "日本語 \"quoted\", comma", body: "two\nlines\t\u{1B}[31m", labels: ["bug"], assignees: ["ann"], priority: .high),
                               .create(title: "plain")] {
            state.apply(try state.events(for: change, actor: "ann", at: now) { id += 1; return EventID(id) })
        }
        return state
    }

    @Test func jsonIsValidOrderedAndTerminalSafe() throws {
        let state = try sample()
        let text = String(decoding: IssueJSON.list(Array(state.issues.values)), as: UTF8.self)
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [[String: Any]]
        #expect(decoded[0]["title"] as? String == "日本語 \"quoted\", comma")
        #expect(decoded[0]["body"] as? String == "two\nlines\t\u{1B}[31m", "lossless for JSON readers")
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B }, "no raw escape on a terminal")
        #expect(text.hasPrefix("[{\"id\":1,\"title\":"), "fields in the documented order")
    }

    @Test func exportCarriesColumnsAndTimelines() throws {
        let text = String(decoding: IssueJSON.export(try sample(), name: "b"), as: UTF8.self)
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        let issues = decoded["issues"] as! [[String: Any]]
        #expect((issues[0]["timeline"] as! [[String: Any]]).map { $0["kind"] as! String } == ["created", "labelled", "assigned"])
        #expect((decoded["columns"] as! [[String: Any]]).count == 5)
    }

    @Test func csvQuotesAndSanitises() throws {
        let csv = IssueCSV.write(Array(try sample().issues.values))
        let rows = csv.components(separatedBy: "\r\n")
        #expect(rows[0] == IssueCSV.header.joined(separator: ","))
        #expect(rows[1].hasPrefix("1,\"日本語 \"\"quoted\"\", comma\",\"two\nlines ^[[31m\",backlog,open,ann,bug,high,ann,"))
    }

    /// A quote or comma followed by a combining mark is one Character with it, but still a
    /// quote or a comma to whoever reads the CSV: the cell is quoted and the quote doubled
    /// (compared as Characters, neither was, and the row fell apart).
    @Test func csvQuotesAQuoteOrCommaThatACombiningMarkFollows() throws {
        #expect(IssueCSV.row(["say \"\u{301}hi", "1,\u{301}2", "plain é"]) == "\"say \"\"\u{301}hi\",\"1,\u{301}2\",plain é\r\n")
    }

    @Test func tableAlignsByDisplayWidth() throws {
        let state = try sample()
        let table = IssueTable.render(Array(state.issues.values), state: state, width: nil, now: Timestamp(milliseconds: 1_780_000_000_000))
        let lines = table.split(separator: "\n").map(String.init)
        let columnStart = lines.map { line -> Int in
            let prefix = line.components(separatedBy: "Backlog").first ?? ""
            return DisplayWidth.of(prefix)
        }
        #expect(Set(columnStart.dropFirst()).count == 1, "the COLUMN column starts at the same display column on every row")
        let narrow = IssueTable.render(Array(state.issues.values), state: state, width: 60)
        #expect(narrow.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 60 })
    }
}
