import Testing
@testable import BoardModel
@testable import BoardQuery
import LanesTestSupport

/// A band's count is what `lanes list` gives for the same query: an issue with several assignees
/// or labels is in every band it belongs to.
@Suite struct SwimlaneCountTests {
    static let users = ["ann", "bob", "cy", "dee"], labels = ["ui", "bug", "backend"]

    func randomBoard(seed: UInt64) throws -> BoardState {
        var random = SeededGenerator(seed: seed)
        func some(_ values: [String]) -> [String] { values.filter { _ in random.next() % 3 == 0 } }
        return try board((1...70).map { n in
            .create(title: "issue \(n)", column: ["backlog", "todo", "doing"][n % 3], labels: some(SwimlaneCountTests.labels),
                    assignees: some(SwimlaneCountTests.users), priority: Priority.allCases[n % Priority.allCases.count])
        })
    }

    /// What `lanes list FILTER` plus the band's own term matches.
    func listed(_ state: BoardState, _ filter: String, band: String, grouping: Swimlanes) throws -> Int {
        let all = BoardProjection(state: state, query: try Query.parse(filter, me: "ann")).list
        return all.filter { number in
            let issue = state.issues[number]!
            switch (grouping, band) {
            case (.assignee, "unassigned"): return issue.assignees.isEmpty
            case (.assignee, _): return issue.assignees.contains(String(band.dropFirst()))
            case (.label, "no label"): return issue.labels.isEmpty
            case (.label, _): return issue.labels.contains(band)
            default: return issue.priority.rawValue == band
            }
        }.count
    }

    @Test(arguments: [Swimlanes.assignee, .label, .priority])
    func everyBandCountsWhatTheListCounts(_ grouping: Swimlanes) throws {
        let state = try randomBoard(seed: 5)
        for filter in ["", "label:ui", "assignee:bob", "is:open column:todo"] {
            let projection = BoardProjection(state: state, query: try Query.parse(filter, me: "ann"), swimlanes: grouping)
            #expect(!projection.bands.isEmpty)
            for (index, band) in projection.bands.enumerated() {
                let count = projection.lanes.reduce(0) { $0 + $1.byBand[index].count }
                #expect(count == (try listed(state, filter, band: band, grouping: grouping)), "\(grouping) band \(band) with /\(filter)")
            }
            for lane in projection.lanes {
                // The header's count and the cursor walk each issue once.
                let column = BoardProjection(state: state, query: try Query.parse(filter + " column:\(lane.column.id)", me: "ann"))
                #expect(Array(lane.issues) == Array(Set(lane.issues)).sorted { lane.issues.firstIndex(of: $0)! < lane.issues.firstIndex(of: $1)! })
                #expect(lane.issues.count == column.matching, "\(grouping) \(lane.column.id) with /\(filter)")
                #expect(Set(lane.byBand.joined()) == Set(lane.issues))
            }
        }
    }

    @Test func anIssueWithThreeAssigneesIsInEachOfTheirBands() throws {
        let state = try board([.create(title: "shared", column: "todo", assignees: ["ann", "bob", "cy"]),
                               .create(title: "bob's", column: "todo", assignees: ["bob"])])
        let projection = BoardProjection(state: state, query: .everything, swimlanes: .assignee)
        #expect(projection.bands == ["@ann", "@bob", "@cy"])
        let todo = projection.lanes.first { $0.column.id == "todo" }!
        #expect(todo.byBand == [[1], [1, 2], [1]])
        #expect(todo.issues == [1, 2])
    }

    /// Kept per board version: after assigning and unassigning several people, the updated
    /// index groups exactly as a fresh one.
    @Test func theIndexKeptPerVersionEqualsAFreshOne() throws {
        var state = try randomBoard(seed: 9)
        var random = SeededGenerator(seed: 3)
        var indexes = [Swimlanes.assignee, .label].map { BandIndex(state: state, swimlanes: $0) }
        for round in 0..<40 {
            let number = 1 + Int(random.next() % UInt64(state.highestNumber))
            let users = SwimlaneCountTests.users.filter { _ in random.next() % 2 == 0 }
            let labels = SwimlaneCountTests.labels.filter { _ in random.next() % 2 == 0 }
            let change: Change = [.assign(number, users), .unassign(number, users),
                                  .label(number, add: labels, remove: SwimlaneCountTests.labels.filter { !labels.contains($0) }),
                                  .create(title: "new", assignees: users)][round % 4]
            guard let events = try? state.events(for: change, actor: "ann", at: Timestamp(milliseconds: 1_780_000_000_000 + Int64(round))) else { continue }
            state.apply(events)
            indexes = indexes.map { $0.updating(Set(events.map(\.issue)), in: state) }
            for index in indexes {
                let fresh = BoardProjection(state: state, query: .everything, swimlanes: index.swimlanes)
                let kept = BoardProjection(state: state, query: .everything, swimlanes: index.swimlanes, bands: index)
                #expect(kept.bands == fresh.bands && kept.lanes.map(\.byBand) == fresh.lanes.map(\.byBand), "round \(round)")
                #expect(kept.lanes.map(\.issues) == fresh.lanes.map(\.issues), "round \(round)")
            }
        }
    }
}
