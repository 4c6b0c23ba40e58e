import ArgumentParser

/// `lanes move N COLUMN`.
struct Move: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: "Move an issue to a column (id or name).")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The issue number.") var number: IssueNumber
    @Argument(help: "The column.") var column: String

    func run() throws {
        try IssueChangeCommand.commitIndexed(options) { _, _ in [.move(number.value, to: column)] }
    }
}
