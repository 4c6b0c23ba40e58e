import Testing
@testable import BoardModel
@testable import BoardQuery
import LanesTestSupport

/// The passes over the whole search text (a word's first two letters, and a word's first places
/// when no shorter word's are kept) find each text's first place with one loop over the folded
/// buffer (`SearchText.forEachFirstPlace`): against a plain search of each issue, with capitals,
/// repeated letters, CJK, combining marks and texts shorter than the word.
@Suite struct FirstPlaceScanTests {
    /// "e" + U+0301 (a combining acute accent), "é" precomposed, CJK, capitals, and few letters.
    static let pieces = ["a", "b", "t", "i", "m", "e", "A", "TI", "e\u{0301}", "é", "日本", "語", " ", "-", "aa", "tim"]

    @Test func firstPlacesAndAnswersEqualAPlainSearch() throws {
        var random = SeededGenerator(seed: 43)
        for round in 0..<5 {
            func text() -> String {
                (0..<Int(random.next() % 50)).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
            }
            // Enough issues in one round that the buffer is searched on both cores (its first
            // places at the split: `aBigBoardsTextIsSearchedInTwoHalvesExactly`).
            let big = round == 2
            let count = big ? 3_000 : 40 + Int(random.next() % 200)
            let state = try board((1...count).map { _ in .create(title: text() + ".", body: text()) })
            let search = SearchText(state: state)
            let plain = FirstPlacesTests().buffer(state)
            if big { #expect(search.bytes.count >= SearchText.twoCoresFrom) }
            for needle in ["ti", "tim", "aa", "aaa", "ab", "e-", "me ", "a", "-", "ee", "timea", "ba"] {
                #expect(search.matches(needle, in: state) == state.issues.values.map {
                    $0.title.containsLowercased(needle) || $0.body.containsLowercased(needle)
                }, "round \(round): \(needle)")
                guard !big, needle.count >= SearchText.shortestListed, let found = search.occurrences(of: needle, from: []) else { continue }
                FirstPlacesTests().expectPlain(found, needle, plain, "round \(round): \(needle)")
            }
        }
    }
}
