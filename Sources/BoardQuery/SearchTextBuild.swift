import Dispatch
import BoardModel

/// A `SearchText` being built on another thread, taken once it is done.
///
/// The `/` filter's first text key used to build the board's search text itself: 40–140 ms at
/// 100,000 issues, 0.5–2.4 s at a million (every title and description copied and folded, the
/// descriptions read back from the cache). Started when the `/` prompt opens
/// (`ProjectionCache.prepareSearchText`), the build runs on other threads while the person
/// types the first letter (each half of the texts on a core of its own: `SearchText.Copy`); a
/// key that comes sooner waits for it (`value`), so it is answered exactly as before, only sooner.
final class SearchTextBuild: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written by the building thread before `done` is signalled; read only after.
    private var built: SearchText?

    /// Starts building `state`'s text. The thread holds `state` (its issues shared, not copied)
    /// until it is done: a change of the board meanwhile would copy every issue, so whoever
    /// changes it takes the text first (`ProjectionCache.finishSearchText`).
    init(state: BoardState) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.built = SearchText(state: state)
            self.done.signal()
        }
    }

    /// The text; blocks until it is built. Called once.
    func value() -> SearchText {
        done.wait()
        defer { built = nil }
        return built!
    }
}
