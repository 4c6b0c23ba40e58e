import Testing
@testable import BoardModel
@testable import BoardQuery
import LanesTestSupport

/// What the `/` filter keeps between keystrokes (where each word occurs, the letters each issue
/// holds, the grouping into bands) must give exactly what a fresh computation gives.
@Suite struct FilterNarrowingTests {
    static let words = ["login", "LOGIN", "logout", "catalog", "blog", "in", "a1", "Log-in", "日本", "x", ""]
    static let at = Timestamp(milliseconds: 1_780_000_000_000)

    func randomBoard(_ random: inout SeededGenerator, issues: Int = 60) throws -> BoardState {
        func sentence(_ random: inout SeededGenerator) -> String {
            (0..<Int(random.next() % 6)).map { _ in Self.words[Int(random.next() % UInt64(Self.words.count))] }.joined(separator: " ")
        }
        var changes: [Change] = []
        for n in 1...issues {
            changes.append(.create(title: "\(n) " + sentence(&random), body: sentence(&random), column: ["backlog", "todo", "doing"][n % 3],
                                   labels: random.next() % 3 == 0 ? [] : [["bug", "ui"][Int(random.next() % 2)]],
                                   assignees: ["ann", "bob", "cy"].filter { _ in random.next() % 3 == 0 }))
        }
        return try board(changes)
    }

    /// Whether each issue's title or body holds `needle`, read from the issues themselves.
    func reference(_ state: BoardState, _ needle: String) -> [Bool] {
        state.issues.values.map { $0.title.containsLowercased(needle) || $0.body.containsLowercased(needle) }
    }

    @Test func wordsFoundFromAShorterWordsOccurrencesAreFoundExactly() throws {
        var random = SeededGenerator(seed: 21)
        for _ in 0..<20 {
            let state = try randomBoard(&random)
            let text = SearchText(state: state)
            for needle in ["login", "logins", "catalog", "og-in", "blogin", "login log", "in a", "a1 x", "zzzz"] {
                let fresh = text.occurrences(of: needle, from: [])
                for length in 3...needle.count {
                    for start in 0...(needle.count - length) {
                        let part = String(Array(needle)[start..<(start + length)])
                        guard let earlier = text.occurrences(of: part, from: []) else { continue }
                        let derived = try #require(text.occurrences(of: needle, from: [earlier]), "\(needle) from \(part)")
                        if let fresh { #expect(derived == fresh, "\(needle) from \(part)") }
                        var prepared = text
                        prepared.occurrences = [derived]
                        #expect(prepared.matches(needle, in: state) == reference(state, needle), "\(needle) from \(part)")
                    }
                }
            }
        }
    }

    /// A board whose text is searched on both cores, each half of it on its own: every word is
    /// found where it occurs, in the issues on both sides of the split.
    @Test func aBigBoardsTextIsSearchedInTwoHalvesExactly() throws {
        var random = SeededGenerator(seed: 25)
        // Long descriptions: few issues (each a create to fold), yet text enough to split.
        let state = try board((1...1_200).map { n in
            let words = (0..<40).map { _ in Self.words[Int(random.next() % UInt64(Self.words.count))] }
            return .create(title: "\(n) " + words[..<4].joined(separator: " "), body: words.joined(separator: " "))
        })
        let text = SearchText(state: state)
        #expect(text.bytes.count >= SearchText.twoCoresFrom)
        let texts = state.issues.values.map { Array(($0.title + "\0" + $0.body + "\0").lowercased().utf8) }
        for needle in ["login", "og-in", "in a", "in"] {
            #expect(text.matches(needle, in: state) == reference(state, needle), "\(needle)")
            guard needle.count >= SearchText.shortestListed else { continue }
            let found = try #require(text.occurrences(of: needle, from: []), "\(needle)")
            // Each text's first place, in order, against a plain search of each issue's text.
            let pin = Array(needle.utf8)
            var expected: [Int32] = [], starts: [Int32] = [], start = 0
            for (slot, bytes) in texts.enumerated() {
                if bytes.count >= pin.count,
                   let first = (0...(bytes.count - pin.count)).first(where: { Array(bytes[$0..<($0 + pin.count)]) == pin }) {
                    expected.append(Int32(slot))
                    starts.append(Int32(start + first))
                }
                start += bytes.count
            }
            #expect(found.places.map(\.slot) == expected, "\(needle)")
            #expect(found.places.map(\.start) == starts, "\(needle)")
            #expect(zip(found.places, found.places.dropFirst()).allSatisfy { $0.start < $1.start }, "\(needle)")
        }
    }

    @Test func aFirstCharacterIsAnsweredFromTheLettersEachIssueHolds() throws {
        var random = SeededGenerator(seed: 22)
        let state = try randomBoard(&random, issues: 200)
        let text = SearchText(state: state)
        for needle in ["a", "g", "1", "x", "z", "0", "-", " ", "q"] {
            #expect(text.matches(needle, in: state) == reference(state, needle), "\(needle)")
        }
    }

    /// The grouping into bands equals its definition: a band's cards are the lane's issues in it,
    /// by rank; the cursor walks each issue once, at its first band.
    @Test(arguments: [Swimlanes.assignee, .label, .priority])
    func bandsHoldTheLanesIssuesInRankOrder(_ grouping: Swimlanes) throws {
        var random = SeededGenerator(seed: 23)
        for _ in 0..<10 {
            let state = try randomBoard(&random)
            for filter in ["", "log", "label:ui", "-login"] {
                let query = try Query.parse(filter, me: "ann", now: Self.at)
                let flat = BoardProjection(state: state, query: query, now: Self.at)
                let grouped = BoardProjection(state: state, query: query, now: Self.at, swimlanes: grouping)
                func bands(of number: Int) -> [String] {
                    let issue = state.issues[number]!
                    switch grouping {
                    case .assignee: return issue.assignees.isEmpty ? ["unassigned"] : issue.assignees.map { "@" + $0 }
                    case .label: return issue.labels.isEmpty ? ["no label"] : issue.labels
                    default: return [issue.priority.rawValue]
                    }
                }
                for (lane, ranked) in zip(grouped.lanes, flat.lanes) {
                    #expect(lane.byBand == grouped.bands.map { band in ranked.issues.filter { bands(of: $0).contains(band) } })
                    let first = { (number: Int) in grouped.bands.firstIndex { bands(of: number).contains($0) }! }
                    #expect(Array(lane.issues) == grouped.bands.indices.flatMap { band in ranked.issues.filter { first($0) == band } })
                }
            }
        }
    }

    /// A session's keystrokes (typing on, rubbing out, switching the grouping) between changes
    /// to the board: every projection the cache gives equals a fresh one.
    @Test func cachedProjectionsEqualFreshOnesWhileTypingAndChanging() throws {
        var random = SeededGenerator(seed: 24)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        let board = ObservableBoard(state: try randomBoard(&random))
        var cache = ProjectionCache()
        var typed = "", swimlanes = Swimlanes.none
        for round in 0..<400 {
            // The `/` prompt opening: the search text built on another thread, for this version,
            // taken by a later keystroke (after changes to the board, at times).
            if round % 3 == 0 { cache.prepareSearchText(board: board) }
            switch random.next() % 10 {
            case 0...4: typed.append(pick(Array("login cta-1")))
            case 5, 6: if !typed.isEmpty { typed.removeLast() }
            case 7: swimlanes = pick(Swimlanes.allCases)
            case 8: typed = pick(["logi", "catalo", "blog", ""])
            default:
                let number = 1 + Int(random.next() % UInt64(board.state.highestNumber))
                let change: Change = pick([.retitle(number, pick(["login now", "plain", "catalog"])), .editBody(number, pick(["", "see LOGIN"])),
                                           .create(title: "new login \(round)"), .assign(number, ["bob"]), .move(number, to: "doing"),
                                           .snooze(number, pick([nil, CalendarDate(daysSinceEpoch: 30_000)])), .close(number)])
                // Changed twenty days after the board was made, seen ten days later: changed issues are not stale, the others are.
                if let events = try? board.state.events(for: change, actor: "ann", at: Timestamp(milliseconds: Self.at.milliseconds + 20 * Timestamp.day + Int64(round))) {
                    board.apply(events)
                }
            }
            guard let query = try? Query.parse(typed, me: "ann", now: Self.at) else { continue }
            let now = Timestamp(milliseconds: Self.at.milliseconds + 30 * Timestamp.day)
            let key = ProjectionCache.Key(version: board.version, query: query, minute: 0, swimlanes: swimlanes)
            let kept = cache.projection(for: key, board: board) { candidates, order, text, bands, narrowing in
                BoardProjection(state: board.state, query: query, now: now, swimlanes: swimlanes, candidates: candidates,
                                order: order, searchText: text, bands: bands, narrowing: narrowing)
            }
            let fresh = BoardProjection(state: board.state, query: query, now: now, swimlanes: swimlanes)
            #expect(kept.list == fresh.list, "round \(round): /\(typed)")
            #expect(kept.bands == fresh.bands && kept.lanes.map(\.byBand) == fresh.lanes.map(\.byBand), "round \(round): /\(typed)")
            #expect(kept.lanes.map(\.issues) == fresh.lanes.map(\.issues), "round \(round): /\(typed)")
            #expect(kept.lanes.map(\.staleCount) == fresh.lanes.map(\.staleCount), "round \(round): /\(typed)")
            #expect(kept.lanes.map(\.waitingCount) == fresh.lanes.map(\.waitingCount), "round \(round): /\(typed)")
        }
    }

    /// Typing on narrows the earlier result: an issue that matches but waits (snoozed) is in no
    /// lane's cards, yet still counted as waiting in its lane when the word grows.
    @Test func typingOnKeepsCountingTheIssuesThatWait() throws {
        let board = ObservableBoard(state: try board([.create(title: "login page"), .create(title: "login form"), .create(title: "other"),
                                                      .snooze(1, CalendarDate(daysSinceEpoch: 30_000))]))
        var cache = ProjectionCache()
        for typed in ["l", "lo", "log", "logi", "login", "login "] {
            let query = try Query.parse(typed, me: "ann", now: Self.at)
            let key = ProjectionCache.Key(version: board.version, query: query, minute: 0, swimlanes: .none)
            let kept = cache.projection(for: key, board: board) { candidates, order, text, bands, narrowing in
                BoardProjection(state: board.state, query: query, now: Self.at, candidates: candidates, order: order,
                                searchText: text, bands: bands, narrowing: narrowing)
            }
            #expect(kept.list == [2], "/\(typed)")
            #expect(kept.lanes.map(\.waitingCount).reduce(0, +) == 1, "/\(typed): issue 1 waits")
        }
    }
}
