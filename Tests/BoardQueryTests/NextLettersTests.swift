import Dispatch
import Testing
@testable import BoardModel
@testable import BoardQuery
import LanesTestSupport

/// The letters after a word in each text (`SearchText.NextLetters`), worked out between keys,
/// answer the next key: every answer, and the first places listed with them, must equal a
/// plain search of each issue's text.
@Suite struct NextLettersTests {
    /// Capitals, repeated letters, digits, CJK, a combining accent, and words that overlap
    /// themselves ("tit", "aa").
    static let pieces = ["a", "t", "i", "m", "e", "T", "TI", "e\u{0301}", "é", "日本", " ", "-", "aa", "tim", "7", "x"]

    func randomBoard(_ random: inout SeededGenerator, issues: Int, pieces: UInt64 = 30) throws -> BoardState {
        func text() -> String {
            (0..<Int(random.next() % pieces)).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
        }
        return try board((1...issues).map { _ in .create(title: text() + ".", body: text()) })
    }

    func plain(_ state: BoardState, _ needle: String) -> [Bool] {
        state.issues.values.map { $0.title.containsLowercased(needle) || $0.body.containsLowercased(needle) }
    }

    @Test func theNextKeysAnswersEqualAPlainSearch() throws {
        var random = SeededGenerator(seed: 61)
        for round in 0..<4 {
            // One board big enough to be read on both cores, its texts split between them.
            let big = round == 1
            let state = try big ? randomBoard(&random, issues: 1_500, pieces: 160) : randomBoard(&random, issues: 50 + Int(random.next() % 200))
            let text = SearchText(state: state)
            if big { #expect(text.bytes.count >= SearchText.twoCoresFrom) }
            let buffer = FirstPlacesTests().buffer(state)
            for word in ["t", "ti", "tim", "a", "aa", "e", "-", "7", " t", "timea", "x"] {
                let letters = try #require(text.nextLetters(after: Array(word.utf8)) { _ in true })
                for next in ["", "a", "t", "i", "m", "e", "7", "x", "z"] where letters.answers(Array((word + next).utf8)) {
                    #expect(letters.slots(holding: Array((word + next).utf8)) == plain(state, word + next), "round \(round): \(word)+\(next)")
                }
                #expect(!letters.answers(Array((word + "-").utf8)) && !letters.answers(Array((word + "ab").utf8)))
                if word.utf8.count >= SearchText.shortestListed {
                    FirstPlacesTests().expectPlain(try #require(letters.occurrences), word, buffer, "round \(round): \(word)")
                } else {
                    #expect(letters.occurrences == nil)
                }
            }
            // Stopped part way, the work gives nothing rather than part of an answer.
            #expect(text.nextLetters(after: Array("t".utf8)) { _ in false } == nil)
        }
    }

    /// The `/` prompt's keys with the letters worked out between them (`prepareNextKey`): every
    /// projection equals a fresh one, whether the key finds the letters done or stops them.
    @Test func projectionsWithLettersWorkedOutBetweenKeysEqualFreshOnes() throws {
        var random = SeededGenerator(seed: 62)
        let board = ObservableBoard(state: try randomBoard(&random, issues: 300))
        var cache = ProjectionCache()
        var typed = "", answeredFromLetters = 0
        for round in 0..<300 {
            if round % 50 == 0 { cache.prepareSearchText(board: board) }
            switch random.next() % 8 {
            case 0...4: typed.append(Array("time aTI7-x")[Int(random.next() % 11)])
            case 5: if !typed.isEmpty { typed.removeLast() }
            case 6: typed = ["t", "ti", "tim", "", "-tim"][Int(random.next() % 5)]
            default:
                let number = 1 + Int(random.next() % UInt64(board.state.highestNumber))
                board.apply(try board.state.events(for: .retitle(number, ["time", "ti me", "x"][Int(random.next() % 3)]), actor: "ann",
                                                   at: Timestamp(milliseconds: 1_780_000_000_000 + Int64(round))))
            }
            guard let query = try? Query.parse(typed, me: "ann", now: FilterNarrowingTests.at) else { continue }
            let key = ProjectionCache.Key(version: board.version, query: query, minute: 0, swimlanes: .none)
            let kept = cache.projection(for: key, board: board) { candidates, order, text, bands, narrowing in
                if let text, !text.following.isEmpty, query.terms.contains(where: {
                    if case .text(let needle) = $0.condition { text.following[0].answers(Array(needle.utf8)) } else { false }
                }) { answeredFromLetters += 1 }
                return BoardProjection(state: board.state, query: query, candidates: candidates, order: order, searchText: text,
                                       bands: bands, narrowing: narrowing)
            }
            let fresh = BoardProjection(state: board.state, query: query)
            #expect(kept.list == fresh.list, "round \(round): /\(typed)")
            #expect(kept.lanes.map(\.issues) == fresh.lanes.map(\.issues), "round \(round): /\(typed)")
            // The session's idle time after the key: most rounds wait for the letters, some
            // stop them at once (the next key came sooner).
            cache.prepareNextKey(for: query)
            if random.next() % 4 != 0 { _ = cache.nextLetters?.value(waitingUpTo: .seconds(60)) }
        }
        #expect(answeredFromLetters > 50)
        cache.prepareNextKey(for: nil)
        #expect(cache.nextLetters == nil)
    }

    /// Work stopped before its pass began (a key right after the frame) never begins: whoever
    /// asks for it then gets nothing at once, however long they would wait, instead of waiting
    /// for a pass that will never signal. Unstopped work, waited for, gives the letters.
    @Test func workStoppedBeforeItBeganGivesNothingAtOnce() throws {
        var random = SeededGenerator(seed: 7)
        let board = try randomBoard(&random, issues: 100)
        let text = SearchText(state: board)
        let stopped = NextLettersWork(text: text, needle: Array("t".utf8))
        stopped.stop()
        let answered = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var letters: SearchText.NextLetters?
        DispatchQueue.global().async {
            letters = stopped.value(waitingUpTo: .seconds(60))
            answered.signal()
        }
        #expect(answered.wait(timeout: .now() + 10) == .success)
        #expect(letters == nil)
        let waited = NextLettersWork(text: text, needle: Array("t".utf8))
        #expect(waited.value(waitingUpTo: .seconds(60))?.slots(holding: Array("ti".utf8)) == plain(board, "ti"))
    }
}
