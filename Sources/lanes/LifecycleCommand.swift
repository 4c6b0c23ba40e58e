import BoardModel
import BoardStore
import Screen

/// Runs `archive`, `unarchive`, `delete` and `restore` on several issues as one save and says
/// what happened in the board's own words ("archived 3 issues; 1 was already archived").
enum LifecycleCommand {
    static func commit(_ options: BoardOptions, _ numbers: [IssueNumber], _ step: LifecycleStep) throws {
        try commit(options, try options.open(), numbers, step)
    }

    static func commit(_ options: BoardOptions, _ log: EventLog, _ numbers: [IssueNumber], _ step: LifecycleStep) throws {
        let changes = numbers.map { Change.lifecycle($0.value, step) }
        let events = try log.commit(changes, actor: options.actorName)
        let report = ChangeReport.describe(events, of: changes, in: log.state)
        Output.print(Sanitizer.line(report.isEmpty ? "nothing to change" : report))
    }
}
