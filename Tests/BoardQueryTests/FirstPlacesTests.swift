import Testing
@testable import BoardModel
@testable import BoardQuery
import LanesTestSupport

/// A word's occurrences keep where it first occurs in each text (`SearchText.Occurrences`), found
/// from a shorter word's as the word is typed: every list must equal a plain search of each text.
@Suite struct FirstPlacesTests {
    /// Texts of few letters, so that a word's first place in a text often does not go on as the
    /// longer word while a later place does, and words overlap themselves ("aab" in "aaab").
    static let alphabet = Array("abtime ABl-")

    func randomBoard(_ random: inout SeededGenerator, issues: Int) throws -> BoardState {
        func text(_ random: inout SeededGenerator) -> String {
            String((0..<Int(random.next() % 40)).map { _ in Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))] })
        }
        return try board((1...issues).map { _ in .create(title: text(&random) + ".", body: text(&random)) })
    }

    /// The buffer as it must be: each title and body, ASCII capitals folded, each followed by a 0 byte.
    func buffer(_ state: BoardState) -> (bytes: [UInt8], starts: [Int]) {
        var bytes: [UInt8] = [], starts: [Int] = []
        for issue in state.issues.values {
            starts.append(bytes.count)
            for text in [issue.title, issue.body] { bytes += text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 } + [0] }
        }
        return (bytes, starts + [bytes.count])
    }

    /// Where `needle` first occurs in each text holding it, by a plain search: (offset, slot).
    func firstPlaces(of needle: String, in buffer: (bytes: [UInt8], starts: [Int])) -> [(Int32, Int32)] {
        let pin = Array(needle.utf8)
        return buffer.starts.indices.dropLast().compactMap { slot in
            let text = buffer.starts[slot]..<buffer.starts[slot + 1]
            guard text.count >= pin.count else { return nil }
            let first = (text.lowerBound...(text.upperBound - pin.count)).first { buffer.bytes[$0..<($0 + pin.count)].elementsEqual(pin) }
            return first.map { (Int32($0), Int32(slot)) }
        }
    }

    /// Whether `found` lists exactly the plain search's first places, with the bytes after each
    /// as far as it knows them.
    func expectPlain(_ found: SearchText.Occurrences, _ needle: String, _ buffer: (bytes: [UInt8], starts: [Int]), _ label: String) {
        let expected = firstPlaces(of: needle, in: buffer)
        #expect(found.places.map(\.start) == expected.map(\.0), "\(label)")
        #expect(found.places.map(\.slot) == expected.map(\.1), "\(label)")
        let mask = SearchText.Occurrences.mask(found.known)
        for place in found.places {
            let after = (0..<8).reversed().reduce(UInt64(0)) { word, at in
                let offset = Int(place.start) + needle.utf8.count + at
                return word << 8 | UInt64(offset < buffer.bytes.count ? buffer.bytes[offset] : 0)
            }
            #expect(place.following & mask == after & mask, "\(label): bytes after \(place.start)")
        }
    }

    /// Words typed letter by letter (each list found from the one before, as the filter does),
    /// or found from a word inside them, against a plain search of every text.
    @Test func typedWordsAreFoundWhereAPlainSearchFindsThem() throws {
        try expectWordsFound(seed: 31, rounds: 5, wordsEach: 6, board: { try randomBoard(&$0, issues: 150) }) { random in
            String((0..<(SearchText.shortestListed + Int(random.next() % 8))).map { _ in Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))] }).lowercased()
        }
    }

    /// For each of `rounds` boards made by `board`, its buffer against its definition and
    /// `wordsEach` words made by `word`, each found as `expectFound` finds it.
    func expectWordsFound(seed: UInt64, rounds: Int, wordsEach: Int, board: (inout SeededGenerator) throws -> BoardState,
                          word: (inout SeededGenerator) -> String) throws {
        var random = SeededGenerator(seed: seed)
        for round in 0..<rounds {
            let state = try board(&random)
            let text = SearchText(state: state)
            let plain = buffer(state)
            #expect(text.bytes.withUnsafeBufferPointer(Array.init) == plain.bytes)
            for _ in 0..<wordsEach { try expectFound(word(&random), in: text, of: state, plain, "round \(round)") }
        }
    }

    /// `word` typed letter by letter from its first `SearchText.shortestListed` letters (each list
    /// found from the one before, as the filter does), and found from each word of that length
    /// inside it: every list, and the issues it gives, against a plain search of every text.
    func expectFound(_ word: String, in text: SearchText, of state: BoardState, _ plain: (bytes: [UInt8], starts: [Int]),
                     _ label: String) throws {
        let shortest = SearchText.shortestListed
        var typed = try #require(text.occurrences(of: String(word.prefix(shortest)), from: []))
        expectPlain(typed, String(word.prefix(shortest)), plain, "\(label): \(word.prefix(shortest)) read whole")
        for length in shortest...word.count where length > shortest {
            let prefix = String(word.prefix(length))
            typed = try #require(text.occurrences(of: prefix, from: [typed]))
            expectPlain(typed, prefix, plain, "\(label): \(prefix) typed on")
            var prepared = text
            prepared.occurrences = [typed]
            #expect(prepared.matches(prefix, in: state) == state.issues.values.map { $0.title.containsLowercased(prefix) || $0.body.containsLowercased(prefix) },
                    "\(label): \(prefix)")
        }
        // From a word inside it, at each offset.
        for start in 0...(word.count - shortest) {
            let inner = String(Array(word)[start..<(start + shortest)])
            let earlier = try #require(text.occurrences(of: inner, from: []))
            let found = try #require(text.occurrences(of: word, from: [earlier]))
            expectPlain(found, word, plain, "\(label): \(word) from \(inner)")
        }
    }
}
