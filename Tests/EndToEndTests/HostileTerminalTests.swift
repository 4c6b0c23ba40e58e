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
        // sequence), so press q until the board has quit (for as long as a loaded machine may
        // take to work through the burst: before, ten seconds).
        var pressed = Date.distantPast
        let after = try tmux.waitFor("lanes to quit after invalid input") { screen in
            if !screen.contains("exit=0"), Date().timeIntervalSince(pressed) > 0.5 {
                try? tmux.send("q")
                pressed = Date()
            }
            return screen.contains("exit=0")
        }
        #expect(!after.contains("Backlog"), "the terminal is restored")
    }

    @Test func aNonUTF8LocaleDrawsWithASCII() throws {
        try seed()
        let tmux = try open("\"$LANES\"", environment: ["LANG": "C", "LC_ALL": "C"])
        try tmux.waitFor("ASCII borders") { $0.contains("First") && $0.contains("|") && !$0.contains("│") }
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
        try tmux.waitFor("the status line saying how to see the real text") {
            $0.contains("#1 ") && $0.contains("LANG=C.UTF-8") && $0.contains("--utf8")
        }
        try tmux.send("l")
        // Where the headless board (UTF-8 text, same locale and keys) has ASCII, the pane has the
        // same; where it has other text, the pane has one replacement per display cell. Waited
        // for, not concluded from one capture: it can come before the keys are answered, or in
        // the middle of a repaint.
        func expectMatchesTheDump(_ keys: String) throws {
            let dump = try lanes.run(["--keys", keys, "--size", "80x24", "--dump"], extraEnvironment: locale).stdout
                .split(separator: "\n", omittingEmptySubsequences: false)
            try tmux.waitFor("the screen after \(keys) to match the headless board's", problems: { text in
                let screen = text.split(separator: "\n", omittingEmptySubsequences: false)
                var problems: [String] = []
                for (row, expected) in dump.prefix(23).enumerated() {
                    var shown = Array(row < screen.count ? screen[row] : "")
                    var cells: [Character?] = [] // nil: a cell of a non-ASCII character
                    for character in expected {
                        let wide = character.unicodeScalars.first!.value >= 0x1100 && character.unicodeScalars.first!.value < 0xFFFF
                            && !"│─↓↑…·‹›".contains(character)
                        cells += character.isASCII ? [character] : Array(repeating: nil, count: wide ? 2 : 1)
                    }
                    while shown.count < cells.count { shown.append(" ") }
                    let wrong = cells.indices.first { x in
                        if let cell = cells[x] { return shown[x] != cell }
                        return !"?|-v^~<>".contains(shown[x])
                    }
                    if let x = wrong {
                        problems.append("row \(row) col \(x): \(String(shown)) vs \(expected)")
                    } else if shown.count > cells.count, !shown[cells.count...].allSatisfy({ $0 == " " }) {
                        problems.append("row \(row) is too long: \(String(shown))")
                    }
                }
                return problems
            })
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
        // The card and the header are checked on a settled screen that has both (a capture can
        // come in the middle of a repaint); no text is in black or white on any frame.
        func card(_ rows: [[StyledCell]]) -> StyledCell? { StyledCell.at("#1 First", in: rows) }
        func headers(_ rows: [[StyledCell]]) -> (selected: StyledCell, other: StyledCell)? {
            guard let header = rows.first, header.count > 2 else { return nil }
            return (header[1], header[header.count / 2 + 1])
        }
        let rows = try tmux.waitForStyled("\(term): the selected card and column marked") { rows in
            guard let card = card(rows), let (selected, other) = headers(rows) else { return false }
            return (card.reverse || card.background != nil) && !StyledCell.sameLook(selected, other)
        }
        for (y, row) in rows.enumerated() {
            for cell in row where cell.character != " " && cell.background == nil && !cell.reverse {
                #expect(cell.foreground != 30 && cell.foreground != 37,
                        "\(term): \"\(cell.character)\" on row \(y) is drawn in \(cell.foreground!) on the terminal's background")
            }
        }
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
