import Foundation

/// "Now" and the zone it is read in: what decides which day is today, whether a due date is
/// past and when a snooze ends.
///
/// Injected everywhere a date is judged (the reducer's context, `--now` in the CLI, the views),
/// so tests are deterministic; a day starts at local midnight, which a DST change moves.
public struct DayClock: Hashable, Sendable {
    public var now: Timestamp
    public var zone: TimeZone

    public init(now: Timestamp = .now, zone: TimeZone = .current) {
        self.now = now
        self.zone = zone
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// The local day of `time`.
    public func day(of time: Timestamp) -> CalendarDate {
        let date = Date(timeIntervalSince1970: Double(time.milliseconds) / 1000)
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDate(daysSinceEpoch: Timestamp.days(fromCivil: Int64(parts.year ?? 1970),
                                                           Int64(parts.month ?? 1), Int64(parts.day ?? 1)))
    }

    public var today: CalendarDate { day(of: now) }

    /// The moment `date` begins here: local midnight (or the first moment after it, on a day a
    /// DST change skips midnight).
    public func start(of date: CalendarDate) -> Timestamp {
        let (year, month, day) = date.parts
        let components = DateComponents(year: Int(year), month: Int(month), day: Int(day))
        guard let start = calendar.date(from: components).map(calendar.startOfDay(for:)) else {
            return Timestamp(milliseconds: date.daysSinceEpoch * Timestamp.day)
        }
        return Timestamp(milliseconds: Int64((start.timeIntervalSince1970 * 1000).rounded()))
    }
}
