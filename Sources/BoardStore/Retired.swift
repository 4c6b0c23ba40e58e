import Dispatch

/// A value let go of on another core: freeing a whole folded board (a hundred thousand
/// issues, their strings and timelines) or a window of decoded events takes time that the
/// thread folding the log, or the command with its index built, need not spend.
package struct Retired<Value>: @unchecked Sendable {
    private var value: Value?

    /// Releases `value` on another thread: pass the last reference (`consume`), or it is freed
    /// wherever that one is released.
    package static func release(_ value: consuming Value) {
        let retired = Retired(value: consume value)
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(retired) {} }
    }
}
