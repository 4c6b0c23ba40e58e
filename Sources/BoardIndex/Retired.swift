import Dispatch

/// A whole folded board let go of on another core: freeing a hundred thousand issues, their
/// strings and timelines takes a tenth of a second that the command, its index built, need
/// not wait for.
struct Retired<Value: AnyObject>: @unchecked Sendable {
    private var value: Value?

    /// Releases `value` on another thread: pass the last reference (`consume`), or it is freed
    /// wherever that one is released.
    static func release(_ value: consuming Value) {
        let retired = Retired(value: consume value)
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(retired) {} }
    }
}
