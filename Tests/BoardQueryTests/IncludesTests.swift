import Testing
import BoardModel
import BoardQuery
import LanesTestSupport

/// `Query.includes`, one issue at a time (what `lanes list` decides index candidates with),
/// against `Query.run` over the whole board.
@Suite struct IncludesTests {
    let now = Timestamp(milliseconds: 1_780_000_000_000)

    @Test(arguments: [UInt64(1), 2, 3])
    func oneAtATimeEqualsTheWholeBoard(seed: UInt64) throws {
        let state = QueryWorkload.board(QueryWorkload.steps(seed: seed, count: 400, now: now), now: now)
        for text in QueryWorkload.queries {
            let query = try Query.parse(text, on: state, me: "ann", now: now, zone: .gmt)
            let all = state.issues.keys.sorted().compactMap { state.issues[$0] }
            let one = query.sort.apply(all.filter { query.includes($0, now: now) { state.issues[$0]?.isOpen == true } })
            #expect(one.map(\.number) == query.run(on: state, now: now).map(\.number), "\(text)")
        }
    }
}
