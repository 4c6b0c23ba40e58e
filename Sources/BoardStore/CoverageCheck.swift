import Dispatch

/// The checksum of the first `offset` bytes of a log, computed on another core while this one
/// decodes the cache that claims to describe them: opening a big board from its cache then
/// costs about what it did when only the two ends were checked, yet no byte goes unchecked.
final class CoverageCheck: @unchecked Sendable {
    private var value: UInt64?
    private let finished = DispatchSemaphore(value: 0)
    private var result: UInt64??

    /// Starts hashing; `fd` must stay open until `wait()` returns.
    init(fd: Int32, offset: Int, path: String) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.value = try? SnapshotFile.prefixHash(fd: fd, offset: offset, path: path)
            self.finished.signal()
        }
    }

    /// The checksum (nil if the log could not be read); blocks until it is known.
    @discardableResult
    func wait() -> UInt64? {
        if let result { return result }
        finished.wait()
        result = .some(value)
        return value
    }
}
