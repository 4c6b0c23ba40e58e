import Testing
@testable import BoardIndex
import BoardStore
import BoardModel

/// A row's seal is computed over SQLite's buffers in place (`PiecewiseChecksum`): it must be
/// the value the joined bytes give, or every index written before would be rebuilt as damaged.
@Suite struct RowSealTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func theSealOverPiecesIsTheSealOverTheJoinedBytes(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        for _ in 0..<300 {
            let data = (0..<Int.random(in: 0..<200, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let events = (0..<Int.random(in: 0..<70, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let number = Int.random(in: 1...1_000_000, using: &random)
            var joined: [UInt8] = []
            withUnsafeBytes(of: Int64(number).littleEndian) { joined.append(contentsOf: $0) }
            withUnsafeBytes(of: Int64(data.count).littleEndian) { joined.append(contentsOf: $0) }
            joined += data + events
            #expect(IssueRow.seal(number: number, data: data, events: events) == IndexSeal.of(joined))
        }
    }
}
