extension Query {
    /// Whether `issue` satisfies every term.
    public func matches(_ issue: Issue, now: Timestamp = .now, staleAfterDays: Int = 14) -> Bool {
        for term in terms where term.matches(issue, now: now, staleAfterDays: staleAfterDays) == term.negated {
            return false
        }
        return true
    }

    /// The matching issues of `state`, in the query's order.
    public func run(on state: BoardState, now: Timestamp = .now, staleAfterDays: Int = 14) -> [Issue] {
        let found = state.issues.values.filter { matches($0, now: now, staleAfterDays: staleAfterDays) }
        return sort.apply(found)
    }
}

extension QuerySort {
    public func apply(_ issues: [Issue]) -> [Issue] {
        let ascending: (Issue, Issue) -> Bool
        switch key {
        case .id:
            ascending = { $0.number < $1.number }
        case .created:
            ascending = { $0.created != $1.created ? $0.created < $1.created : $0.number < $1.number }
        case .updated:
            ascending = { $0.updated != $1.updated ? $0.updated < $1.updated : $0.number < $1.number }
        case .priority:
            ascending = { $0.priority != $1.priority ? $0.priority < $1.priority : $0.number < $1.number }
        }
        return descending ? issues.sorted { ascending($1, $0) } : issues.sorted(by: ascending)
    }
}

extension QueryTerm {
    func matches(_ issue: Issue, now: Timestamp, staleAfterDays: Int) -> Bool {
        switch condition {
        case .open:
            return issue.isOpen
        case .closed:
            return !issue.isOpen
        case .stale:
            return issue.isOpen && now.milliseconds - issue.updated.milliseconds > Int64(staleAfterDays) * Timestamp.day
        case .untriaged:
            return issue.isOpen && (issue.assignees.isEmpty || issue.labels.isEmpty)
        case .assignee(nil):
            return issue.assignees.isEmpty
        case .assignee(let name?):
            return issue.assignees.contains { $0.caseInsensitiveEquals(name) }
        case .label(let label):
            return issue.labels.contains { $0.caseInsensitiveEquals(label) }
        case .column(let column):
            return issue.column.caseInsensitiveEquals(column)
        case .priority(let priority):
            return issue.priority == priority
        case .author(let author):
            return issue.author.caseInsensitiveEquals(author)
        case .text(let needle):
            return issue.title.lowercased().contains(needle) || issue.body.lowercased().contains(needle)
        case .created(let bound):
            return bound.contains(issue.created)
        case .updated(let bound):
            return bound.contains(issue.updated)
        }
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        self == other || lowercased() == other.lowercased()
    }
}
