import Dispatch

/// The checksums that decide whether a cache is believed, computed on another core while this
/// one decodes the cache: the cache's own bytes (its checksum, which the host's key seals) and
/// the first `offset` bytes of the log it claims to describe. Opening a big board from its cache
/// then costs about what the decode alone does, yet no byte of either goes unchecked, and
/// nothing decoded is used before both are known (`SnapshotFile.decode`).
final class CoverageCheck: @unchecked Sendable {
    struct Sums: Equatable {
        /// The checksum of the cache's bytes before its last 16 (nil if they could not be read).
        var cache: UInt64?
        /// The checksum of the covered log bytes (nil if the log could not be read).
        var log: UInt64?
    }

    private var value: Sums?
    private let finished = DispatchSemaphore(value: 0)
    private var result: Sums?

    /// Starts hashing the first `cacheCount` bytes of the cache open at `cacheFD`, then the
    /// log's first `offset`; both descriptors must stay open until `wait()` returns.
    ///
    /// Each through a mapping of its own whose pages are handed back as they are hashed, not
    /// through the decoder's: this thread runs ahead of the decoder, which hands back only the
    /// pages it has passed, so the whole cache (440 MB at a million issues) was resident at
    /// once at the start of the open, the board's peak.
    init(cacheFD: Int32, cacheCount: Int, cachePath: String, fd: Int32, offset: Int, path: String) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.value = Sums(cache: try? SnapshotFile.prefixHash(fd: cacheFD, offset: cacheCount, path: cachePath),
                              log: try? SnapshotFile.prefixHash(fd: fd, offset: offset, path: path))
            self.finished.signal()
        }
    }

    /// Both checksums; blocks until they are known.
    @discardableResult
    func wait() -> Sums {
        if let result { return result }
        finished.wait()
        result = value
        return value!
    }
}
