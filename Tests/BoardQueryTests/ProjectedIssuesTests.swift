import Foundation
import Testing
@testable import BoardModel
@testable import BoardQuery
import LanesTestSupport

/// A projection keeps its matches as bits at their places in the board's orders; every question
/// the views and the reducer ask of a lane or the list (count, n-th card, a number's index,
/// whether it is there, the cards in order) must give what the definition gives: the issues
/// the query matches, each column's by rank, the list in the query's sort.
@Suite struct ProjectedIssuesTests {
    static let at = Timestamp(milliseconds: 1_780_000_000_000)

    @Test func placeSetAnswersLikeASortedArray() {
        var random = SeededGenerator(seed: 31)
        for round in 0..<100 {
            let places = Int(random.next() % 300)
            let density = random.next() % 6
            let kept = (0..<places).filter { _ in random.next() % 5 < density }
            var set = PlaceSet(places: places)
            set.inserting { keep in kept.shuffled(using: &random).forEach { keep($0) } }
            set.seal()
            #expect(set.count == kept.count, "round \(round)")
            for place in 0...places { #expect(set.rank(place) == kept.count { $0 < place }, "round \(round) rank \(place)") }
            for (rank, place) in kept.enumerated() { #expect(set.place(ofRank: rank) == place, "round \(round) place of \(rank)") }
            for place in -1...places { #expect(set.contains(place) == kept.contains(place), "round \(round) \(place)") }
            let low = places == 0 ? 0 : Int(random.next() % UInt64(places)), high = low + Int(random.next() % UInt64(places - low + 1))
            #expect(set.places(in: low..<high) == kept.filter { (low..<high).contains($0) }, "round \(round) \(low)..<\(high)")
        }
    }

    @Test(arguments: ["", "log", "login", "-login", "label:ui", "is:open in", "sort:updated a1", "sort:id-desc x", "assignee:bob", "is:closed"])
    func lanesAndListEqualTheirDefinition(_ filter: String) throws {
        var random = SeededGenerator(seed: 32)
        for round in 0..<12 {
            var state = try FilterNarrowingTests().randomBoard(&random, issues: 40 + round * 7)
            // Closed, archived and snoozed issues, and moves that change ranks.
            for number in 1...state.highestNumber where random.next() % 5 == 0 {
                let change: Change = [.close(number), .lifecycle(number, .archived), .snooze(number, CalendarDate(daysSinceEpoch: 30_000)),
                                      .move(number, to: "todo")][Int(random.next() % 4)]
                if let events = try? state.events(for: change, actor: "ann", at: Timestamp(milliseconds: Self.at.milliseconds + Int64(number) * Timestamp.day)) {
                    state.apply(events)
                }
            }
            let now = Timestamp(milliseconds: Self.at.milliseconds + 40 * Timestamp.day)
            let query = try Query.parse(filter, me: "ann", now: Self.at)
            let projection = BoardProjection(state: state, query: query, now: now, searchText: round % 2 == 0 ? SearchText(state: state) : nil)
            let matching = state.issues.values.filter { query.matches($0, now: now) }
            let list = query.run(on: state, now: now).map(\.number)
            expectSame(projection.list, list, numbers: state.highestNumber, "round \(round) list")
            #expect(projection.matching == list.count)
            for lane in projection.lanes {
                let ranked = matching.filter { $0.column == lane.column.id }.sorted { ($0.rank, $0.number) < ($1.rank, $1.number) }
                expectSame(lane.issues, ranked.map(\.number), numbers: state.highestNumber, "round \(round) \(lane.column.id)")
                let staleBefore = now.milliseconds - 14 * Timestamp.day
                #expect(lane.staleCount == ranked.count { $0.state == .open && $0.updated.milliseconds < staleBefore }, "round \(round) \(lane.column.id)")
            }
        }
    }

    /// Every question asked of `issues` answered as `expected`, an array, answers it.
    func expectSame(_ issues: ProjectedIssues, _ expected: [Int], numbers: Int, _ comment: String) {
        #expect(Array(issues) == expected, "\(comment)")
        #expect(issues.count == expected.count && issues.isEmpty == expected.isEmpty, "\(comment)")
        for index in expected.indices { #expect(issues[index] == expected[index], "\(comment) [\(index)]") }
        for number in 0...(numbers + 1) {
            #expect(issues.firstIndex(of: number) == expected.firstIndex(of: number), "\(comment) index of #\(number)")
            #expect(issues.contains(number) == expected.contains(number), "\(comment) contains #\(number)")
        }
        #expect(issues.first == expected.first && issues.last == expected.last, "\(comment)")
    }
}
