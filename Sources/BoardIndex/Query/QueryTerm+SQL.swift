import BoardModel
import BoardQuery

/// Each query word as a condition on the index's tables (`issues`, `assignees`, `labels`):
/// true for every issue the word matches (`QueryTerm.matches`), perhaps for more. Nil where
/// the index holds nothing that narrows the word safely (links, mentions, reporters, text
/// outside `TrigramPhrase`, names outside `NameSpellings`); free text is asked of the
/// trigram table by `IndexFilter`, in one `MATCH`.
extension QueryTerm {
    func sqlCondition(now: Timestamp, staleAfterDays: Int) -> SQLCondition? {
        if negated { return negatedCondition(now: now, staleAfterDays: staleAfterDays) }
        switch condition {
        case .assignee(let name?):
            return NameSpellings.of(name, lowercased: true).map { .member(of: NameBitsTable.assignees, $0) }
        case .label(let label):
            return NameSpellings.of(label, lowercased: true).map { .member(of: NameBitsTable.labels, $0) }
        case .column(let column):
            return NameSpellings.of(column, lowercased: false).map { .equal("issues.\"column\" COLLATE NOCASE", in: $0) }
        case .author(let author):
            return NameSpellings.of(author, lowercased: false).map { .equal("issues.author COLLATE NOCASE", in: $0) }
        case .resurfaced(let clock):
            return SQLCondition("issues.snoozed IS NOT NULL AND issues.snoozed <= ?", [.integer(clock.today.daysSinceEpoch)])
        default:
            return exactCondition(now: now, staleAfterDays: staleAfterDays)
        }
    }

    /// The condition of a `-word`: the negation of an exact condition, or of a condition that
    /// holds only where the word matches (a name equal as bytes, or under `NOCASE`, is one
    /// `caseInsensitiveEquals` finds, so an issue without it may still match the negated word, never the other way).
    private func negatedCondition(now: Timestamp, staleAfterDays: Int) -> SQLCondition? {
        let sure: SQLCondition? = switch condition {
        case .assignee(let name?): SQLCondition.member(of: NameBitsTable.assignees, [name.lowercased()])
        case .label(let label): SQLCondition.member(of: NameBitsTable.labels, [label.lowercased()])
        case .column(let column): .equal("issues.\"column\" COLLATE NOCASE", in: [column])
        case .author(let author): .equal("issues.author COLLATE NOCASE", in: [author])
        default: exactCondition(now: now, staleAfterDays: staleAfterDays)
        }
        return sure?.negated
    }

    /// Whether `sqlCondition` holds exactly where the word matches (negated or not), and reads
    /// only the `issues` columns `IssueRow.facts` copies out of an issue: a query of such words
    /// needs no matcher, so `list` can give issues it never decodes (`BoardIndex.listJSON`).
    var isDecidedByFacts: Bool {
        switch condition {
        case .open, .closed, .stale, .priority, .created, .updated, .archived, .overdue, .snoozed, .due: true
        default: false
        }
    }

    /// The condition that holds exactly where the word matches, for words the index's columns
    /// decide alone.
    private func exactCondition(now: Timestamp, staleAfterDays: Int) -> SQLCondition? {
        switch condition {
        case .open:
            return SQLCondition("issues.open = 1")
        case .closed:
            return SQLCondition("issues.open = 0")
        case .stale:
            return SQLCondition("issues.open = 1 AND issues.updated < ?",
                                [.integer(now.milliseconds - Int64(staleAfterDays) * Timestamp.day)])
        case .untriaged:
            return SQLCondition("issues.open = 1 AND (issues.number NOT IN (SELECT number FROM assignees) OR issues.number NOT IN (SELECT number FROM labels))")
        case .assignee(nil):
            return SQLCondition("issues.number NOT IN (SELECT number FROM assignees)")
        case .priority(let priority):
            return SQLCondition("issues.priority = ?", [.integer(Int64(priority.order))])
        case .created(let bound):
            return .time("issues.created", bound)
        case .updated(let bound):
            return .time("issues.updated", bound)
        case .archived:
            return SQLCondition("issues.archived = 1")
        case .overdue(let clock):
            return SQLCondition("issues.open = 1 AND issues.due IS NOT NULL AND issues.due < ?", [.integer(clock.today.daysSinceEpoch)])
        case .snoozed(let clock):
            return .snoozed(after: clock.today)
        case .due(let bound):
            return .due(bound)
        default:
            return nil
        }
    }
}

extension SQLCondition {
    /// Issues with a row in `table` (`assignees`, `labels`) whose folded name is one of `names`.
    static func member(of table: String, _ names: [String]) -> SQLCondition {
        let row = SQLCondition.equal(table == NameBitsTable.labels ? "label" : "name", in: names)
        return SQLCondition("issues.number IN (SELECT number FROM " + table + " WHERE " + row.sql + ")", row.values,
                            list: MemberList(table: table, names: names))
    }

    /// Still waiting on `today`: snoozed until a later day (`Issue.isSnoozed`).
    static func snoozed(after today: CalendarDate) -> SQLCondition {
        SQLCondition("issues.snoozed IS NOT NULL AND issues.snoozed > ?", [.integer(today.daysSinceEpoch)])
    }

    /// `DateBound.contains` on a column of milliseconds.
    static func time(_ column: String, _ bound: DateBound) -> SQLCondition {
        let moment = SQLiteValue.integer(bound.moment.milliseconds)
        return switch bound.relation {
        case .before: SQLCondition(column + " < ?", [moment])
        case .after: SQLCondition(column + " >= ?", [moment])
        case .on: SQLCondition(column + " >= ? AND " + column + " < ?", [moment, .integer(bound.moment.milliseconds + Timestamp.day)])
        }
    }

    /// `DueBound.contains` on the due day.
    static func due(_ bound: DueBound) -> SQLCondition {
        let day = SQLiteValue.integer(bound.date.daysSinceEpoch)
        return switch bound.relation {
        case .before: SQLCondition("issues.due IS NOT NULL AND issues.due < ?", [day])
        case .after: SQLCondition("issues.due IS NOT NULL AND issues.due > ?", [day])
        case .on: SQLCondition("issues.due IS NOT NULL AND issues.due = ?", [day])
        case .none: SQLCondition("issues.due IS NULL")
        }
    }
}
