#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// Whether the text's UTF-8 holds `byte`, scanned over its contiguous bytes with `memchr`:
    /// the fold asks it of every comment and description (is there an `@` at all?), and
    /// `utf8.contains` stepped an index through the view byte by byte (a tenth of the fold's
    /// time), a loop over the buffer still a twentieth.
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.firstIndex(ofByte: byte, from: 0) != nil } ?? utf8.contains(byte)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The first index at or after `start` holding `byte` (`memchr`, which reads many bytes a step).
    package func firstIndex(ofByte byte: UInt8, from start: Int) -> Int? {
        guard let base = baseAddress, start < count, let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
