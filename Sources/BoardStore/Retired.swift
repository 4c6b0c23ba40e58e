import Dispatch

/// A value let go of on another core: freeing a whole folded board (a hundred thousand
/// issues, their strings and timelines) or a window of decoded events takes time that the
/// thread folding the log, or the command with its index built, need not spend.
package enum Retired {
    /// Releases `value` on another thread: pass the last reference (`consume`), or it is freed
    /// wherever that one is released. The other thread takes it out of a box this one only
    /// lends: a value the closure merely captured was freed by whichever thread let go of it
    /// last, often this one (the board at 100,000 issues: 0.1 s).
    package static func release<Value>(_ value: consuming Value) {
        let box = Box(consume value)
        DispatchQueue.global(qos: .utility).async { box.value = nil }
    }

    private final class Box<Value>: @unchecked Sendable {
        var value: Value?
        init(_ value: consuming Value) { self.value = consume value }
    }
}
