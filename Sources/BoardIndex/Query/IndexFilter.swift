import BoardModel
import BoardQuery

/// A query as a pre-filter on the index: a condition on table `issues` that every issue the
/// query shows satisfies (perhaps more: each candidate is then decided by the query's own
/// matcher, `Query.includes`), and the SQL order that is the query's order, when there is one.
///
/// Conservative by construction: a word the index cannot decide safely adds no condition
/// (see `QueryTerm.sqlCondition`, `TrigramPhrase`, `NameSpellings`), so a translation can
/// only cost time, never a result.
struct IndexFilter {
    let condition: SQLCondition
    /// The names and labels the query asks for (`SQLCondition.list`): an issue on all of them
    /// meets `condition` if it meets `others`. `BoardIndex.list` reads them from `name_bits`.
    let lists: [SQLCondition.MemberList]
    /// The conditions but the lists.
    let others: SQLCondition
    /// `ORDER BY` text giving the query's order exactly (`sort:id`, the default, is the issue
    /// number), or nil: the caller sorts the matches with `QuerySort.apply`.
    let order: String?
    /// Whether the query asks for free text the free-text table (`issue_text`) can narrow.
    let searchesText: Bool
    /// Whether the condition decides the query exactly from the columns `IssueRow.facts`
    /// copies (hidden issues, and words that `QueryTerm.isDecidedByFacts`): no matcher needed.
    let decidedByFacts: Bool

    /// `textIndexedThrough`: the issues up to this number have their text in `issue_text`
    /// (`IndexMeta.textIndexedThrough`); the table narrows only those, the others stay candidates.
    init(_ query: Query, now: Timestamp, staleAfterDays: Int, textIndexedThrough: Int = .max) {
        var conditions = [SQLCondition("issues.deleted = 0")]
        if !query.revealsArchived { conditions.append(SQLCondition("issues.archived = 0")) }
        if !query.showsWaiting { conditions.append(SQLCondition.snoozed(after: DayClock(now: now, zone: query.zone).today).negated) }
        conditions += query.terms.compactMap { $0.sqlCondition(now: now, staleAfterDays: staleAfterDays) }
        let phrases = query.terms.compactMap { term -> String? in
            guard !term.negated, case .text(let needle) = term.condition else { return nil }
            return TrigramPhrase.of(needle)
        }
        searchesText = !phrases.isEmpty
        if searchesText, textIndexedThrough > 0 {
            let matched = SQLCondition("issues.number IN (SELECT rowid FROM issue_text WHERE issue_text MATCH ?)",
                                       [.text(phrases.joined(separator: " AND "))])
            conditions.append(textIndexedThrough == .max ? matched
                              : .any([SQLCondition("issues.number > ?", [.int(textIndexedThrough)]), matched]))
        }
        // `is:open` narrows names further (alone, it is most issues: their rows' column finds them faster).
        let names = conditions.compactMap(\.list)
        let open = !names.isEmpty && query.terms.contains { !$0.negated && $0.condition == .open }
        lists = names + (open ? [SQLCondition.MemberList(table: NameBitsTable.states, names: [NameBitsTable.open])] : [])
        others = .all(conditions.filter { $0.list == nil })
        condition = .all(conditions)
        decidedByFacts = !searchesText && query.terms.allSatisfy(\.isDecidedByFacts)
        order = query.sort.key == .id ? "issues.number" + (query.sort.descending ? " DESC" : "") : nil
    }
}
