import Foundation
import Screen
import Testing

/// With titles full of CJK, ZWJ emoji, skin tones, flags, combining marks and right-to-left
/// text, every column border on the captured screen sits where the header's does.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct WidthTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    static let corpus = [
        "日本語のタイトルを表示する", "한국어 제목", "中文标题测试", "👩‍💻 ZWJ 👨‍👩‍👧‍👦 family", "👍🏽 tone 👋🏿",
        "🇯🇵 🇫🇷 flags", "e\u{301}\u{302} stacked marks", "Zalgo z\u{336}\u{337}a\u{338}", "עברית מימין לשמאל", "العربية نص",
        "mixed 日本 and English 🎉", "keycap 1\u{FE0F}\u{20E3}", "❤️ heart", "ｆｕｌｌｗｉｄｔｈ",
    ]

    @Test func bordersStayInPlace() throws {
        #expect(try lanes.run(["init"]).status == 0)
        for (index, title) in WidthTests.corpus.enumerated() {
            try lanes.run(["add", title, "--column", ["backlog", "todo", "doing", "review", "done"][index % 5],
                           "--label", String(title.prefix(3)), "--assign", String(title.suffix(2))])
        }
        for (width, height) in [(120, 40), (100, 30), (60, 20)] {
            let tmux = try lanes.inTmux(width: width, height: height)
            func borders(_ line: Substring) -> [Int] {
                var column = 0
                var found: [Int] = []
                for character in line {
                    if character == "│" { found.append(column) }
                    column += DisplayWidth.of(character)
                }
                return found
            }
            // Waited for on a settled screen: a capture in the middle of a repaint has rows of
            // two frames.
            try tmux.waitFor("every border under the header's at \(width)x\(height)", problems: { screen in
                guard screen.contains("issues") else { return ["no board yet"] }
                let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(height - 1)
                let header = borders(rows.first ?? "")
                guard !header.isEmpty else { return ["no border in the header"] }
                return rows.enumerated().dropFirst().compactMap { index, row in
                    row.isEmpty || (borders(row) == header && DisplayWidth.of(row) <= width) ? nil : "row \(index): \(row)"
                }
            })
            try tmux.send("Q")
        }
    }
}
