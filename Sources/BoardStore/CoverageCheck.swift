import Dispatch
import Synchronization

/// The checksums that decide whether a cache is believed, computed on another core while this
/// one decodes the cache: the cache's own bytes (its checksum, which the host's key seals) and
/// the first `offset` bytes of the log it claims to describe. Opening a big board from its cache
/// then costs about what the decode alone does, yet no byte of either goes unchecked, and
/// nothing decoded is used before both are known (`SnapshotFile.decode`).
final class CoverageCheck: @unchecked Sendable {
    struct Sums: Equatable {
        /// The checksum of the cache's bytes before its last 16.
        var cache: UInt64
        /// The checksum of the covered log bytes (nil if the log could not be read).
        var log: UInt64?
    }

    /// How many bytes of the cache have been checksummed so far: the decoder hands back the
    /// mapped pages it has read only once they are checked too.
    private let cacheChecked = Atomic<Int>(0)
    private var value: Sums?
    private let finished = DispatchSemaphore(value: 0)
    private var result: Sums?

    /// Starts hashing `cache` and then the log; `cache` must stay mapped and `fd` open until
    /// `wait()` returns.
    init(cache: UnsafeRawBufferPointer, fd: Int32, offset: Int, path: String) {
        // The address crosses to the other thread as a number: the caller keeps it valid.
        let (start, count) = (UInt(bitPattern: cache.baseAddress), cache.count)
        DispatchQueue.global(qos: .userInitiated).async {
            let cache = UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: start), count: count)
            var checksum = SnapshotChecksum()
            let step = SnapshotChecksum.blockSize << 15 // 1 MB
            for at in stride(from: 0, to: count, by: step) {
                let end = min(count, at + step)
                checksum.add(UnsafeRawBufferPointer(rebasing: cache[at..<end]))
                self.cacheChecked.store(end, ordering: .releasing)
            }
            self.value = Sums(cache: checksum.value, log: try? SnapshotFile.prefixHash(fd: fd, offset: offset, path: path))
            self.finished.signal()
        }
    }

    /// The bytes at the start of the cache checksummed so far.
    var cacheBytesChecked: Int { cacheChecked.load(ordering: .acquiring) }

    /// Both checksums; blocks until they are known.
    @discardableResult
    func wait() -> Sums {
        if let result { return result }
        finished.wait()
        result = value
        return value!
    }
}
