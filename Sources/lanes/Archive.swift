import ArgumentParser

/// `lanes archive N…`: takes issues off the board and out of the default list; `is:archived`
/// finds them, and they keep their timeline.
struct Archive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Archive issues: off the board and the default list; is:archived finds them.")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The issue numbers.") var numbers: [IssueNumber]

    func run() throws {
        try LifecycleCommand.commit(options, numbers, .archived)
    }
}

/// `lanes unarchive N…`: puts archived issues back on the board where they were.
struct Unarchive: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unarchive", abstract: "Unarchive issues: back on the board where they were.")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The issue numbers.") var numbers: [IssueNumber]

    func run() throws {
        try LifecycleCommand.commit(options, numbers, .unarchived)
    }
}
