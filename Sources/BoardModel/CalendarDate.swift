/// A day on the calendar (no time, no zone): what a due date or a snooze's end is.
///
/// Kept as days since 1970-01-01 so that comparing and adding days is integer arithmetic;
/// written `YYYY-MM-DD` in the log, JSON and the CLI. A date means the same day everywhere:
/// only "today" depends on the zone (`DayClock`).
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var daysSinceEpoch: Int64

    public init(daysSinceEpoch: Int64) { self.daysSinceEpoch = daysSinceEpoch }

    /// The date, or nil if the day does not exist in that month (February 30th).
    public init?(year: Int64, month: Int64, day: Int64) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        daysSinceEpoch = Timestamp.days(fromCivil: year, month, day)
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 45, bytes[7] == 45 else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    public var parts: (year: Int64, month: Int64, day: Int64) {
        let (year, month, day) = Timestamp.civil(fromDays: daysSinceEpoch)
        return (year, month, day)
    }

    /// `2026-12-05`.
    public var description: String {
        let (year, month, day) = parts
        return digits(year, 4) + "-" + digits(month, 2) + "-" + digits(day, 2)
    }

    /// `12-05`: a card's short form for a date that is not within the coming week.
    public var monthDay: String {
        let (_, month, day) = parts
        return digits(month, 2) + "-" + digits(day, 2)
    }

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { Int(((daysSinceEpoch + 3) % 7 + 7) % 7) }

    public static let weekdayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    public func adding(days: Int64) -> CalendarDate { CalendarDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// The same day `months` later; a day the month does not have becomes its last day
    /// (January 31st + 1 month is February 28th, or the 29th in a leap year).
    public func adding(months: Int64) -> CalendarDate {
        let (year, month, day) = parts
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12, newMonth = index % 12 + 1
        let newDay = min(day, CalendarDate.daysIn(month: newMonth, year: newYear))
        return CalendarDate(daysSinceEpoch: Timestamp.days(fromCivil: newYear, newMonth, newDay))
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private func digits(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
