/// Where each of a log's lines starts, ascending, in about 4 bytes a line instead of 8.
///
/// A board opened from its cache keeps the start of every event's line (to read events back
/// when a view asks): 1,050,000 of them at 100,000 issues, 10.5 million at a million. Each run
/// of `blockSize` lines is stored as the run's first offset and, per line, its distance from
/// it in 32 bits; a run that spans 4 GB or more (lines averaging over 64 KB) is kept whole.
struct PackedOffsets: Sendable {
    static let blockShift = 16
    static var blockSize: Int { 1 << blockShift }

    let count: Int
    private var bases: [Int64] = []
    private var distances: [UInt32] = []
    /// The offsets as they were, if a run was too wide to pack.
    private var wide: [Int64]?

    /// Packs the `count` offsets `offset(at:)` gives; nil unless they are non-negative and
    /// strictly ascending. A run whose offsets reach `maximumDistance` past its first keeps
    /// them all whole (tests lower it).
    init?(count: Int, maximumDistance: Int64 = Int64(UInt32.max), _ offset: (Int) -> Int64) {
        self.count = count
        var bases: [Int64] = []
        bases.reserveCapacity((count + Self.blockSize - 1) / Self.blockSize)
        var ascending = true, fits = true
        var previous: Int64 = -1, base: Int64 = 0
        // Written in place: a million appends would each check the array's uniqueness.
        distances = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count {
                let value = offset(index)
                guard value > previous else { ascending = false; return }
                previous = value
                if index & (Self.blockSize - 1) == 0 {
                    base = value
                    bases.append(base)
                }
                guard value - base <= maximumDistance else { fits = false; return }
                buffer[index] = UInt32(truncatingIfNeeded: value - base)
                initialized = index + 1
            }
        }
        self.bases = bases
        guard ascending else { return nil }
        guard !fits else { return }
        // A run too wide (a log of lines averaging over 64 KB): every offset kept whole.
        distances = []
        self.bases = []
        var wide: [Int64] = []
        wide.reserveCapacity(count)
        previous = -1
        for index in 0..<count {
            let value = offset(index)
            guard value > previous else { return nil }
            previous = value
            wide.append(value)
        }
        self.wide = wide
    }

    var last: Int64? { count == 0 ? nil : self[count - 1] }

    subscript(index: Int) -> Int64 {
        if let wide { return wide[index] }
        return bases[index >> Self.blockShift] + Int64(distances[index])
    }
}
