import Testing
@testable import Screen

@Suite struct SanitizerTests {
    static let hostile: [String] = [
        "\u{1B}[31mred\u{1B}[0m",             // CSI
        "\u{1B}]0;pwned\u{07}",                // OSC 0 window title
        "\u{1B}]8;;http://x\u{1B}\\link",      // OSC 8 hyperlink
        "\u{1B}]52;c;aGVsbG8=\u{07}",          // OSC 52 clipboard
        "\u{1B}P1$qm\u{1B}\\",                 // DCS
        "\u{1B}_apc\u{1B}\\",                  // APC
        "\u{1B}[21t",                          // title report request
        "\u{9B}31m",                           // C1 CSI
        "a\u{202E}evil\u{202C}b",              // bidi override
        "\u{2066}isolate\u{2069}",
        "nul\u{0}bell\u{7}del\u{7F}",
    ]

    @Test(arguments: hostile)
    func noControlOrBidiCharacterSurvives(_ text: String) {
        for clean in [Sanitizer.line(text), Sanitizer.multiline(text)] {
            for scalar in clean.unicodeScalars {
                let v = scalar.value
                #expect(!(v < 0x20 && v != 0x0A), "C0 \(v) survived in \(clean.debugDescription)")
                #expect(!(0x7F...0x9F).contains(v), "DEL/C1 \(v) survived")
                #expect(!(0x202A...0x202E).contains(v) && !(0x2066...0x2069).contains(v), "bidi \(v) survived")
            }
        }
    }

    @Test func placeholdersAreVisible() {
        #expect(Sanitizer.line("\u{1B}[2J") == "^[[2J")
        #expect(Sanitizer.line("a\u{202E}b") == "a<U+202E>b")
        #expect(Sanitizer.line("x\u{9B}y") == "x<U+009B>y")
        #expect(Sanitizer.line("tab\there") == "tab here")
    }

    @Test func newlinesAreKeptOnlyInMultiline() {
        #expect(Sanitizer.line("a\nb") == "a^Jb")
        #expect(Sanitizer.multiline("a\r\nb") == "a\nb")
    }

    @Test func plainTextIsUnchanged() {
        let text = "日本語 🎉 café — plain"
        #expect(Sanitizer.line(text) == text)
    }
}
