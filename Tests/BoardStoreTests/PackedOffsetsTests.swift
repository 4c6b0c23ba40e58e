import Testing
@testable import BoardModel
@testable import BoardStore

/// The line offsets a board opened from its cache keeps, 4 bytes a line: every offset must read
/// back as it was, whatever the distances between lines.
@Suite struct PackedOffsetsTests {
    func pack(_ offsets: [Int64], maximumDistance: Int64 = Int64(UInt32.max)) -> PackedOffsets? {
        PackedOffsets(count: offsets.count, maximumDistance: maximumDistance) { offsets[$0] }
    }

    func expectSame(_ packed: PackedOffsets?, _ offsets: [Int64]) throws {
        let packed = try #require(packed)
        #expect(packed.count == offsets.count)
        #expect((0..<packed.count).map { packed[$0] } == offsets)
        #expect(packed.last == offsets.last)
    }

    @Test func offsetsOverSeveralRunsReadBackAsTheyWere() throws {
        var random = SeededGenerator(seed: 20)
        var offset: Int64 = 0
        let offsets = (0..<(PackedOffsets.blockSize * 2 + 123)).map { _ in
            defer { offset += Int64(1 + random.next() % 300) }
            return offset
        }
        try expectSame(pack(offsets), offsets)
        // Lines far apart (a log past 4 GB): each run's start is kept whole.
        let far = offsets.map { $0 * 40_000 + 7 }
        try expectSame(pack(far), far)
        try expectSame(pack([]), [])
    }

    @Test func aRunTooWideToPackIsKeptWhole() throws {
        let offsets: [Int64] = [0, 10, 20, 5_000, 5_010, 90_000]
        try expectSame(pack(offsets, maximumDistance: 1_000), offsets)
        try expectSame(pack(offsets, maximumDistance: 100_000), offsets)
    }

    @Test func offsetsThatDoNotAscendAreRefused() {
        #expect(pack([0, 10, 10]) == nil)
        #expect(pack([0, 10, 5]) == nil)
        #expect(pack([-1, 10]) == nil)
        #expect(pack([3]) != nil)
    }
}
