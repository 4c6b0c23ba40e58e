import Testing
@testable import Screen

/// `DisplayWidth.plainWidth` measures text of printable ASCII and standalone letters (CJK,
/// kana, Hangul syllables) over its bytes: where it gives a width, it must be the width of
/// walking every cluster, and the sanitiser must leave the text as it is; it must give one for
/// such text, and none for text holding anything else.
@Suite struct PlainWidthTests {
    static func width(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { DisplayWidth.plainWidth($0) }
    }

    @Test func aWidthGivenIsTheClustersWidthOfTextTheSanitiserKeeps() {
        for text in MixedTextWidthTests.samples() + ["", "abc", "日本語 title", "한국어", "カタカナ", "ひらがな", "x日y", "~ !"] {
            guard let width = Self.width(text) else { continue }
            #expect(width == MixedTextWidthTests.clusterPrefix(text, fitting: .max).width, "\(text.unicodeScalars.map(\.value))")
            #expect(Sanitizer.line(text) == text)
        }
    }

    @Test func plainTextIsMeasuredAndAnythingElseIsNot() {
        #expect(Self.width("") == 0)
        #expect(Self.width("fix 日本語 login 한국어 カナ") == 28)
        for other in ["\t", "a\u{7F}", "é", "日\u{301}", "한\u{11A8}", "か\u{3099}", "🎉", "\u{202E}", "\u{3000}", "・", "\u{85}"] {
            #expect(Self.width("ab" + other) == nil, "\(other.unicodeScalars.map(\.value))")
        }
    }
}
