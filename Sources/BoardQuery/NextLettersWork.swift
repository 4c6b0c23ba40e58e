import Dispatch
import Synchronization

/// `SearchText.NextLetters` worked out on other threads while the session waits for a key.
///
/// A person types a key every 100–250 ms and a keystroke's answer takes a few tens: the rest
/// is idle. Started once a key is answered (`ProjectionCache.prepareNextKey`), the pass over
/// the buffer runs on both cores; the next key takes it if it is done (or nearly: it waits
/// then), else stops it, so that a pass of its own does not share the memory bandwidth with it.
final class NextLettersWork: @unchecked Sendable {
    let needle: [UInt8]
    /// The buffer searched: the letters are only good for this text (`===`).
    let bytes: SearchText.Bytes
    private let total: Int
    private let started = ContinuousClock.now
    private let stopping = Atomic<Bool>(false)
    private let read = Atomic<Int>(0)
    private let finished = Atomic<Bool>(false)
    private let done = DispatchSemaphore(value: 0)
    /// Written by the working thread before `finished` is set; read only after.
    private var result: SearchText.NextLetters?

    init(text: SearchText, needle: [UInt8]) {
        self.needle = needle
        bytes = text.bytes
        total = max(1, text.bytes.count)
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = text.nextLetters(after: needle) { read in
                self.read.add(read, ordering: .relaxed)
                return !self.stopping.load(ordering: .relaxed)
            }
            self.finished.store(true, ordering: .releasing)
            self.done.signal()
        }
    }

    /// Whether the letters will answer `pin` (`SearchText.NextLetters.answers`).
    func answers(_ pin: [UInt8]) -> Bool { SearchText.NextLetters.answers(pin, after: needle) }

    /// The letters, waiting for them if they are due within `patience`; nil (the work
    /// stopped) otherwise. Called by one thread at a time; once stopped, stays nil.
    func value(waitingUpTo patience: Duration) -> SearchText.NextLetters? {
        if !finished.load(ordering: .acquiring) {
            let read = self.read.load(ordering: .relaxed)
            // What is left at the pace so far.
            let left = read == 0 ? Duration.seconds(1) : (ContinuousClock.now - started) * Double(total - read) / Double(read)
            if left > patience { stopping.store(true, ordering: .relaxed) }
        }
        done.wait()
        done.signal() // for the next call
        return result
    }

    /// Stops the work and waits until it has stopped.
    func stop() {
        stopping.store(true, ordering: .relaxed)
        done.wait()
        done.signal()
    }
}
