import BoardModel

extension JSONWriter {
    /// `"2026-12-05"`, or `null` for no date: `due`, `snoozedUntil` and the `date` of `due`
    /// and `snoozed` events.
    public mutating func field(_ name: StaticString, _ date: CalendarDate?) {
        key(name)
        if let date { string(date.description) } else { null() }
    }
}
