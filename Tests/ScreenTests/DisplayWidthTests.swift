import Testing
@testable import Screen

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnEach() {
        #expect(DisplayWidth.of("hello") == 5)
    }

    @Test func cjkIsTwoColumns() {
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ｆｕｌｌ") == 8)
    }

    @Test func combiningMarksTakeNoColumn() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("Cafe\u{301} au lait") == 12)
    }

    @Test func emojiAreTwoColumns() {
        #expect(DisplayWidth.of("🎉") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("👩‍💻") == 2)
        #expect(DisplayWidth.of("❤️") == 1, "drawn as its base, which wcwidth counts as 1")
    }

    /// What terminals disagree about is drawn in a form they all measure the same way.
    @Test func ambiguousClustersAreDrawnByTheirBase() {
        #expect(DisplayWidth.drawable("👩‍💻") == ("👩", 2))
        #expect(DisplayWidth.drawable("👍🏽") == ("👍", 2))
        #expect(DisplayWidth.drawable("🇯🇵") == ("JP", 2))
        #expect(DisplayWidth.drawable("e\u{301}") == ("e\u{301}", 1))
        #expect(DisplayWidth.drawable("❤️") == ("❤", 1))
        #expect(DisplayWidth.drawable("日") == ("日", 2))
    }

    @Test func truncateCutsByWidthAndMarksTheCut() {
        #expect(DisplayWidth.truncate("日本語のタイトル", to: 7) == "日本語…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("日本語のタイトル", to: 7)) <= 7)
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
    }

    @Test func wrapBreaksOnWordsAndSplitsLongWords() {
        #expect(DisplayWidth.wrap("the quick brown fox", to: 10) == ["the quick", "brown fox"])
        #expect(DisplayWidth.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        let wide = DisplayWidth.wrap("日本語のタイトル", to: 5)
        #expect(wide.allSatisfy { DisplayWidth.of($0) <= 5 })
        #expect(wide.joined() == "日本語のタイトル")
    }
}
