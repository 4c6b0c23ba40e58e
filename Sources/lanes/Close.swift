import ArgumentParser

/// `lanes close N`: moves the issue to the closing column.
struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close an issue (moves it to the closing column).")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The issue number.") var number: IssueNumber

    func run() throws {
        try IssueChangeCommand.commitIndexed(options) { _, _ in [.close(number.value)] }
    }
}

/// `lanes reopen N`: moves the issue back to where it was before it closed.
struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen an issue (moves it back where it was).")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The issue number.") var number: IssueNumber

    func run() throws {
        try IssueChangeCommand.commitIndexed(options) { _, _ in [.reopen(number.value)] }
    }
}
