import Testing
@testable import BoardExchange
@testable import BoardModel
import Screen

/// The list table byte for byte, with cells that are wide, zero-width, hostile or cut: each
/// cell is measured once (`TextTable`), and the bytes must stay those the table has always
/// printed (the expected texts below were printed by the table that measured every cell three
/// times over, before it was restructured).
@Suite struct TableTests {
    static let now = Timestamp(milliseconds: 1_780_000_000_000)

    /// Issues whose titles, names and labels cover what a display width can be made of.
    func board() throws -> BoardState {
        var state = BoardState()
        var id: UInt64 = 0
        let day = Timestamp.day
        let changes: [(Change, Int64)] = [
            (.create(title: "日本語 \"quoted\", comma", labels: ["bug"], assignees: ["ann"], priority: .high), 30),
            (.create(title: "🎉 party 👩‍💻 flag 🇯🇵 done", labels: ["ui", "ärger"], assignees: ["Kim", "bob"]), 2),
            (.create(title: "\u{1B}[31mred\u{7} and\ttab", assignees: ["\u{202E}evil"], priority: .urgent), 1),
            (.create(title: "\u{301}starts with a mark", labels: ["\u{200B}"]), 0),
            (.create(title: "A long title that goes on and on past any column a narrow terminal could give it", priority: .low), 400),
            (.create(title: "한국어 mixed 翻訳 text with e\u{301} accents", labels: ["label-7"], assignees: ["user3"]), 10),
        ]
        for (change, daysAgo) in changes {
            state.apply(try state.events(for: change, actor: "ann", at: Timestamp(milliseconds: Self.now.milliseconds - daysAgo * day)) {
                id += 1
                return EventID(id)
            })
        }
        return state
    }

    func table(width: Int?) throws -> String {
        let state = try board()
        return IssueTable.render(state.issues.values.sorted { $0.number < $1.number }, state: state, width: width, now: Self.now)
    }

    @Test func tableFitsItsWidestCells() throws {
        #expect(try table(width: nil) == """
            ID  TITLE                                                                             COLUMN   ASSIGNEES     LABELS    PRIORITY  UPDATED
            #1  日本語 "quoted", comma                                                            Backlog  ann           bug       high      30d
            #2  🎉 party 👩\u{200D}💻 flag 🇯🇵 done                                                          Backlog  Kim,bob       ui,ärger  -         2d
            #3  ^[[31mred^G and tab                                                               Backlog  <U+202E>evil            urgent    1d
            #4  \u{301}starts with a mark                                                               Backlog                \u{200B}         -         now
            #5  A long title that goes on and on past any column a narrow terminal could give it  Backlog                          low       57w
            #6  한국어 mixed 翻訳 text with e\u{301} accents                                             Backlog  user3         label-7   -         10d

            """)
    }

    @Test func titlesAreCutToATerminalsWidth() throws {
        #expect(try table(width: 100) == """
            ID  TITLE                                         COLUMN   ASSIGNEES     LABELS    PRIORITY  UPDATED
            #1  日本語 "quoted", comma                        Backlog  ann           bug       high      30d
            #2  🎉 party 👩\u{200D}💻 flag 🇯🇵 done                      Backlog  Kim,bob       ui,ärger  -         2d
            #3  ^[[31mred^G and tab                           Backlog  <U+202E>evil            urgent    1d
            #4  \u{301}starts with a mark                           Backlog                \u{200B}         -         now
            #5  A long title that goes on and on past any c…  Backlog                          low       57w
            #6  한국어 mixed 翻訳 text with e\u{301} accents         Backlog  user3         label-7   -         10d

            """)
    }

    @Test func aTerminalNarrowerThanTheFixedColumnsCutsWholeRows() throws {
        #expect(try table(width: 50) == """
            ID  TITLE       COLUMN   ASSIGNEES     LABELS    …
            #1  日本語 "q…  Backlog  ann           bug       …
            #2  🎉 party …  Backlog  Kim,bob       ui,ärger  …
            #3  ^[[31mred…  Backlog  <U+202E>evil            …
            #4  \u{301}starts w…  Backlog                \u{200B}         -…
            #5  A long ti…  Backlog                          …
            #6  한국어 mi…  Backlog  user3         label-7   …

            """)
    }

    /// A table longer than one piece of output (64 KB) is handed on in several pieces, whole
    /// lines each, that together are the table: every row once, in order, padded alike.
    @Test func aLongTableComesInPiecesOfWholeLines() {
        var table = TextTable(columnCount: 3)
        table.append(["ID", "TITLE", "N"])
        for number in 1...5000 { table.append(["#\(number)", "title " + String(repeating: "x", count: number % 7), "\(number * 3)"]) }
        var pieces: [[UInt8]] = []
        table.render(width: nil) { pieces.append($0) }
        #expect(pieces.count > 1)
        #expect(pieces.allSatisfy { $0.last == UInt8(ascii: "\n") })
        let lines = String(decoding: pieces.joined(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5002 && lines.last == "")
        #expect(lines[0] == "ID     TITLE         N")
        for number in [1, 999, 4321, 5000] {
            let title = "title " + String(repeating: "x", count: number % 7)
            let id = "#\(number)"
            #expect(lines[number] == id + String(repeating: " ", count: 7 - id.count) + title
                + String(repeating: " ", count: 14 - title.count) + "\(number * 3)")
        }
    }

    /// A column whose cells take no width (the table is given unsanitised text here) shows none of them.
    @Test func aColumnWithoutWidthShowsNothing() {
        let bell = TextTable.render([["ID", "", "NAME"], ["a", "\u{7}", "x"]], width: nil)
        #expect(bell == TextTable.render([["ID", "", "NAME"], ["a", "", "x"]], width: nil))
        #expect(bell == "ID    NAME\na     x\n")
    }

    /// `lanes columns`' table: widths from the cells, a lone zero-width character (drawn as ◌), the last cell unpadded.
    @Test func columnsTableFitsItsCells() {
        let rows = [["ID", "", "NAME"], ["a", "\u{200B}", "x"], ["longer-id", "", "日本"]]
        #expect(TextTable.render(rows, width: nil) == """
            ID            NAME
            a          \u{200B}  x
            longer-id     日本

            """)
        #expect(TextTable.render(rows, width: 8) == """
            ID     …
            a      …
            longer-…

            """)
    }
}
