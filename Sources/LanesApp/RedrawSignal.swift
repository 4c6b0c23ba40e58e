import Synchronization

/// A flag the board's observation raises when the board changes, and the run loop takes down
/// when it draws.
///
/// Observation calls back inside the change (on willSet), possibly from another thread in
/// principle, so the callback may only raise a Sendable flag; the loop decides what to draw.
/// Raised also means "not observing": the observation fires once, so the loop arms it again
/// whenever it takes the flag down (`BoardSession.draw`), and never arms it twice.
final class RedrawSignal: Sendable {
    private let raised = Mutex(true)

    /// The board changed.
    func raise() {
        raised.withLock { $0 = true }
    }

    /// Whether the board changed since the flag was last taken down.
    var isRaised: Bool {
        raised.withLock { $0 }
    }

    /// Takes the flag down; returns whether it was raised.
    func take() -> Bool {
        raised.withLock { raised in
            defer { raised = false }
            return raised
        }
    }
}
