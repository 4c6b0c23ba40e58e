import Testing
@testable import BoardExchange
import BoardModel
import Screen

/// `TextTable.add(sanitizing:)` and `add(sanitizingJoined:)` copy printable ASCII and plain text
/// (`DisplayWidth.plainWidth`) into the table over their bytes and measure it there: the table
/// they make must be the one a reader would make by hand from the sanitiser's cells, each
/// measured by walking its clusters (`DisplayWidth.of` of each `Character`), padded with spaces
/// and cut with `DisplayWidth.truncate`, at every terminal width; and nothing the sanitiser
/// would replace may reach the output.
@Suite struct TableAgainstSanitiserTests {
    /// Hostile and awkward text: control bytes, C1, DEL, bidi overrides and isolates, line and
    /// paragraph separators, zero-width characters, combining marks (alone, after ASCII, after
    /// kana), Hangul jamo, wide, fullwidth, halfwidth and ambiguous characters, emoji with
    /// modifiers and joiners, flags, keycaps, variation selectors, a prepended mark, CR LF.
    static let pieces = ["a", "Z", " ", ",", "~", "日", "本", "한", "カ", "か", "\u{3099}", "\u{309A}", "ｶ", "\u{FF9E}", "Ａ",
                         "\u{3000}", "・", "ー", "±", "①", "Ω", "é", "e\u{301}", "\u{301}", "\u{20DD}", "\u{1100}", "\u{1161}",
                         "\u{11A8}", "\u{0}", "\u{7}", "\u{8}", "\t", "\n", "\r", "\r\n", "\u{1B}", "\u{1B}[2J", "\u{1B}]52;c;eA==\u{7}",
                         "\u{7F}", "\u{85}", "\u{9B}", "\u{202E}", "\u{202D}", "\u{2066}", "\u{2069}", "\u{200E}", "\u{061C}",
                         "\u{2028}", "\u{2029}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{FFF9}", "\u{AD}", "👩",
                         "\u{1F3FD}", "👩\u{200D}💻", "🇯🇵", "\u{1F1E6}", "#\u{FE0F}\u{20E3}", "\u{FE0F}", "\u{E0100}", "\u{600}",
                         "😀", "🎉", "\u{E0041}", "𠀋", "\u{10FFFD}", "\u{FFFD}"]

    /// A cell of a few pieces, each often repeated (a word of kana, a run of marks).
    static func text(_ random: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...4, using: &random)).map { _ in
            String(repeating: pieces.randomElement(using: &random)!, count: Int.random(in: 1...3, using: &random))
        }.joined()
    }

    /// The width of `text` found by walking its clusters, as the sanitiser's cells were measured.
    static func clusterWidth(_ text: String) -> Int {
        text.reduce(0) { $0 + DisplayWidth.of($1) }
    }

    /// The table a reader makes by hand from sanitised cells: each column as wide as its widest
    /// cell (or `widths`), each cell cut to it with "…", two spaces between, each line cut to
    /// `width` when given.
    static func byHand(_ rows: [[String]], widths given: [Int]?, width: Int?) -> String {
        let widths = given ?? rows[0].indices.map { column in rows.map { clusterWidth($0[column]) }.max() ?? 0 }
        var out = ""
        for row in rows {
            var line = ""
            for (column, cell) in row.enumerated() {
                let fits = widths[column] > 0 && clusterWidth(cell) <= widths[column]
                let shown = fits ? cell : DisplayWidth.truncate(cell, to: widths[column])
                line += shown
                if column < row.count - 1 { line += String(repeating: " ", count: widths[column] - clusterWidth(shown) + 2) }
            }
            out += (width.map { DisplayWidth.truncate(line, to: $0) } ?? line) + "\n"
        }
        return out
    }

    @Test(arguments: [11, 12, 13, 14] as [UInt64])
    func aTableOfHostileCellsIsTheSanitisersCellsMeasuredByCluster(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var table = TextTable(columnCount: 4)
        var sanitised: [[String]] = []
        for row in 0..<60 {
            // Now and then a plain row (ASCII, CJK, kana, Hangul), which takes the byte path.
            let plain = row % 5 == 0
            let title = plain ? "fix 日本語 ログ 한국어 \(row)" : Self.text(&random)
            let names = (0..<Int.random(in: 0...3, using: &random)).map { _ in plain ? "user\(row)" : Self.text(&random) }
            let other = plain ? "カタカナ" : Self.text(&random)
            table.add(sanitizing: "#\(row)")
            table.add(sanitizing: title)
            table.add(sanitizingJoined: names)
            table.add(sanitizing: other)
            sanitised.append(["#\(row)", Sanitizer.line(title), Sanitizer.line(names.joined(separator: ",")), Sanitizer.line(other)])
        }
        let widths = sanitised[0].indices.map { column in sanitised.map { Self.clusterWidth($0[column]) }.max() ?? 0 }
        #expect(table.widths == widths, "seed \(seed)")
        for width in [nil] + Array(1...70) as [Int?] {
            // As `IssueTable` does for a terminal: the title column shrinks so rows fit.
            var given = table.widths
            if let width { given[1] = max(10, min(given[1], width - given[0] - given[2] - given[3] - 6)) }
            var bytes: [UInt8] = []
            table.render(widths: given, width: width) { bytes += $0 }
            let out = String(decoding: bytes, as: UTF8.self)
            #expect(bytes == Array(Self.byHand(sanitised, widths: given, width: width).utf8), "seed \(seed), width \(String(describing: width))")
            #expect(!out.unicodeScalars.contains { $0 != "\n" && Sanitizer.placeholder(for: $0) != nil },
                    "seed \(seed), width \(String(describing: width)): a character the sanitiser replaces reached the output")
            if let width {
                for line in out.split(separator: "\n") where Self.clusterWidth(String(line)) > width {
                    Testing.Issue.record("seed \(seed): a line wider than the terminal's \(width) columns: \(line.unicodeScalars.map(\.value))")
                }
            }
        }
    }
}
