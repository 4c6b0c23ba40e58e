import Testing
@testable import BoardModel

@Suite struct TimestampTests {
    @Test func formatsAndParsesISO8601() {
        let t = Timestamp(milliseconds: 1_764_405_933_123)
        #expect(t.iso8601 == "2025-11-29T08:45:33.123Z")
        #expect(Timestamp.parse(t.iso8601) == t)
        #expect(Timestamp.parse("2025-11-29") == Timestamp(milliseconds: 1_764_374_400_000))
        #expect(Timestamp(milliseconds: 0).iso8601 == "1970-01-01T00:00:00.000Z")
    }

    @Test func roundTripsAcrossYears() {
        for days in stride(from: -700_000, through: 2_900_000, by: 7_919) {
            let t = Timestamp(milliseconds: Int64(days) * Timestamp.day + 12_345)
            #expect(Timestamp.parse(t.iso8601) == t)
        }
    }

    @Test(arguments: ["", "2025-13-01", "2025-11-32", "2025-11-29T25:00:00Z", "yesterday", "2025-11-29T08:45"])
    func rejectsBadTimes(_ text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test func agesAreShort() {
        let now = Timestamp(milliseconds: 10 * Timestamp.day)
        #expect(Timestamp(milliseconds: now.milliseconds - 30_000).ago(relativeTo: now) == "just now")
        #expect(Timestamp(milliseconds: now.milliseconds - 3 * 3_600_000).ago(relativeTo: now) == "3h ago")
        #expect(Timestamp(milliseconds: now.milliseconds - 2 * Timestamp.day).age(relativeTo: now) == "2d")
    }
}
