import ArgumentParser
import BoardModel

/// `lanes label N +bug -ui …`: a bare word adds, `+x` adds, `-x` removes.
struct LabelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "label", abstract: "Add (+x) and remove (-x) labels.")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The issue number.") var number: IssueNumber
    @Argument(parsing: .allUnrecognized, help: "+label to add, -label to remove.") var changes: [String]

    func validate() throws {
        if changes.isEmpty { throw ValidationError("name at least one label, as +x or -x") }
    }

    func run() throws {
        let (add, remove) = LabelEdit.parse(changes)
        try IssueChangeCommand.commitIndexed(options) { _, _ in [.label(number.value, add: add, remove: remove)] }
    }
}
