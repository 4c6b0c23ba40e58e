import ArgumentParser
import BoardModel

/// `lanes columns add NAME [--id ID] [--after ID | --before ID] [--closing] [--wip N]`.
struct AddColumn: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a column (last unless placed).")
    @OptionGroup var options: BoardOptions
    @Argument(help: "Its name.") var name: String
    @Option(help: ArgumentHelp("Its id in the log and queries (default: from the name).", valueName: "id")) var id: String?
    @OptionGroup var placement: ColumnPlacement
    @Flag(help: "Moving an issue into it closes the issue.") var closing = false
    @Option(help: ArgumentHelp("Its work-in-progress limit.", valueName: "N")) var wip: String?

    func run() throws {
        let position = try placement.position() ?? .last
        let limit = try wip.flatMap { text throws(BoardError) in try ColumnLimits.parseWIP(text) }
        try Columns.commit(options) { board in
            .add(Column(id: id ?? board.newColumnID(for: name), name: name, isClosing: closing, wip: limit), at: position)
        }
    }
}

/// `lanes columns rename ID NAME`.
struct RenameColumn: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a column (its id stays).")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The column.") var column: String
    @Argument(help: "Its new name.") var name: String

    func run() throws { try Columns.commit(options) { _ in .rename(column, to: name) } }
}

/// `lanes columns move ID (--after ID | --before ID | --first | --last)`.
struct MoveColumn: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: "Move a column among the others.")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The column.") var column: String
    @OptionGroup var placement: ColumnPlacement

    func run() throws {
        guard let position = try placement.position() else {
            throw ValidationError("say where: --after COLUMN, --before COLUMN, --first or --last")
        }
        try Columns.commit(options) { _ in .move(column, to: position) }
    }
}

/// `lanes columns remove ID [--to ID]`: refused while it holds issues and no `--to` is given.
struct RemoveColumn: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a column; --to moves its issues there first.")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The column.") var column: String
    @Option(help: ArgumentHelp("Where its issues go (each gets a moved event).", valueName: "column")) var to: String?

    func run() throws { try Columns.commit(options) { _ in .remove(column, to: to) } }
}

/// `lanes columns wip ID N|none`.
struct LimitColumn: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "wip", abstract: "Set the board's WIP limit of a column (none clears it).")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The column.") var column: String
    @Argument(help: "The limit, or none.") var limit: String

    func run() throws {
        let wip = try ColumnLimits.parseWIP(limit)
        try Columns.commit(options) { _ in .limit(column, wip: wip) }
    }
}

/// `lanes columns closing ID on|off`.
struct ClosingColumn: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "closing", abstract: "Make a column closing (on) or not (off).")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The column.") var column: String
    @Argument(help: "on or off.") var value: String

    func run() throws {
        let on = try ColumnLimits.parseSwitch(value)
        try Columns.commit(options) { _ in .setClosing(column, on) }
    }
}
