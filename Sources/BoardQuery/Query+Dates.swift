import Foundation
import BoardModel

/// A bound on a due date, resolved to days when the query is parsed: `due:<7d`,
/// `due:>2026-12-31`, `due:today`, `due:none`.
public struct DueBound: Hashable, Sendable {
    public enum Relation: Hashable, Sendable { case before, after, on, none }
    public var relation: Relation
    public var date: CalendarDate

    public init(relation: Relation, date: CalendarDate) {
        self.relation = relation
        self.date = date
    }

    public func contains(_ due: CalendarDate?) -> Bool {
        guard let due else { return relation == .none }
        switch relation {
        case .before: return due < date
        case .after: return due > date
        case .on: return due == date
        case .none: return false
        }
    }
}

extension Query {
    /// `none`, or `<`, `<=`, `>`, `>=` or nothing before a date in any form `lanes due` takes
    /// (`2026-12-31`, `fri`, `+3d`), or before an age-like `7d`, `2w`, `1m` meaning that far
    /// ahead: `due:<7d` is due within the coming week (overdue included).
    static func parseDueBound(_ value: String, today: CalendarDate) throws(BoardError) -> DueBound {
        if value.lowercased() == "none" { return DueBound(relation: .none, date: today) }
        var rest = Substring(value)
        var op = ""
        while let first = rest.first, first == "<" || first == ">" || first == "=" {
            op.append(first)
            rest.removeFirst()
        }
        let relative = rest.first?.isNumber == true && rest.last.map { "dwm".contains($0) } == true
        let date: CalendarDate
        do {
            date = try DateExpression.parse(relative ? "+" + rest : String(rest), today: today)
        } catch {
            throw .badQuery("due:\(value): \(error.description), or none")
        }
        switch op {
        case "", "=": return DueBound(relation: .on, date: date)
        case "<": return DueBound(relation: .before, date: date)
        case "<=": return DueBound(relation: .before, date: date.adding(days: 1))
        case ">": return DueBound(relation: .after, date: date)
        case ">=": return DueBound(relation: .after, date: date.adding(days: -1))
        default: throw .badQuery("due:\(value): use <, <=, >, >= or nothing before the date")
        }
    }

    /// Whether this query asks for waiting issues (`is:snoozed`, not negated): without that
    /// word a waiting issue is hidden, from the board and the list alike.
    public var showsWaiting: Bool {
        terms.contains { term in
            if case .snoozed = term.condition { !term.negated } else { false }
        }
    }

    /// Whether `issue` matches the terms but is hidden because it waits (see `showsWaiting`).
    func hidesWaiting(_ issue: UnsafePointer<Issue>, now: Timestamp, zone: TimeZone? = nil) -> Bool {
        guard issue.pointee.snooze != nil, !showsWaiting else { return false }
        return !issue.pointee.isShownByDefault(DayClock(now: now, zone: zone ?? self.zone))
    }
}

extension DayClock {
    /// This clock at the start of its day: equal all day long, so a query holding it stays
    /// equal to itself until midnight (its projection stays cached; typing forward narrows).
    public var startOfToday: DayClock { DayClock(now: start(of: today), zone: zone) }
}
