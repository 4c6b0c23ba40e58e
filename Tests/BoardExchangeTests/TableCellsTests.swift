import Testing
@testable import BoardExchange
import BoardModel
import Screen

/// `TextTable.add(sanitizing:)` and `add(sanitizingJoined:)` copy printable ASCII straight into
/// the table and hand anything else to `Sanitizer.line`: a table made that way must be the
/// table of the same cells sanitised first and appended whole, byte for byte, at any width,
/// whichever cells of a row take which path (a name list that turns out not to be printable
/// after a first printable name is taken back and sanitised whole).
@Suite struct TableCellsTests {
    static let pieces = ["", "a", "user3", "label-7", "In progress", "日本語", "ärger", "e\u{301}", "\u{1B}[31m", "tab\there",
                         "\u{7}", "\u{202E}evil", "\u{200B}", "👩\u{200D}💻", "🇯🇵", "한국어 mixed", "x\u{7F}y", "\r\n", " ", "~"]

    @Test(arguments: [1, 2, 3] as [UInt64])
    func cellsAddedOneByOneAreTheCellsSanitisedFirst(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        func text() -> String {
            (0..<Int.random(in: 0...3, using: &random)).map { _ in TableCellsTests.pieces.randomElement(using: &random)! }.joined()
        }
        var byCell = TextTable(columnCount: 3), whole = TextTable(columnCount: 3)
        for _ in 0..<200 {
            let title = text(), other = text()
            let names = (0..<Int.random(in: 0...3, using: &random)).map { _ in text() }
            byCell.add(sanitizing: title)
            byCell.add(sanitizingJoined: names)
            byCell.add(sanitizing: other)
            whole.append([Sanitizer.line(title), Sanitizer.line(names.joined(separator: ",")), Sanitizer.line(other)])
        }
        #expect(byCell.widths == whole.widths)
        for width in [nil, 8, 30, 120] as [Int?] {
            var a: [UInt8] = [], b: [UInt8] = []
            byCell.render(width: width) { a += $0 }
            whole.render(width: width) { b += $0 }
            #expect(a == b, "width \(String(describing: width))")
        }
    }
}
