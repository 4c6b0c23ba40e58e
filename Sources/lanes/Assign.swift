import ArgumentParser

/// `lanes assign N USER… [--remove]`.
struct Assign: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Assign users to an issue ('me' is you), or --remove them.")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The issue number.") var number: IssueNumber
    @Argument(help: "Users.") var users: [String]
    @Flag(help: "Unassign instead.") var remove = false

    func validate() throws {
        if users.isEmpty { throw ValidationError("name at least one user") }
    }

    func run() throws {
        try IssueChangeCommand.commitIndexed(options) { _, resolve in
            let (names, unknown) = try resolve(users)
            if !remove { Output.noteNewUsers(unknown) }
            return [remove ? .unassign(number.value, names) : .assign(number.value, names)]
        }
    }
}
