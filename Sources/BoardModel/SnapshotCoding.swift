/// Integers, doubles and length-prefixed strings for the snapshot file: a cache private to one
/// machine, so plain and fast beats portable. Single integers are little-endian; arrays are
/// copied in the machine's order, which the file's magic number checks.
public struct SnapshotWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func int(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
    public mutating func int(_ value: Int) { int(Int64(value)) }
    public mutating func double(_ value: Double) { int(Int64(bitPattern: value.bitPattern)) }
    public mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }
    public mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }
    public mutating func int32s(_ values: [Int32]) {
        int(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
    public mutating func int64s(_ values: [Int64]) {
        int(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

/// Reads what `SnapshotWriter` wrote. Every read is bounds-checked and a count is checked
/// against the bytes left: a damaged or hostile cache file is an error, never a crash.
public struct SnapshotReader {
    public struct Damaged: Error {}

    let bytes: UnsafeRawBufferPointer
    public private(set) var position = 0

    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    public var isAtEnd: Bool { position == bytes.count }

    public mutating func int() throws(Damaged) -> Int64 {
        guard bytes.count - position >= 8 else { throw Damaged() }
        defer { position += 8 }
        return Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: Int64.self))
    }
    /// A count or index: not negative and at most `limit`.
    public mutating func count(atMost limit: Int) throws(Damaged) -> Int {
        let value = try int()
        guard value >= 0, value <= Int64(limit) else { throw Damaged() }
        return Int(value)
    }
    public mutating func double() throws(Damaged) -> Double { Double(bitPattern: UInt64(bitPattern: try int())) }
    public mutating func string() throws(Damaged) -> String {
        let length = try count(atMost: Int(Int32.max))
        guard bytes.count - position >= length else { throw Damaged() }
        defer { position += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<(position + length)]), as: UTF8.self)
    }
    public mutating func strings() throws(Damaged) -> [String] {
        let count = try count(atMost: Int(Int32.max))
        guard count <= (bytes.count - position) / 8 else { throw Damaged() }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }
    public mutating func int32s() throws(Damaged) -> [Int32] { try array(of: Int32.self) }
    public mutating func int64s() throws(Damaged) -> [Int64] { try array(of: Int64.self) }

    private mutating func array<T: FixedWidthInteger>(of type: T.Type) throws(Damaged) -> [T] {
        let size = MemoryLayout<T>.size
        let count = try count(atMost: Int(Int32.max))
        guard count <= (bytes.count - position) / size else { throw Damaged() }
        let start = position
        position += count * size
        return (0..<count).map { bytes.loadUnaligned(fromByteOffset: start + $0 * size, as: T.self) }
    }
}
