import Testing
import BoardModel

/// A big board holds 100,000 to a million issues in one array: every byte of an `Issue` costs
/// 0.1 to 1 MB of the full-screen board's memory, so its fields are laid out without gaps.
@Suite struct IssueLayoutTests {
    @Test func anIssueLeavesNoWordOfPaddingUnused() {
        // 301 bytes of fields: 312 is the least a multiple of 8 with a 9-byte optional date.
        #expect(MemoryLayout<BoardModel.Issue>.stride <= 312)
        #expect(MemoryLayout<Lifecycle>.size == 34)
    }
}
