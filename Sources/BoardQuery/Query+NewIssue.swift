import BoardModel

extension Query {
    /// What an issue created under this filter takes from it, so that it shows in the view it
    /// was created in (`n` in "mine" makes an issue assigned to me; under `/label:bug` one
    /// labelled bug). Only what the filter says unambiguously is taken.
    public struct NewIssueFields: Equatable, Sendable {
        public var labels: [String] = []
        public var assignees: [String] = []
        public var priority: Priority?
        public var column: String?
        /// Whether the new issue surely matches: every term of the filter was taken or holds
        /// for any new open issue.
        public var matches = true
    }

    public var newIssueFields: NewIssueFields {
        var fields = NewIssueFields()
        var priorities: [Priority] = [], columns: [String] = []
        for term in terms {
            switch (term.condition, term.negated) {
            case (.assignee(let user?), false): fields.assignees.append(user)
            case (.label(let label), false): fields.labels.append(label)
            case (.priority(let priority), false): priorities.append(priority)
            case (.column(let column), false): columns.append(column)
            case (.open, false), (.closed, true): break
            default: fields.matches = false
            }
        }
        // Two priorities or columns cannot both hold: take neither, and say it may not show.
        if priorities.count == 1 { fields.priority = priorities[0] } else if !priorities.isEmpty { fields.matches = false }
        if columns.count == 1 { fields.column = columns[0] } else if !columns.isEmpty { fields.matches = false }
        return fields
    }
}
