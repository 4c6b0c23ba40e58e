import BoardModel

extension IssueView {
    /// " · archived" after the state of an archived issue, which the board no longer shows.
    static func archivedNote(_ issue: Issue) -> String {
        issue.isArchived ? " · archived (X unarchives)" : ""
    }
}
