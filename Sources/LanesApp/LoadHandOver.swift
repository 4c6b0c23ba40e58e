import Dispatch
import Screen

/// The board's whole load on another thread while this one answers keys from the first screen
/// (`FirstScreen.answer`), then the hand-over to the session: the keys typed meanwhile, in the
/// order they were typed, for `BoardSession.handle` (the moves already answered are made again
/// on the whole board, which has the same first cards; the others are done there for the first
/// time). Before, a key typed after the first frame waited for the whole load (0.4 s at
/// 100,000 issues, 5 s at a million).
public enum LoadHandOver {
    /// What the load gave, and the keys for the session; or nil if a key quit meanwhile (the
    /// load is left unfinished: it only reads, and the process ends).
    public static func load<Loaded>(_ body: @escaping () throws -> Loaded, answering first: FirstScreen,
                                    on screen: TerminalScreen) throws -> (loaded: Loaded, keys: [Key])? {
        let load = BackgroundLoad(body)
        var first = first
        var typed: [Key] = []
        var answering = true
        while !load.isDone {
            guard let key = screen.nextKey(timeoutMilliseconds: pollMilliseconds) else { continue }
            switch answering ? first.answer(key) : .waits {
            case .quit:
                return nil
            case .moved:
                typed.append(key)
            case .waits:
                // This key and every later one are the session's, in order.
                answering = false
                typed.append(key)
                first.noteReading()
            }
            // After a resize the session draws the next frame, at the new size.
            if screen.size == (first.layout.width, first.layout.height) { screen.present(first.frame()) }
        }
        return (try load.result(), typed)
    }

    /// How often the key loop looks whether the load is done when no key comes.
    static let pollMilliseconds = 10
}

/// One call of `body` on another thread, its result taken once it is done.
private final class BackgroundLoad<Loaded>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written by the loading thread before `done` is signalled; read after.
    private var outcome: Result<Loaded, any Error>?
    private var finished = false

    init(_ body: @escaping () throws -> Loaded) {
        let run = UncheckedSendable(body)
        DispatchQueue.global(qos: .userInitiated).async {
            self.outcome = Result { try run.value() }
            self.done.signal()
        }
    }

    var isDone: Bool {
        if finished { return true }
        finished = done.wait(timeout: .now()) == .success
        return finished
    }

    func result() throws -> Loaded {
        if !finished { done.wait() }
        finished = true
        return try outcome!.get()
    }
}

/// A closure handed to the loading thread: it runs there alone, and this thread only reads its
/// result after the semaphore says it is done.
private struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
