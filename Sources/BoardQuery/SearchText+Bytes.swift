#if canImport(Glibc)
import Glibc
#endif

extension SearchText {
    /// The buffer of every text, grown as each text is copied in and sealed once all are.
    ///
    /// Copied in one pass over the texts: sizing the buffer first read every title and
    /// description twice, and at a million issues each read of a description is a read back
    /// from the cache and a check of its UTF-8 (`IssueBody`). It grows by `realloc`, which
    /// moves a buffer this large by remapping its pages, not by copying them (an array grown by
    /// appending copied and faulted in about twice the text). Written only while the search
    /// text is built; read only after.
    final class Bytes: @unchecked Sendable {
        private var base: UnsafeMutablePointer<UInt8>
        private(set) var count = 0
        private var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 1 << 12)
            base = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
        }

        deinit { free(base) }

        /// Appends `text` with ASCII capitals folded, then a 0 byte; returns the `letterBits`
        /// of its bytes.
        func appendFolded(_ text: String) -> UInt64 {
            var text = text
            return text.withUTF8 { source in
                reserve(source.count + 1)
                let held = SearchText.fold(source, into: base + count)
                base[count + source.count] = 0
                count += source.count + 1
                return held
            }
        }

        /// Gives back the room never written.
        func seal() {
            capacity = max(count, 1)
            base = realloc(base, capacity)!.assumingMemoryBound(to: UInt8.self)
        }

        func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
            try body(UnsafeBufferPointer(start: base, count: count))
        }

        private func reserve(_ more: Int) {
            guard count + more > capacity else { return }
            capacity = max(2 * capacity, count + more)
            base = realloc(base, capacity)!.assumingMemoryBound(to: UInt8.self)
        }
    }
}
