import Testing
@testable import BoardModel
@testable import BoardQuery
import LanesTestSupport

/// The `/` filter typed a key at a time: each projection narrows the one before
/// (`narrowing:`), and when every term is answered beforehand its bits are set on both cores
/// (`BoardProjection.DecidedPlaces`, the earlier matches and waiting issues as the slots to
/// look at). Typed that way, with several words, negations, `is:blocked`, swimlanes and other
/// orders, on boards with closed, archived, deleted and snoozed issues and issues in a removed
/// column, every key must give what one core gives and what the definition gives.
@Suite struct DecidedPlacesNarrowingTests {
    static let typed = ["login in", "log -in a", "is:blocked log", "sort:updated 日本 x", "a1 -x is:blocked", "-is:blocked in"]

    /// A random board with every kind of issue the projection reads apart.
    static func board(_ random: inout SeededGenerator, issues: Int) throws -> BoardState {
        var state = try FilterNarrowingTests().randomBoard(&random, issues: issues)
        let at = ProjectedIssuesTests.at
        for number in 1...state.highestNumber where random.next() % 3 == 0 {
            let change: Change = [.close(number), .lifecycle(number, .archived), .lifecycle(number, .deleted),
                                  .snooze(number, CalendarDate(daysSinceEpoch: 30_000)), .snooze(number, CalendarDate(daysSinceEpoch: 1)),
                                  .move(number, to: "done"), .link(number, .blocks, 1 + Int(random.next() % UInt64(state.highestNumber))),
                                  .link(number, .blockedBy, 1 + Int(random.next() % UInt64(state.highestNumber)))][Int(random.next() % 8)]
            if let events = try? state.events(for: change, actor: "ann", at: Timestamp(milliseconds: at.milliseconds + Int64(number) * Timestamp.day)) {
                state.apply(events)
            }
        }
        // Issues sent into a column the board does not have (another writer's move into a column
        // removed meanwhile): the order's lane for a removed column.
        for number in stride(from: 2, through: state.highestNumber, by: 9) {
            state.apply(Event(id: .random(), at: at, actor: "bob", issue: number, kind: .moved(from: "backlog", to: "gone", rank: 1)))
        }
        return state
    }

    @Test(arguments: typed)
    func everyKeyTypedOnBothCoresGivesWhatOneCoreGives(_ filter: String) throws {
        var random = SeededGenerator(seed: 77)
        for round in 0..<6 {
            let state = try Self.board(&random, issues: 40 + round * 17)
            let now = Timestamp(milliseconds: ProjectedIssuesTests.at.milliseconds + 40 * Timestamp.day)
            let text = SearchText(state: state)
            for swimlanes in [Swimlanes.none, .label] {
                var one: BoardProjection?, both: BoardProjection?, earlier: Query?
                for length in 1...filter.count {
                    let typed = String(filter.prefix(length))
                    guard let query = try? Query.parse(typed, me: "ann", now: now) else { continue }
                    let places = OrderPlaces(IssueOrder(state: state, sort: query.sort))
                    let label = "round \(round) \(swimlanes) \"\(typed)\""
                    // Narrowing only what the earlier query holds, as the cache decides (`Query.narrows`).
                    let narrows = earlier.map { query.narrows($0) } ?? false
                    let a = BoardProjection(state: state, query: query, now: now, swimlanes: swimlanes, order: places, searchText: text,
                                            narrowing: narrows ? one : nil, twoCoresFrom: .max)
                    let b = BoardProjection(state: state, query: query, now: now, swimlanes: swimlanes, order: places, searchText: text,
                                            narrowing: narrows ? both : nil, twoCoresFrom: 0)
                    let plain = BoardProjection(state: state, query: query, now: now, swimlanes: swimlanes, order: places,
                                                searchText: text, twoCoresFrom: .max)
                    let list = query.run(on: state, now: now).map(\.number)
                    #expect(Array(plain.list) == list, "\(label): the plain projection")
                    #expect(Array(a.list) == list, "\(label): one core")
                    #expect(Array(b.list) == list, "\(label): both cores")
                    #expect(b.waitingMatches.sorted() == plain.waitingMatches.sorted() && a.waitingMatches.sorted() == plain.waitingMatches.sorted(),
                            "\(label)")
                    #expect(b.bands == plain.bands, "\(label)")
                    for (lane, (x, y)) in zip(plain.lanes, zip(a.lanes, b.lanes)) {
                        #expect(Array(x.issues) == Array(lane.issues) && Array(y.issues) == Array(lane.issues), "\(label) \(lane.column.id)")
                        #expect(x.byBand == lane.byBand && y.byBand == lane.byBand, "\(label) \(lane.column.id)")
                        #expect(x.staleCount == lane.staleCount && y.staleCount == lane.staleCount, "\(label) \(lane.column.id) stale")
                        #expect(x.waitingCount == lane.waitingCount && y.waitingCount == lane.waitingCount, "\(label) \(lane.column.id) waiting")
                    }
                    (one, both, earlier) = (a, b, query)
                }
            }
        }
    }
}
