import BoardModel
import BoardQuery

extension BoardIndex {
    /// `Digest(state:…)` of the whole board, read from the index: the issues that may need
    /// attention (a superset in SQL, each decided by `rules` as on the whole board), the
    /// team's loads counted per assignee in SQL, and the changes since from the timelines of
    /// the issues touched since. A digest of one person for one day reads a day's issues and
    /// that person's, not the board.
    public func digest(_ rules: Digest.Rules) throws -> Digest {
        var candidates: [Issue] = []
        let condition = BoardIndex.digestCandidates(rules)
        try forEachIssue(where: condition.sql, condition.values.map(Optional.some)) { candidates.append($0); return true }
        var touched: [Issue] = []
        try forEachIssue(where: "updated >= ?", [.integer(rules.since.milliseconds)]) { touched.append($0); return true }
        let changes = try Digest.changes(of: touched, in: boardState, rules) { try timeline($0.number) }
        return Digest(rules: rules, candidates: candidates, people: rules.person == nil ? try loads(rules) : [], changes: changes)
    }

    /// Every issue `Digest.Rules.reasons` may give a reason, perhaps more: shown by default and
    /// open, due within the week or stale (the person's, where the name narrows); open, new and
    /// unassigned; back from waiting; or touched since (a mention is an event, so its issue's
    /// `updated` is at least its time).
    static func digestCandidates(_ rules: Digest.Rules) -> SQLCondition {
        let today = rules.clock.today
        let theirs = rules.person.flatMap { QueryTerm(.assignee($0)).sqlCondition(now: rules.clock.now, staleAfterDays: rules.staleAfterDays) }
        let dated = SQLCondition.all([
            SQLCondition("issues.open = 1 AND ((issues.due IS NOT NULL AND issues.due < ?) OR issues.updated < ?)",
                         [.integer(today.adding(days: 7).daysSinceEpoch), .integer(rules.staleBefore)]),
        ] + (theirs.map { [$0] } ?? []))
        let reasons = SQLCondition.any([
            dated,
            SQLCondition("issues.open = 1 AND issues.created >= ? AND issues.number NOT IN (SELECT number FROM assignees)",
                         [.integer(rules.since.milliseconds)]),
            SQLCondition("issues.snoozed IS NOT NULL AND issues.snoozed <= ?", [.integer(today.daysSinceEpoch)]),
            SQLCondition("issues.updated >= ?", [.integer(rules.since.milliseconds)]),
        ])
        return SQLCondition.all([SQLCondition("issues.archived = 0 AND issues.deleted = 0"), reasons])
    }

    /// `Digest.loads` of the whole board: each assignee's open, overdue and stale issues shown
    /// by default, counted per spelling in SQL and added up by name as the board compares them,
    /// the spellings in the order of their first issue, so that a name spelled two ways that
    /// Swift calls equal is named as the whole board names it (by the first issue's spelling).
    private func loads(_ rules: Digest.Rules) throws -> [Digest.PersonLoad] {
        try reading {
            let statement = try database.statement("""
                SELECT assignees.spelled, count(*), sum(issues.due IS NOT NULL AND issues.due < ?), sum(issues.updated < ?)
                FROM assignees JOIN issues ON issues.number = assignees.number
                WHERE issues.open = 1 AND issues.archived = 0 AND issues.deleted = 0 GROUP BY assignees.spelled
                ORDER BY min(issues.number)
                """).bind([.integer(rules.clock.today.daysSinceEpoch), .integer(rules.staleBefore)])
            var parts: [Digest.PersonLoad] = []
            while try statement.step() {
                parts.append(Digest.PersonLoad(name: statement.text(0), open: Int(statement.int(1)),
                                               overdue: Int(statement.int(2)), stale: Int(statement.int(3))))
            }
            return Digest.merged(parts)
        }
    }
}
