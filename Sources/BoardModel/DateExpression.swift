/// The date forms a person types wherever a date is asked (`lanes due`, `lanes snooze`, the
/// `d` and `s` prompts, `--since`, query words): one parser, one error message.
public enum DateExpression {
    /// The accepted forms, as the error message and docs name them.
    public static let forms = "YYYY-MM-DD, today, tomorrow, a weekday (mon … sun), +Nd, +Nw or +Nm"

    /// The most days, weeks or months ahead a relative form may reach (about 100 years).
    static let limits: [Character: Int] = ["d": 36_500, "w": 5_200, "m": 1_200]

    /// The date `text` names, counted from `today`.
    ///
    /// A weekday is the next such day after today: `fri` typed on a Friday is the Friday a week
    /// later (today is `today`), so a weekday always lies one to seven days ahead.
    public static func parse(_ text: String, today: CalendarDate) throws(BoardError) -> CalendarDate {
        let word = text.trimmingSpaces.lowercased()
        let bad = BoardError.invalid("\"\(text)\" is not a date; use \(forms)")
        if let date = CalendarDate(iso: word) { return date }
        switch word {
        case "today": return today
        case "tomorrow": return today.adding(days: 1)
        default: break
        }
        if word.count >= 3, let index = CalendarDate.weekdayNames.firstIndex(where: { word.hasPrefix($0) }),
           fullWeekdays[index].hasPrefix(word) {
            let ahead = (index - today.weekday + 7) % 7
            return today.adding(days: Int64(ahead == 0 ? 7 : ahead))
        }
        guard word.hasPrefix("+"), let unit = word.last, let most = limits[unit] else { throw bad }
        let amount: Int
        do {
            amount = try BoundedNumber.parse(word.dropFirst().dropLast(), in: 0...most, what: "\"\(text)\"")
        } catch {
            throw .invalid(error.description + "; use \(forms)")
        }
        switch unit {
        case "d": return today.adding(days: Int64(amount))
        case "w": return today.adding(days: Int64(amount) * 7)
        default: return today.adding(months: Int64(amount))
        }
    }

    /// What <Tab> offers in a date prompt.
    public static let suggestions = ["today", "tomorrow"] + CalendarDate.weekdayNames + ["+1w", "+1m", "none"]

    /// A `DATE|none` answer (`lanes due`, the `d` prompt): nil for `none`.
    public static func parseOrNone(_ text: String, today: CalendarDate) throws(BoardError) -> CalendarDate? {
        text.trimmingSpaces.lowercased() == "none" ? nil : try parse(text, today: today)
    }

    private static let fullWeekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
}
