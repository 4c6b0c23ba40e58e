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
        var random = SeededGenerator(seed: 47)
        for round in 0..<4 {
            let state = try unicodeBoard(&random, issues: 120)
            let text = SearchText(state: state)
            let plain = buffer(state)
            #expect(text.bytes.withUnsafeBufferPointer(Array.init) == plain.bytes)
            for _ in 0..<8 {
                // Mostly a and b: words that overlap themselves and occur at several places a text.
                let letters = Array("aab")
                let word = String((0..<(SearchText.shortestListed + Int(random.next() % 6))).map { _ in letters[Int(random.next() % 3)] })
                var typed = try #require(text.occurrences(of: String(word.prefix(SearchText.shortestListed)), from: []))
                for length in SearchText.shortestListed...word.count {
                    let prefix = String(word.prefix(length))
                    if length > SearchText.shortestListed { typed = try #require(text.occurrences(of: prefix, from: [typed])) }
                    expectPlain(typed, prefix, plain, "round \(round): \(prefix) typed")
                    var prepared = text
                    prepared.occurrences = [typed]
                    #expect(prepared.matches(prefix, in: state)
                            == state.issues.values.map { $0.title.containsLowercased(prefix) || $0.body.containsLowercased(prefix) },
                            "round \(round): \(prefix)")
                }
                for start in 0...(word.count - SearchText.shortestListed) {
                    let inner = String(Array(word)[start..<(start + SearchText.shortestListed)])
                    let earlier = try #require(text.occurrences(of: inner, from: []))
                    expectPlain(try #require(text.occurrences(of: word, from: [earlier])), word, plain, "round \(round): \(word) from \(inner)")
                }
            }
        }
    }
}
