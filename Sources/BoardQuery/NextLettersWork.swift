import Dispatch
import Synchronization

/// `SearchText.NextLetters` worked out on other threads while the session waits for a key.
///
/// A person types a key every 100–250 ms and a keystroke's answer takes a few tens: the rest
/// is idle. Started once a key is answered (`ProjectionCache.prepareNextKey`), the pass over
/// the buffer runs on both cores; the next key takes it if it is done (or nearly: it waits
/// then), else stops it, so that a pass of its own does not share the memory bandwidth with it.
/// The pass begins only after `delay`: keys that come back to back (a paste, a fast typist's
/// burst, a script) then stop work that never began, instead of sharing both cores with it
/// (their keys took 5–15 ms longer at a million issues when it began at once).
final class NextLettersWork: @unchecked Sendable {
    /// How long the session must have waited for a key before the pass begins.
    static let delay = DispatchTimeInterval.milliseconds(20)
    let needle: [UInt8]
    /// The buffer searched: the letters are only good for this text (`===`).
    let bytes: SearchText.Bytes
    private let total: Int
    private let started = ContinuousClock.now
    /// 0 until the pass begins, 1 once it has, 2 if it was stopped before it began.
    private let phase = Atomic<Int>(0)
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
        DispatchQueue.global(qos: .userInitiated).asyncAfter(deadline: .now() + NextLettersWork.delay) {
            guard self.phase.compareExchange(expected: 0, desired: 1, ordering: .acquiringAndReleasing).exchanged else { return }
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
        // Not begun: due in more than a second, as a pass that has read nothing yet. Stopped
        // before it began: it never will, so nothing is waited for.
        if patience < .seconds(1) ? stoppedBeforeItBegan() : phase.load(ordering: .acquiring) == 2 { return nil }
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
        if stoppedBeforeItBegan() { return }
        stopping.store(true, ordering: .relaxed)
        done.wait()
        done.signal()
    }

    /// Stops the pass if it has not begun (it then never will, and nobody waits for it);
    /// whether it had not.
    private func stoppedBeforeItBegan() -> Bool {
        phase.compareExchange(expected: 0, desired: 2, ordering: .acquiringAndReleasing).exchanged
            || phase.load(ordering: .acquiring) == 2
    }
}
