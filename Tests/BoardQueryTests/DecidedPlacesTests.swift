import Testing
@testable import BoardModel
@testable import BoardQuery
import LanesTestSupport

/// A projection whose terms are all answered beforehand sets its matches' bits on both cores,
/// each half of the slots (or of the candidates) in sets of its own, merged after, and leaves
/// the hidden and snoozed matches to the one-core loop (`BoardProjection.DecidedPlaces`): it must
/// give what one core gives and what the definition gives, lane by lane.
@Suite struct DecidedPlacesTests {
    @Test(arguments: ["log", "login", "-login", "in a", "x", "a1 -x", "is:blocked", "日本", "label:ui in", "sort:updated og"])
    func bothCoresGiveWhatOneCoreGives(_ filter: String) throws {
        var random = SeededGenerator(seed: 41)
        let at = ProjectedIssuesTests.at
        for round in 0..<10 {
            var state = try FilterNarrowingTests().randomBoard(&random, issues: 30 + round * 11)
            // Closed, archived, deleted and snoozed issues (read on this thread), moves, links.
            for number in 1...state.highestNumber where random.next() % 4 == 0 {
                let change: Change = [.close(number), .lifecycle(number, .archived), .lifecycle(number, .deleted),
                                      .snooze(number, CalendarDate(daysSinceEpoch: 30_000)), .move(number, to: "todo"),
                                      .link(number, .blocks, 1 + Int(random.next() % UInt64(state.highestNumber)))][Int(random.next() % 6)]
                if let events = try? state.events(for: change, actor: "ann", at: Timestamp(milliseconds: at.milliseconds + Int64(number) * Timestamp.day)) {
                    state.apply(events)
                }
            }
            let now = Timestamp(milliseconds: at.milliseconds + 40 * Timestamp.day)
            let query = try Query.parse(filter, me: "ann", now: at)
            let places = OrderPlaces(IssueOrder(state: state, sort: query.sort))
            let text = SearchText(state: state)
            // The issues holding the words, as the cache hands them over: the candidates path too.
            let holding = state.issues.values.filter { issue in
                query.terms.allSatisfy { term in
                    guard case .text(let needle) = term.condition, !term.negated else { return true }
                    return issue.title.containsLowercased(needle) || issue.body.containsLowercased(needle)
                }
            }.map(\.number)
            for candidates in [nil, holding] {
                let one = BoardProjection(state: state, query: query, now: now, candidates: candidates, order: places,
                                          searchText: text, twoCoresFrom: .max)
                let both = BoardProjection(state: state, query: query, now: now, candidates: candidates, order: places,
                                           searchText: text, twoCoresFrom: 0)
                let label = "round \(round) \(filter) candidates \(candidates?.count ?? -1)"
                let list = query.run(on: state, now: now).map(\.number)
                #expect(Array(both.list) == list, "\(label)")
                #expect(Array(one.list) == list, "\(label)")
                #expect(both.matching == list.count, "\(label)")
                #expect(both.waitingMatches.sorted() == one.waitingMatches.sorted(), "\(label)")
                for (a, b) in zip(one.lanes, both.lanes) {
                    let ranked = state.issues.values.filter { list.contains($0.number) && $0.column == a.column.id }
                        .sorted { ($0.rank, $0.number) < ($1.rank, $1.number) }.map(\.number)
                    #expect(Array(b.issues) == ranked, "\(label) \(a.column.id)")
                    #expect(b.issues.count == ranked.count, "\(label) \(a.column.id)")
                    #expect(Array(a.issues) == ranked, "\(label) \(a.column.id)")
                    #expect(b.staleCount == a.staleCount && b.waitingCount == a.waitingCount, "\(label) \(a.column.id)")
                }
            }
        }
    }
}
