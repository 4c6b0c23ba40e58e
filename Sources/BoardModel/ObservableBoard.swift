import Observation

/// The observable board that views watch: a `BoardState` plus a change counter.
///
/// Folding happens on the plain `BoardState` value (fast, no observation overhead per event);
/// this wrapper publishes each batch once, so a view re-renders once per batch, not per event.
@Observable
public final class ObservableBoard {
    public private(set) var state: BoardState
    /// Increases with every applied batch; cheap for views to compare.
    public private(set) var version = 0

    public init(state: BoardState) {
        self.state = state
    }

    public func apply(_ events: [Event]) {
        guard !events.isEmpty else { return }
        state.apply(events)
        version += 1
    }
}
