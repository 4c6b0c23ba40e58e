#if canImport(Glibc)
import Glibc
#endif
import BoardModel

/// Writes the snapshot file's encoding: variable-length integers (LEB128) for counts, lengths
/// and numbers, fixed eight bytes for ids and doubles, and plain arrays for the per-event
/// tables. A cache private to one machine, so plain and fast beats portable; arrays are
/// copied in the machine's byte order, which the file's header checks.
///
/// With a `flush` sink the bytes are handed over in pieces as they grow, so writing the
/// snapshot of a big board never holds the whole file in memory.
public struct SnapshotWriter {
    public private(set) var bytes: [UInt8] = []
    private let flushAt: Int
    private let flush: ((inout [UInt8]) -> Void)?

    /// `flush` is called with the buffer whenever it holds `flushAt` bytes or more; it takes
    /// what it writes out of the buffer.
    public init(flushAt: Int = 1 << 20, flush: ((inout [UInt8]) -> Void)? = nil) {
        self.flushAt = flushAt
        self.flush = flush
    }

    public mutating func int(_ value: Int) { int(Int64(value)) }
    /// Zigzag, so small negative numbers stay short too.
    public mutating func int(_ value: Int64) { unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }
    public mutating func fixed(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        flushIfFull()
    }
    public mutating func double(_ value: Double) { fixed(value.bitPattern) }
    public mutating func string(_ value: String) {
        unsigned(UInt64(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
        flushIfFull()
    }
    public mutating func strings(_ values: [String]) {
        unsigned(UInt64(values.count))
        for value in values { string(value) }
    }
    public mutating func int32s(_ values: [Int32]) { array(values) }
    public mutating func int64s(_ values: [Int64]) { array(values) }

    private mutating func array<T>(_ values: [T]) {
        unsigned(UInt64(values.count))
        values.withUnsafeBytes { raw in
            var start = 0
            while start < raw.count {
                let end = min(raw.count, start + flushAt)
                bytes.append(contentsOf: raw[start..<end])
                flushIfFull()
                start = end
            }
        }
    }

    private mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
        flushIfFull()
    }

    private mutating func flushIfFull() {
        if bytes.count >= flushAt, let flush { flush(&bytes) }
    }
}

/// Reads what `SnapshotWriter` wrote. Every read is bounds-checked and every count is checked
/// against the bytes left: a damaged or hostile cache file is an error, never a crash.
public struct SnapshotReader {
    public struct Damaged: Error {}

    let bytes: UnsafeRawBufferPointer
    public private(set) var position = 0
    /// Told how far the reader has read, now and then (`passedOnward`), when `bytes` is a
    /// mapped file whose pages behind the reader can be handed back.
    var passed: ((Int) -> Void)?
    /// Set while a whole board is decoded: equal name lists are read as one array (`sharedStrings`).
    var sharedLists: SharedStringLists?
    /// Set while a board is decoded from its cache file (whose offsets `position` counts):
    /// titles and descriptions are left in the file (`text`).
    var texts: StoredTexts?
    /// Set while a board is decoded from its cache file: the file, whose per-event arrays (line
    /// starts, timeline links) are left in it (`lineStarts`, `timelineLinks`).
    var file: (fd: Int32, path: String)?

    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Says how far the reader has got (see `passed`): a long decode calls it between items.
    func passedOnward() { passed?(position) }

    public var isAtEnd: Bool { position == bytes.count }
    /// Bytes not read yet: what bounds a count before anything is reserved for it.
    var remaining: Int { bytes.count - position }

    public mutating func int() throws(Damaged) -> Int64 {
        let raw = try unsigned()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }
    /// A number written with `int`, which must be a count or index: 0 ... `limit`.
    public mutating func count(atMost limit: Int) throws(Damaged) -> Int {
        let value = try int()
        guard value >= 0, value <= Int64(limit) else { throw Damaged() }
        return Int(value)
    }
    public mutating func fixed() throws(Damaged) -> UInt64 {
        guard bytes.count - position >= 8 else { throw Damaged() }
        defer { position += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }
    public mutating func double() throws(Damaged) -> Double { Double(bitPattern: try fixed()) }
    /// A count of things of `size` bytes each that must all fit in the bytes left.
    mutating func count(ofItemsSized size: Int) throws(Damaged) -> Int {
        let value = try unsigned()
        guard value <= UInt64((bytes.count - position) / size) else { throw Damaged() }
        return Int(value)
    }
    public mutating func string() throws(Damaged) -> String {
        let length = try count(ofItemsSized: 1)
        defer { position += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<(position + length)]), as: UTF8.self)
    }
    public mutating func strings() throws(Damaged) -> [String] {
        let count = try count(ofItemsSized: 1) // each string takes at least its length byte
        // Most lists in an issue are empty (its reporters, its snooze's author…), and reserving
        // room for none still allocated an array: six times an issue, 100,000 issues.
        guard count > 0 else { return [] }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }
    /// A string `SnapshotWriter.string` wrote, as a title or description: while `texts` is set,
    /// one too long to be a small string (which costs no allocation) is left in the file, by its span.
    mutating func text() throws(Damaged) -> IssueBody {
        let start = position
        let length = try count(ofItemsSized: 1)
        if let texts, length > 15, let span = StoredTexts.span(offset: position, length: length) {
            position += length
            return .stored(texts, span: span)
        }
        position = start
        return .held(try string())
    }
    /// A list `SnapshotWriter.strings` wrote: while `sharedLists` is set, the same array as an
    /// equal list read before.
    mutating func sharedStrings() throws(Damaged) -> [String] {
        guard sharedLists != nil else { return try strings() }
        let start = position
        let items = try count(ofItemsSized: 1)
        guard items > 0 else { return [] }
        for _ in 0..<items { position += try count(ofItemsSized: 1) }
        let encoding = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
        if let list = sharedLists?.list(encodedAs: encoding) { return list }
        position = start
        let list = try strings()
        sharedLists?.add(list, encodedAs: encoding)
        return list
    }
    public mutating func int32s() throws(Damaged) -> [Int32] { try array(of: Int32.self) }
    /// An array `int64s` wrote, as where each event's line starts: non-negative and ascending
    /// (checked as it is passed), left in the file while `file` is set, else packed as it is
    /// read (no array of 8 bytes an element is made).
    mutating func lineStarts() throws(Damaged) -> LogArchive.LineStarts {
        let (source, start) = try fixedArray(of: Int64.self)
        let count = source.count / 8
        // The file's bytes need not be aligned for Int64: each is read as it lies.
        func offset(_ index: Int) -> Int64 { source.loadUnaligned(fromByteOffset: index * 8, as: Int64.self) }
        if let stored: CachedNumbers<Int64> = try storedArray(at: start, count: count) {
            var previous: Int64 = -1
            for index in 0..<count {
                guard offset(index) > previous else { throw Damaged() }
                previous = offset(index)
            }
            return .stored(stored)
        }
        guard let packed = PackedOffsets(count: count, offset) else { throw Damaged() }
        return .packed(packed)
    }
    /// An array `int32s` wrote, as the links of `count` events' timelines: each forward and
    /// inside (checked as it is passed), left in the file while `file` is set.
    mutating func timelineLinks(count expected: Int) throws(Damaged) -> TimelineChain {
        let (source, start) = try fixedArray(of: Int32.self)
        guard source.count / 4 == expected else { throw Damaged() }
        for index in 0..<expected {
            let next = Int(source.loadUnaligned(fromByteOffset: index * 4, as: Int32.self))
            guard next == -1 || (next > index && next < expected) else { throw Damaged() }
        }
        if let stored: CachedNumbers<Int32> = try storedArray(at: start, count: expected) { return TimelineChain(stored: stored) }
        return TimelineChain([Int32](unsafeUninitializedCapacity: expected) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            initialized = expected
        })
    }
    /// The bytes of an array of `type` and where they start, passed over.
    private mutating func fixedArray<T: FixedWidthInteger>(of type: T.Type) throws(Damaged) -> (UnsafeRawBufferPointer, Int) {
        let size = MemoryLayout<T>.size
        let count = try count(ofItemsSized: size)
        let start = position
        position += count * size
        return (UnsafeRawBufferPointer(rebasing: bytes[start..<position]), start)
    }
    /// The array of `count` values at `start` in `file`, read back from it through a descriptor
    /// of its own; nil when the reader decodes bytes that are no file's.
    private func storedArray<T>(at start: Int, count: Int) throws(Damaged) -> CachedNumbers<T>? {
        guard let file else { return nil }
        let fd = fcntl(file.fd, F_DUPFD_CLOEXEC, 0)
        guard fd >= 0 else { throw Damaged() }
        return CachedNumbers(path: file.path, fd: fd, start: start, count: count)
    }
    public mutating func int64s() throws(Damaged) -> [Int64] { try array(of: Int64.self) }

    private mutating func array<T: FixedWidthInteger>(of type: T.Type) throws(Damaged) -> [T] {
        let size = MemoryLayout<T>.size
        let count = try count(ofItemsSized: size)
        let source = UnsafeRawBufferPointer(rebasing: bytes[position..<(position + count * size)])
        position += count * size
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            initialized = count
        }
    }

    private mutating func unsigned() throws(Damaged) -> UInt64 {
        // Most numbers in a snapshot (lengths, counts, flags) fit in one byte: no loop for them.
        if position < bytes.count, bytes[position] < 0x80 {
            defer { position += 1 }
            return UInt64(bytes[position])
        }
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count, shift < 64 {
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        throw Damaged()
    }
}

/// A checksum of the snapshot file and of the log bytes it covers, fed in pieces as the file is
/// written and in one piece when it is read.
///
/// Four words are mixed side by side, one into each of four lanes: a single chain of
/// multiplications waits on itself for every word, four keep the multiplier busy, so checking
/// a 130 MB log on every open costs about a quarter of what one lane did.
public struct SnapshotChecksum {
    private var lanes: (UInt64, UInt64, UInt64, UInt64) =
        (0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x85EB_CA77_C2B2_AE63)

    public init() {}

    /// Adds whole 32-byte blocks; `bytes.count` must be a multiple of `blockSize` except in the
    /// last call, whose remaining words and bytes go into the first lane.
    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        let blocks = bytes.count / Self.blockSize
        for block in 0..<blocks {
            let at = block * Self.blockSize
            lanes.0 = Self.mix(lanes.0, bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            lanes.1 = Self.mix(lanes.1, bytes.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
            lanes.2 = Self.mix(lanes.2, bytes.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self))
            lanes.3 = Self.mix(lanes.3, bytes.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self))
        }
        var at = blocks * Self.blockSize
        while at + 8 <= bytes.count {
            lanes.0 = Self.mix(lanes.0, bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            at += 8
        }
        for index in at..<bytes.count { lanes.0 = Self.mix(lanes.0, UInt64(bytes[index])) }
    }

    /// The four lanes folded into one value.
    public var value: UInt64 { Self.mix(Self.mix(Self.mix(lanes.0, lanes.1), lanes.2), lanes.3) }

    /// How many bytes every call but the last must be a multiple of.
    public static let blockSize = 32

    @inline(__always) private static func mix(_ value: UInt64, _ word: UInt64) -> UInt64 {
        let product = (value ^ word) &* 0x0000_0100_0000_01B3
        return product ^ (product >> 29)
    }
}
