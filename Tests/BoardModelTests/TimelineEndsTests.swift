import Testing
@testable import BoardModel
import LanesTestSupport

/// Each issue's timeline is found through its ends, kept by the issue's slot in the board's
/// table of issues: numbers created out of order, events interleaved, and a board holding some
/// issues without their timelines (what the on-disk index loads).
@Suite struct TimelineEndsTests {
    @Test func timelinesFollowEachIssueWhateverOrderTheyWereCreatedIn() {
        var factory = EventFactory()
        var state = BoardState(now: Timestamp(milliseconds: 1_800_000_000_000))
        for number in [7, 3, 12] {
            state.apply(factory.make(number, .created(title: "#\(number)", body: "", column: "todo", rank: 1, priority: .medium)))
        }
        for (number, title) in [(3, "a"), (12, "b"), (7, "c"), (3, "d")] { state.apply(factory.make(number, .retitled(title))) }
        func titles(_ number: Int) -> [String]? {
            state.timelines[number]?.map { event in
                switch event.kind {
                case .created(let title, _, _, _, _), .retitled(let title): title
                default: "?"
                }
            }
        }
        #expect(titles(7) == ["#7", "c"])
        #expect(titles(3) == ["#3", "a", "d"])
        #expect(titles(12) == ["#12", "b"])
        #expect(titles(4) == nil && titles(0) == nil && titles(99) == nil)
        #expect(state.timelineEnds[12]?.first == 2 && state.timelineEnds[12]?.last == 4)
    }

    @Test func anIssueHeldWithoutItsTimelineFoldsLaterEventsButChainsNone() {
        var factory = EventFactory()
        var whole = BoardState(now: Timestamp(milliseconds: 1_800_000_000_000))
        for number in [5, 8] {
            whole.apply(factory.make(number, .created(title: "#\(number)", body: "", column: "todo", rank: 1, priority: .medium)))
        }
        var partial = BoardState(columns: whole.columns, removedColumns: [:], highestNumber: 8, eventCount: 2, hiddenCount: 0,
                                 now: Timestamp(milliseconds: 1_800_000_000_000))
        partial.hold(whole.issues[8]!)
        partial.hold(whole.issues[5]!, timeline: whole.timelines[5])
        partial.apply(factory.make(8, .retitled("eight")))
        partial.apply(factory.make(5, .retitled("five")))
        #expect(partial.issues[8]?.title == "eight" && partial.issues[5]?.title == "five")
        #expect(partial.timelines[8] == nil)
        #expect(partial.timelines[5]?.count == 2)
        #expect(partial.timelines[5]?.last?.kind == .retitled("five"))
    }
}
