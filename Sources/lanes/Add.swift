import ArgumentParser
import BoardModel

/// `lanes add TITLE …`: creates an issue and prints its number.
struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Create an issue; prints its number (#7).")

    @OptionGroup var options: BoardOptions
    @Argument(help: "The title.") var title: String
    @Option(help: "The description.") var body: String = ""
    @Option(name: .customLong("label"), help: "A label (repeatable).") var labels: [String] = []
    @Option(name: .customLong("assign"), help: "An assignee (repeatable; 'me' is you).") var assignees: [String] = []
    @Option(help: "urgent, high, medium, low or none.") var priority: String = "none"
    @Option(help: "The column (id or name; default: the first).") var column: String?

    func run() throws {
        guard let priority = Priority(name: priority) else { throw BoardError.badPriority(priority) }
        try IssueChangeCommand.commitIndexed(options, report: { events, _ in Output.print("#\(events[0].issue)") }) { _, resolve in
            let (users, unknown) = try resolve(assignees)
            Output.noteNewUsers(unknown)
            return [.create(title: title, body: body, column: column, labels: labels, assignees: users, priority: priority)]
        }
    }
}
