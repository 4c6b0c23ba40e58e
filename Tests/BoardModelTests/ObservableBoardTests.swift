import Observation
import Testing
@testable import BoardModel

@Suite struct ObservableBoardTests {
    final class Flag: @unchecked Sendable { var fired = false }

    /// Views that read the board through Observation hear about every applied batch once.
    @Test func applyingEventsNotifiesObservers() throws {
        let model = ObservableBoard(state: BoardState())
        let flag = Flag()
        withObservationTracking {
            _ = model.state.issues.count
        } onChange: {
            flag.fired = true
        }
        let events = try model.state.events(for: .create(title: "observed"), actor: "ann", at: .now)
        model.apply(events)
        #expect(flag.fired)
        #expect(model.state.issues[1]?.title == "observed")
        #expect(model.version == 1)
    }
}
