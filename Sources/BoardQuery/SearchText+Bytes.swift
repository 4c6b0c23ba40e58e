#if canImport(Glibc)
import Glibc
#endif

extension SearchText {
    /// The buffer of every text, written as each text is copied in and sealed once all are.
    ///
    /// Each text is read once: sizing the buffer by reading every title and description first
    /// read them twice, and at a million issues each read of a description is a read back from
    /// the cache (`IssueBody`). Built on one core, it grows by `realloc`, which moves a buffer
    /// this large by remapping its pages, not by copying them (an array grown by appending
    /// copied and faulted in about twice the text). Built on both, it is made at its size from
    /// the texts' lengths (which need no text read) and each core writes its part (`Copy`).
    /// Written only while the search text is built; read only after.
    final class Bytes: @unchecked Sendable {
        private var base: UnsafeMutablePointer<UInt8>
        private(set) var count = 0
        private var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 1 << 12)
            base = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
        }

        deinit { free(base) }

        /// Makes room for `total` bytes; only while a single thread writes.
        func reserve(_ total: Int) {
            guard total > capacity else { return }
            capacity = max(2 * capacity, total)
            base = realloc(base, capacity)!.assumingMemoryBound(to: UInt8.self)
        }

        /// Writes `text` with ASCII capitals folded at `position`, then a 0 byte, in room made
        /// already; returns the `letterBits` of its bytes. Threads writing apart may write at once.
        func writeFolded(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> UInt64 {
            let held = SearchText.fold(text, into: base + position)
            base[position + text.count] = 0
            return held
        }

        /// Ends the buffer after its first `count` bytes and gives back the room never written.
        func seal(count: Int) {
            self.count = count
            capacity = max(count, 1)
            base = realloc(base, capacity)!.assumingMemoryBound(to: UInt8.self)
        }

        func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
            try body(UnsafeBufferPointer(start: base, count: count))
        }
    }
}
