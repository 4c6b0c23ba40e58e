import Foundation
import Testing

/// Tiny and huge screens, resize storms, odd TERMs, a non-UTF-8 locale, bursts of input, a lone
/// Esc and invalid UTF-8 input: no crash, and the terminal comes back.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct HostileTerminalTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    func seed() throws {
        #expect(try lanes.run(["init"]).status == 0)
        for (index, title) in ["First", "日本語のタイトル", "Emoji 👩‍💻 🇯🇵", "Combining e\u{301}"].enumerated() {
            try lanes.run(["add", title, "--column", ["backlog", "todo", "doing", "review"][index], "--label", "bug"])
        }
    }

    func open(_ script: String, width: Int = 100, height: Int = 30, environment extra: [String: String] = [:]) throws -> Tmux {
        try lanes.inTmux(script, width: width, height: height, environment: extra)
    }

    @Test(arguments: [(1, 1), (2, 1), (1, 60), (39, 11), (40, 12), (41, 13), (80, 24), (200, 50), (500, 200)])
    func everyViewAtEverySize(_ width: Int, _ height: Int) throws {
        try seed()
        let keys = "lLjJK<Enter>qv<Enter>qvT<Enter>qq?qSSSS/bug<Enter><Esc>:move done<Enter>u"
        let result = try lanes.run(["--keys", keys, "--size", "\(width)x\(height)", "--dump"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == height)
        #expect(lines.allSatisfy { $0.unicodeScalars.count <= width * 2 })
    }

    @Test func aStormOfResizes() throws {
        try seed()
        let tmux = try open("\"$LANES\"")
        try tmux.waitFor(text: "First")
        var random = SystemRandomNumberGenerator()
        for _ in 0..<40 {
            try tmux.resize(width: Int.random(in: 1...220, using: &random), height: Int.random(in: 1...70, using: &random))
        }
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor(text: "First")
        try tmux.send("q")
        try tmux.waitFor(text: "exit=0")
    }

    @Test func burstsOfInputALoneEscAndInvalidUTF8() throws {
        try seed()
        let tmux = try open("\"$LANES\"")
        try tmux.waitFor(text: "First")
        try tmux.type(String(repeating: "jjkkllhhvjkv", count: 25))
        try tmux.send("Escape")
        try tmux.tmux(capture: false, ["send-keys", "-t", "main", "-H", "ff", "fe", "c3", "28", "e2", "82"])
        try tmux.send("/")
        try tmux.tmux(capture: false, ["send-keys", "-t", "main", "-H", "ff", "c3", "a9"])
        try tmux.send("Escape")
        try tmux.waitFor(text: "First")
        // An invalid byte can swallow the key after it (ncurses waits for the rest of the
        // sequence), so press q until the board has quit.
        var after = ""
        for _ in 0..<20 where !after.contains("exit=0") {
            try tmux.send("q")
            Thread.sleep(forTimeInterval: 0.5)
            after = try tmux.screen()
        }
        #expect(after.contains("exit=0"), "still responsive after invalid input: \(after)")
        #expect(!after.contains("Backlog"), "the terminal is restored")
    }

    @Test func aNonUTF8LocaleDrawsWithASCII() throws {
        try seed()
        let tmux = try open("\"$LANES\"", environment: ["LANG": "C", "LC_ALL": "C"])
        let screen = try tmux.waitFor(text: "First")
        #expect(screen.contains("|") && !screen.contains("│"), "ASCII borders")
        try tmux.send("q")
        try tmux.waitFor(text: "exit=0")
    }

    /// `LANG=C`: each display cell of non-ASCII text is one replacement, so every row is as wide
    /// as in UTF-8 and nothing of the previous screen survives; the status line says how to see
    /// the real text, and `--utf8` shows it.
    @Test func aNonUTF8LocaleKeepsEveryRowInItsCellsAndLeavesNoStaleCell() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try lanes.run(["add", "Überprüfung der Daten", "--column", "todo"])
        try lanes.run(["add", "日本語のタイトルを表示する", "--column", "todo", "--label", "i18n"])
        let locale = ["LANG": "C", "LC_ALL": "C"]
        let tmux = try open("\"$LANES\"", width: 80, height: 24, environment: locale)
        let board = try tmux.waitFor(text: "#1 ")
        #expect(board.contains("LANG=C.UTF-8") && board.contains("--utf8"), "the status line says how to see the real text:\n\(board)")
        try tmux.send("l")
        try tmux.waitFor(text: "#1 ")
        // Where the headless board (UTF-8 text, same locale and keys) has ASCII, the pane has the
        // same; where it has other text, the pane has one replacement per display cell.
        func expectMatchesTheDump(_ keys: String) throws {
            let screen = try tmux.waitFor("the screen after \(keys)") { $0.contains("#") }.split(separator: "\n", omittingEmptySubsequences: false)
            let dump = try lanes.run(["--keys", keys, "--size", "80x24", "--dump"], extraEnvironment: locale).stdout
                .split(separator: "\n", omittingEmptySubsequences: false)
            for (row, expected) in dump.prefix(23).enumerated() {
                var shown = Array(row < screen.count ? screen[row] : "")
                var cells: [Character?] = [] // nil: a cell of a non-ASCII character
                for character in expected {
                    let wide = character.unicodeScalars.first!.value >= 0x1100 && character.unicodeScalars.first!.value < 0xFFFF
                        && !"│─↓↑…·‹›".contains(character)
                    cells += character.isASCII ? [character] : Array(repeating: nil, count: wide ? 2 : 1)
                }
                while shown.count < cells.count { shown.append(" ") }
                for (x, cell) in cells.enumerated() {
                    if let cell {
                        #expect(shown[x] == cell, "after \(keys), row \(row) col \(x): \(String(shown)) vs \(expected)")
                    } else {
                        #expect("?|-v^~<>".contains(shown[x]), "after \(keys), row \(row) col \(x): \(String(shown)) vs \(expected)")
                    }
                }
                #expect(shown.count == cells.count || shown[cells.count...].allSatisfy { $0 == " " }, "row \(row) is too long: \(String(shown))")
            }
        }
        try expectMatchesTheDump("l")
        try tmux.send("j", "Enter")
        try tmux.waitFor(text: "i18n")
        try expectMatchesTheDump("lj<Enter>")
        try tmux.send("q", "q")
        try tmux.waitFor(text: "exit=0")

        let forced = try open("\"$LANES\" --utf8", width: 80, height: 24, environment: locale)
        try forced.waitFor(text: "日本語")
        try forced.send("q")
        try forced.waitFor(text: "exit=0")
    }

    /// PuTTY's and screen's 8 colours, and vt100's none: the selected card and column stand out
    /// in reverse video, and no text is drawn in black (or white) on the terminal's background.
    @Test(arguments: ["xterm", "screen", "vt100"])
    func theSelectionShowsAndNoTextVanishesOnFewColours(term: String) throws {
        try seed()
        let tmux = try open("\"$LANES\"", width: 80, height: 24, environment: ["TERM": term])
        try tmux.waitFor(text: "First")
        try tmux.send("j") // nothing below: the selection stays on #1 in Backlog
        try tmux.waitFor(text: "First")
        let rows = try tmux.styledScreen()
        for (y, row) in rows.enumerated() {
            for cell in row where cell.character != " " && cell.background == nil && !cell.reverse {
                #expect(cell.foreground != 30 && cell.foreground != 37,
                        "\(term): \"\(cell.character)\" on row \(y) is drawn in \(cell.foreground!) on the terminal's background")
            }
        }
        let text = rows.map { String($0.map(\.character)) }
        guard let cardRow = text.firstIndex(where: { $0.contains("#1 First") }),
              let hash = text[cardRow].firstIndex(of: "#") else {
            Issue.record("no card #1 on screen: \(text)")
            return
        }
        let card = rows[cardRow][text[cardRow].distance(from: text[cardRow].startIndex, to: hash)]
        #expect(card.reverse || card.background != nil, "\(term): the selected card is not marked")
        let header = rows[0]
        let selectedHeader = header[1], otherHeader = header[header.count / 2 + 1]
        #expect(selectedHeader.reverse != otherHeader.reverse || selectedHeader.background != otherHeader.background,
                "\(term): the selected column's header looks like the others")
        try tmux.send("q")
        try tmux.waitFor(text: "exit=0")
    }

    @Test func dumbAndUnknownTerminalsAreRefusedClearly() throws {
        try seed()
        let dumb = try open("TERM=dumb \"$LANES\"")
        let text = try dumb.waitFor(text: "exit=1")
        #expect(text.contains("cannot move the cursor"))
    }
}
