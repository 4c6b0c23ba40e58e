import Testing
@testable import BoardModel
@testable import BoardQuery
import LanesTestSupport

/// First places (`SearchText.Occurrences`) in texts that are not plain ASCII: multi-byte
/// letters (CJK, é composed and decomposed, a dotted capital I, the Kelvin sign) around and
/// between the ASCII words searched for, capitals folded, and words made of one or two
/// repeated letters, which overlap themselves ("aab" in "aaab", "abab" in "ababab"). Every list,
/// typed letter by letter or found from a word inside it, must equal a plain search of each
/// text, and the issues it gives must be those the per-issue match gives.
extension FirstPlacesTests {
    static let unicodePieces = ["a", "a", "b", "A", "B", "aa", "ab", "é", "e\u{301}", "日", "本", "İ", "\u{212A}", "ß", " ", "-", "🎉"]

    func unicodeBoard(_ random: inout SeededGenerator, issues: Int) throws -> BoardState {
        func text(_ random: inout SeededGenerator) -> String {
            (0..<Int(random.next() % 30)).map { _ in Self.unicodePieces[Int(random.next() % UInt64(Self.unicodePieces.count))] }.joined()
        }
        return try board((1...issues).map { _ in .create(title: text(&random) + ".", body: text(&random)) })
    }

    @Test func wordsOfRepeatedLettersAmongMultibyteTextAreFoundWhereAPlainSearchFindsThem() throws {
        // Mostly a and b: words that overlap themselves and occur at several places a text.
        let letters = Array("aab")
        try expectWordsFound(seed: 47, rounds: 4, wordsEach: 8, board: { try unicodeBoard(&$0, issues: 120) }) { random in
            String((0..<(SearchText.shortestListed + Int(random.next() % 6))).map { _ in letters[Int(random.next() % 3)] })
        }
    }
}
