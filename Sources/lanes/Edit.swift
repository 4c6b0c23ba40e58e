import ArgumentParser

/// `lanes edit N [--title T] [--body B]`.
struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change an issue's title or description.")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The issue number.") var number: IssueNumber
    @Option(help: "The new title.") var title: String?
    @Option(help: "The new description.") var body: String?

    func validate() throws {
        if title == nil && body == nil { throw ValidationError("give --title, --body or both") }
    }

    func run() throws {
        try IssueChangeCommand.commitIndexed(options) { _, _ in
            (title.map { [.retitle(number.value, $0)] } ?? []) + (body.map { [.editBody(number.value, $0)] } ?? [])
        }
    }
}
