import BoardModel

/// The issue numbers of one chunk of 4,096 (`chunk` = number / 4,096) that one `name_bits` row
/// holds for a name (`NameBitsTable`), and their coding: fewer than 256 numbers as their offsets
/// in the chunk (two bytes each, ascending), more as the chunk's 512 bytes of bits. So a name
/// on a handful of issues costs a few bytes, and one on a sixth of a million issues 512 bytes
/// per 4,096 numbers (at 1M issues, 245 rows: a few pages to read).
struct NumberChunk {
    /// Bit `offset % 64` of word `offset / 64` is the number `chunk * 4096 + offset`.
    private(set) var words = [UInt64](repeating: 0, count: NumberChunk.wordCount)

    static let size = 4096
    static let wordCount = size / 64
    /// From this many numbers on, a chunk is stored as bits (as many bytes as its offsets would take).
    static let denseCount = 256
    /// The chunk of the highest issue number: a row beyond it is damage (a forged chunk would
    /// otherwise have room made for it).
    static let last = NumberedTable<Issue>.maximumNumber / size

    init() {}

    /// The chunk a `name_bits` row stores as `bytes` (`stored`). Throws `IndexDamaged` for
    /// bytes the coding never writes.
    init(stored bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty, bytes.count % 2 == 0, bytes.count <= 2 * NumberChunk.denseCount else { throw IndexDamaged() }
        if bytes.count == 2 * NumberChunk.denseCount {
            for word in 0..<NumberChunk.wordCount {
                words[word] = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self))
            }
            return
        }
        var previous = -1
        for at in stride(from: 0, to: bytes.count, by: 2) {
            let offset = Int(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt16.self)))
            guard offset > previous, offset < NumberChunk.size else { throw IndexDamaged() }
            previous = offset
            insert(offset)
        }
    }

    /// Adds the number at `offset` in the chunk (0 ..< 4,096).
    mutating func insert(_ offset: Int) {
        words[offset / 64] |= 1 << UInt64(offset % 64)
    }

    /// Removes the number at `offset` in the chunk.
    mutating func remove(_ offset: Int) {
        words[offset / 64] &= ~(1 << UInt64(offset % 64))
    }

    /// The bytes a `name_bits` row stores; nil when the chunk holds no number (it has no row).
    var stored: [UInt8]? {
        let count = words.reduce(0) { $0 + $1.nonzeroBitCount }
        guard count > 0 else { return nil }
        var bytes: [UInt8] = []
        if count >= NumberChunk.denseCount {
            bytes.reserveCapacity(2 * NumberChunk.denseCount)
            for word in words { withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) } }
        } else {
            bytes.reserveCapacity(2 * count)
            for (index, word) in words.enumerated() {
                var rest = word
                while rest != 0 {
                    withUnsafeBytes(of: UInt16(index * 64 + rest.trailingZeroBitCount).littleEndian) { bytes.append(contentsOf: $0) }
                    rest &= rest - 1
                }
            }
        }
        return bytes
    }

    /// `numbers` (ascending) as chunks, in chunk order.
    static func chunks(of numbers: [Int]) -> [(chunk: Int, numbers: NumberChunk)] {
        var chunks: [(chunk: Int, numbers: NumberChunk)] = []
        for number in numbers {
            let chunk = number / size
            if chunks.last?.chunk != chunk { chunks.append((chunk, NumberChunk())) }
            chunks[chunks.count - 1].numbers.insert(number % size)
        }
        return chunks
    }
}
