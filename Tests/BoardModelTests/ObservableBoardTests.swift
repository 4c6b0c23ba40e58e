import Observation
import Testing
@testable import BoardModel
import LanesTestSupport

@Suite struct ObservableBoardTests {
    final class Flag: @unchecked Sendable { var fired = 0 }

    static let now = Timestamp(milliseconds: 1_780_000_000_000)

    /// Views that read the board through Observation hear about every applied batch once.
    @Test func applyingEventsNotifiesObservers() throws {
        let model = ObservableBoard(state: BoardState())
        let flag = Flag()
        withObservationTracking {
            _ = model.state.issues.count
        } onChange: {
            flag.fired += 1
        }
        let events = try model.state.events(for: .create(title: "observed"), actor: "ann", at: .now)
        model.apply(events)
        #expect(flag.fired == 1)
        #expect(model.state.issues[1]?.title == "observed")
        #expect(model.version == 1)
    }

    /// Derived structures update from the issues each version changed, whoever changed them;
    /// across a reload (`replace`) or a change of columns nothing is known.
    @Test func changedIssuesAcrossApplyAndReplace() throws {
        let model = ObservableBoard(state: try board([.create(title: "a"), .create(title: "b"), .create(title: "c")]))
        let start = model.version
        #expect(model.changedIssues(since: start) == [])
        model.apply(try model.state.events(for: .move(2, to: "doing"), actor: "ann", at: Self.now))
        #expect(model.changedIssues(since: start) == [2])
        #expect(model.lastOrigin == .thisProcess)
        var others = try model.state.events(for: .retitle(3, "c2"), actor: "bob", at: Self.now)
        var next = model.state
        next.apply(others)
        others += try next.events(for: .create(title: "d"), actor: "bob", at: Self.now)
        model.apply(others, origin: .otherWriters)
        #expect(model.version == start + 2, "one version per batch")
        #expect(model.lastOrigin == .otherWriters)
        #expect(model.changedIssues(since: start) == [2, 3, 4], "others' writes count too")
        #expect(model.changedIssues(since: start + 1) == [3, 4])
        #expect(model.changedIssues(since: model.version + 1) == nil, "a version not reached yet")
        model.apply([])
        #expect(model.version == start + 2, "no events, no version")

        let beforeColumns = model.version
        model.apply([Event(id: .random(), at: Self.now, actor: "ann", issue: 0, kind: .columns(Column.defaults))])
        #expect(model.changedIssues(since: beforeColumns) == nil, "new columns change every issue's place")

        model.replace(with: try board([.create(title: "fresh")]))
        #expect(model.lastOrigin == .reload)
        #expect(model.state.issues.count == 1)
        #expect(model.changedIssues(since: start) == nil, "nothing is known across a reload")
        let afterReplace = model.version
        #expect(model.changedIssues(since: afterReplace) == [])
        for n in 0..<70 { model.apply(try model.state.events(for: .comment(1, "c\(n)"), actor: "ann", at: Self.now)) }
        #expect(model.changedIssues(since: afterReplace) == nil, "older than the versions kept")
        #expect(model.changedIssues(since: model.version - 3) == [1])
    }

    /// `update` changes the board where it lies (a copy of 100,000 issues per keystroke is what
    /// it exists to prevent), makes one version per batch, tells version observers once, and
    /// tells them nothing when no event came of it (an idle look at the log).
    @Test func updateMutatesInPlaceAndNotifiesOnce() throws {
        let model = ObservableBoard(state: try board([.create(title: "a"), .create(title: "b")]))
        let storage = model.state.issues.withValues { $0.baseAddress }
        let flag = Flag()
        withObservationTracking {
            _ = model.version
        } onChange: {
            flag.fired += 1
        }
        let nothing = try model.update(origin: .otherWriters) { _ throws(BoardError) in [] }
        #expect(nothing.isEmpty && flag.fired == 0 && model.version == 0)

        let events = try model.update(origin: .thisProcess) { state throws(BoardError) in
            var events: [Event] = []
            for change in [Change.retitle(1, "renamed"), .move(1, to: "doing"), .retitle(2, "also")] {
                let batch = try state.events(for: change, actor: "ann", at: Self.now)
                state.apply(batch)
                events += batch
            }
            return events
        }
        #expect(events.count == 3)
        #expect(flag.fired == 1)
        #expect(model.version == 1 && model.lastOrigin == .thisProcess)
        #expect(model.state.issues[1]?.title == "renamed" && model.state.issues[1]?.column == "doing")
        #expect(model.state.issues.withValues { $0.baseAddress } == storage, "the issues were changed in place, not copied")

        #expect(throws: BoardError.self) {
            try model.update(origin: .thisProcess) { state throws(BoardError) in
                try state.events(for: .retitle(99, "no such issue"), actor: "ann", at: Self.now)
            }
        }
        #expect(model.version == 1, "a failed update makes no version")
    }
}
