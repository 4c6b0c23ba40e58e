import BoardIndex
import BoardModel
import Screen

/// Runs `archive`, `unarchive`, `delete` and `restore` on several issues as one save and says
/// what happened in the board's own words ("archived 3 issues; 1 was already archived").
enum LifecycleCommand {
    /// Through the board's index when there is one (only the named issues are read).
    static func commit(_ options: BoardOptions, _ numbers: [IssueNumber], _ step: LifecycleStep) throws {
        let changes = numbers.map { Change.lifecycle($0.value, step) }
        try IssueChangeCommand.commitIndexed(options, report: { events, state in
            let report = ChangeReport.describe(events, of: changes, in: state)
            Output.print(Sanitizer.line(report.isEmpty ? "nothing to change" : report))
        }) { _, _ in changes }
    }

    /// The issues numbered `numbers` as they are now (a question names them before a change),
    /// from the index if there is one, else from the whole board.
    static func issues(_ options: BoardOptions, _ numbers: [IssueNumber]) throws -> [Issue] {
        do {
            if let index = try options.openIndex() {
                // Through a state holding each, so that a missing or deleted issue is refused as the whole board refuses it.
                return try numbers.map { try index.showing($0.value).issue($0.value) }
            }
        } catch is IndexUnavailable {}
        let state = try options.open().state
        return try numbers.map { try state.issue($0.value) }
    }
}
