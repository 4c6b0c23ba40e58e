import ArgumentParser
import BoardModel

/// `lanes due N DATE|none`.
struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due", abstract: "Set or clear (none) an issue's due date.",
        discussion: "DATE: " + DateExpression.forms + ". A weekday is the next one: fri on a Friday is a week later.")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The issue number.") var number: IssueNumber
    @Argument(help: ArgumentHelp("The date, or none.", valueName: "date")) var date: String

    func run() throws {
        let day = try DateExpression.parseOrNone(date, today: options.clock.today)
        try IssueChangeCommand.commitIndexed(options) { _, _ in [.setDue(number.value, day)] }
    }
}

/// `lanes snooze N DATE|none`.
struct SnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snooze", abstract: "Set an issue aside until a date (none wakes it now).",
        discussion: "It leaves the board and the default list until DATE begins, then comes back by itself; "
            + "a change by anyone else wakes it at once. DATE: " + DateExpression.forms + ".")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The issue number.") var number: IssueNumber
    @Argument(help: ArgumentHelp("The date, or none.", valueName: "date")) var date: String

    func run() throws {
        let day = try Snooze.parseUntil(date, today: options.clock.today)
        try IssueChangeCommand.commitIndexed(options) { _, _ in [.snooze(number.value, day)] }
    }
}
