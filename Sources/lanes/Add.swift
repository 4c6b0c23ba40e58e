import ArgumentParser
import BoardModel

/// `lanes add TITLE …`: creates an issue and prints its number.
struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create an issue; prints its number (#7).")

    @OptionGroup var options: BoardOptions
    @Argument(help: "The title.") var title: String
    @Option(help: "The description.") var body: String = ""
    @Option(name: .customLong("label"), help: "A label (repeatable).") var labels: [String] = []
    @Option(name: .customLong("assign"), help: "An assignee (repeatable; 'me' is you).") var assignees: [String] = []
    @Option(help: "urgent, high, medium, low or none.") var priority: String = "none"
    @Option(help: "The column (id or name; default: the first).") var column: String?

    func run() throws {
        guard let priority = Priority(name: priority) else { throw BoardError.badPriority(priority) }
        let log = try options.open()
        let me = options.actorName
        let (users, unknown) = log.state.resolveUsers(assignees, me: me)
        Output.noteNewUsers(unknown)
        let events = try log.commit([.create(title: title, body: body, column: column, labels: labels,
                                             assignees: users, priority: priority)],
                                    actor: me, now: options.clock.now)
        Output.print("#\(events[0].issue)")
    }
}
