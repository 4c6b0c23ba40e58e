import Foundation
import Testing
@testable import BoardModel

/// Every date form of `lanes due`/`lanes snooze`, the prompts and queries, and the local day.
@Suite struct DateExpressionTests {
    func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
    func parse(_ text: String, today: String) throws -> String {
        try DateExpression.parse(text, today: date(today)).description
    }

    @Test func absoluteTodayTomorrowAndRelativeForms() throws {
        #expect(try parse("2026-12-05", today: "2026-03-04") == "2026-12-05")
        #expect(try parse("today", today: "2026-03-04") == "2026-03-04")
        #expect(try parse("Tomorrow", today: "2026-12-31") == "2027-01-01")
        #expect(try parse("+3d", today: "2026-02-27") == "2026-03-02")
        #expect(try parse("+2w", today: "2026-12-25") == "2027-01-08")
        #expect(try parse("+1m", today: "2026-03-04") == "2026-04-04")
        #expect(try parse("+0d", today: "2026-03-04") == "2026-03-04")
    }

    @Test func monthsEndOnTheLastDayOfShorterMonths() throws {
        #expect(try parse("+1m", today: "2026-01-31") == "2026-02-28")
        #expect(try parse("+1m", today: "2028-01-31") == "2028-02-29") // leap year
        #expect(try parse("+1m", today: "2026-03-31") == "2026-04-30")
        #expect(try parse("+12m", today: "2028-02-29") == "2029-02-28")
        #expect(try parse("+1m", today: "2026-12-31") == "2027-01-31")
    }

    @Test func leapDaysExistOnlyInLeapYears() throws {
        #expect(try parse("2028-02-29", today: "2026-03-04") == "2028-02-29")
        #expect(try parse("2000-02-29", today: "2026-03-04") == "2000-02-29")
        #expect(throws: BoardError.self) { try parse("2027-02-29", today: "2026-03-04") }
        #expect(throws: BoardError.self) { try parse("2100-02-29", today: "2026-03-04") }
        #expect(try parse("+1d", today: "2028-02-28") == "2028-02-29")
        #expect(try parse("+1d", today: "2027-02-28") == "2027-03-01")
    }

    @Test func aWeekdayIsTheNextOneAndOnThatDayAWeekLater() throws {
        // 2026-12-04 is a Friday.
        #expect(date("2026-12-04").weekday == 4)
        #expect(try parse("fri", today: "2026-12-03") == "2026-12-04")
        #expect(try parse("fri", today: "2026-12-04") == "2026-12-11")
        #expect(try parse("friday", today: "2026-12-05") == "2026-12-11")
        #expect(try parse("mon", today: "2026-12-04") == "2026-12-07")
        #expect(try parse("sun", today: "2026-12-04") == "2026-12-06")
        #expect(try parse("thu", today: "2026-12-04") == "2026-12-10")
    }

    @Test func invalidFormsNameTheAcceptedOnes() throws {
        for bad in ["soon", "2026-13-01", "2026-12-32", "12/05", "+3y", "+d", "+-1d", "fr", "+99999999999d", ""] {
            #expect(throws: BoardError.self) { try DateExpression.parse(bad, today: date("2026-03-04")) }
            do {
                _ = try DateExpression.parse(bad, today: date("2026-03-04"))
            } catch {
                #expect(error.description.contains("today, tomorrow, a weekday"), "\(bad): \(error.description)")
            }
        }
        #expect(try DateExpression.parseOrNone("none", today: date("2026-03-04")) == nil)
    }

    @Test func todayIsTheLocalDayAcrossADSTChange() throws {
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        // Clocks go forward at 02:00 on 2026-03-29: that day is 23 hours long.
        let lateOnSaturday = Timestamp.parse("2026-03-28T22:30:00Z")! // 23:30 CET
        let justAfterMidnight = Timestamp.parse("2026-03-28T23:30:00Z")! // 00:30 CET on Sunday
        #expect(DayClock(now: lateOnSaturday, zone: berlin).today.description == "2026-03-28")
        #expect(DayClock(now: justAfterMidnight, zone: berlin).today.description == "2026-03-29")
        let clock = DayClock(now: justAfterMidnight, zone: berlin)
        #expect(try DateExpression.parse("tomorrow", today: clock.today).description == "2026-03-30")
        // Sunday began at 23:00 UTC (CET); Monday at 22:00 UTC (CEST).
        #expect(clock.start(of: date("2026-03-29")).iso8601 == "2026-03-28T23:00:00.000Z")
        #expect(clock.start(of: date("2026-03-30")).iso8601 == "2026-03-29T22:00:00.000Z")
        // In October the day the clocks go back is 25 hours long.
        #expect(clock.start(of: date("2026-10-26")).iso8601 == "2026-10-25T23:00:00.000Z")
        let utc = DayClock(now: lateOnSaturday, zone: TimeZone(identifier: "UTC")!)
        #expect(utc.today.description == "2026-03-28")
    }
}
