import Testing
@testable import Screen

/// Text with some non-ASCII in it is measured per byte where it is ASCII and per grapheme
/// cluster elsewhere; the prefixes must be exactly those of walking every cluster.
@Suite struct MixedTextWidthTests {
    /// Random strings of ASCII (controls, CR LF), CJK, combining marks, emoji with ZWJ and
    /// skin tones, flags and prepended marks, which join the next ASCII letter into one cluster;
    /// Hangul syllables with the jamo that join them, kana with their combining sound marks.
    static func samples() -> [String] {
        let pieces = ["a", "b", " ", "\r", "\n", "\r\n", "\t", "\u{7F}", "日", "本", "\u{301}", "\u{200D}", "👩", "💻", "\u{1F3FD}",
                      "🇯🇵", "\u{1F1E6}", "\u{600}", "\u{FE0F}", "é", "\u{85}", "x", "1",
                      "한", "\u{11A8}", "\u{1100}", "\u{1161}", "か", "カ", "\u{3099}", "🎉", "\u{1F3FB}", "\u{1F9D1}", "\u{20E3}"]
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        return (0..<1000).map { _ in (0..<(next() % 14)).map { _ in pieces[next() % pieces.count] }.joined() }
    }

    /// The prefix found by walking every cluster.
    static func clusterPrefix(_ text: String, fitting width: Int) -> (text: String, width: Int) {
        var used = 0, end = text.startIndex
        for index in text.indices {
            let w = DisplayWidth.of(text[index])
            if used + w > width { break }
            used += w
            end = text.index(after: index)
        }
        return (String(text[..<end]), used)
    }

    @Test func prefixesEqualThoseOfWalkingEveryCluster() {
        for text in Self.samples() {
            for width in -1...14 {
                let found = DisplayWidth.prefix(text, fitting: width)
                let reference = Self.clusterPrefix(text, fitting: width)
                #expect(String(found.text) == reference.text && found.width == reference.width, "\(text.unicodeScalars.map(\.value)) in \(width)")
            }
        }
    }
}
