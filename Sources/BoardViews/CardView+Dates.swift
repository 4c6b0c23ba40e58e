import BoardModel

extension CardView {
    /// A card's due date and waiting badges: `due fri` within the coming week, `due 12-05`
    /// further off, `due today`, in the warning colour once overdue; `back` once it returned
    /// from waiting (until touched).
    static func dateBadges(_ issue: Issue, clock: DayClock) -> [(text: String, element: Theme.Element)] {
        var badges: [(text: String, element: Theme.Element)] = []
        if issue.isResurfaced(clock) { badges.append(("back", .marked)) }
        if let due = issue.due, issue.isOpen {
            badges.append(("due " + dueText(due, today: clock.today), issue.isOverdue(clock) ? .wipExceeded : .dim))
        }
        return badges
    }

    /// `today`, `tomorrow`, a weekday within the next six days, else `MM-DD` (with the year
    /// when it is not this year's).
    static func dueText(_ due: CalendarDate, today: CalendarDate) -> String {
        let ahead = due.daysSinceEpoch - today.daysSinceEpoch
        switch ahead {
        case 0: return "today"
        case 1: return "tomorrow"
        case 2...6: return CalendarDate.weekdayNames[due.weekday]
        default: return due.parts.year == today.parts.year ? due.monthDay : due.description
        }
    }
}
