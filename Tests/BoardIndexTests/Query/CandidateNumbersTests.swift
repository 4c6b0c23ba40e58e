import Testing
@testable import BoardIndex

/// The candidates' numbers reach SQLite as a JSON array (`json_each`), written digit by digit
/// (`BoardIndex.jsonArray`): it must be the text the numbers joined as strings give.
@Suite struct CandidateNumbersTests {
    @Test func theArrayIsTheNumbersJoined() {
        for numbers in [[], [0], [7], [1, 9, 10, 99, 100, 4095, 4096], [Int.max, 1_000_000, 123_456_789], Array(1...2000)] {
            #expect(BoardIndex.jsonArray(numbers) == "[" + numbers.map(String.init).joined(separator: ",") + "]")
        }
    }
}
