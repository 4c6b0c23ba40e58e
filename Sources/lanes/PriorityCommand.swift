import ArgumentParser
import BoardModel

/// `lanes priority N P`.
struct PriorityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "priority", abstract: "Set priority: urgent, high, medium, low or none.")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The issue number.") var number: IssueNumber
    @Argument(help: "The priority.") var priority: String

    func run() throws {
        guard let value = Priority(name: priority) else { throw BoardError.badPriority(priority) }
        try IssueChangeCommand.commitIndexed(options) { _, _ in [.prioritise(number.value, value)] }
    }
}
