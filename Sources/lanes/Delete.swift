#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import BoardModel
import Screen

/// `lanes delete N…`: the issues disappear from the board, lists, queries and exports; `lanes
/// restore N` brings one back. Their text stays in the log, so on a terminal it asks first.
struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete issues (asks first on a terminal; lanes restore brings them back; the text stays in the log).")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The issue numbers.") var numbers: [IssueNumber]
    @Flag(name: .shortAndLong, help: "Do not ask (for scripts; needed when stdin is not a terminal).") var yes = false

    func run() throws {
        guard yes || Output.stdinIsTerminal else {
            Output.error("lanes: delete asks for confirmation on a terminal; add --yes to delete without asking")
            Glibc.exit(2)
        }
        if !yes {
            let titles = try LifecycleCommand.issues(options, numbers).map { "#\($0.number) \"" + Sanitizer.line($0.title) + "\"" }
            let answer = Output.ask("Delete \(titles.joined(separator: ", "))? It leaves the board, lists and exports; "
                                    + "its text stays in the log. [y/N] ")
            guard let answer = answer?.trimmingSpaces.lowercased(), answer == "y" || answer == "yes" else {
                Output.fail("nothing deleted")
            }
        }
        try LifecycleCommand.commit(options, numbers, .deleted)
    }
}

/// `lanes restore N…`: brings deleted issues back where they were, with their timeline.
struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restore", abstract: "Restore deleted issues, with their timeline.")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The issue numbers.") var numbers: [IssueNumber]

    func run() throws {
        try LifecycleCommand.commit(options, numbers, .restored)
    }
}
