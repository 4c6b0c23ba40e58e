import ArgumentParser
import BoardExchange
import BoardIndex
import BoardModel
import Screen

/// `lanes columns`: lists the board's columns; its subcommands change them (board-wide events
/// every clone shares, merged by `lanes sync`).
struct Columns: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "columns",
        abstract: "List or change the board's columns (ids or names are accepted wherever a column is named).",
        subcommands: [ListColumns.self, AddColumn.self, RenameColumn.self, MoveColumn.self, RemoveColumn.self,
                      LimitColumn.self, ClosingColumn.self],
        defaultSubcommand: ListColumns.self
    )

    /// Commits one column change and prints what it did.
    static func commit(_ options: BoardOptions, _ change: @escaping (BoardState) throws -> ColumnChange) throws {
        try IssueChangeCommand.commit(options) { _, board in [.column(try change(board))] }
    }
}

/// `lanes columns [list] [--format table|json]`.
struct ListColumns: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the columns: id, name, closing, WIP limit, open issues.")
    @OptionGroup var options: BoardOptions
    @Option(help: "table or json.") var format: Format = .table

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    func run() throws {
        let (columns, counts) = try columnsAndCounts()
        switch format {
        case .json: Output.print(utf8: ColumnJSON.list(columns, openCounts: counts))
        case .table:
            let rows = [["ID", "NAME", "CLOSING", "WIP", "OPEN"]] + columns.map { column in
                [column.id, column.name, column.isClosing ? "yes" : "-", column.wip.map(String.init) ?? "-", String(counts[column.id] ?? 0)]
                    .map(Sanitizer.line)
            }
            Output.print(TextTable.render(rows, width: Output.terminalWidth))
        }
    }

    /// The columns and their open issues from the board's index (the counts it keeps), or from
    /// the whole board where no index can be kept.
    private func columnsAndCounts() throws -> ([Column], [String: Int]) {
        do {
            if let index = try options.openIndex() { return (index.boardState.columns, try index.openCounts()) }
        } catch is IndexUnavailable {}
        let state = try options.open().state
        return (state.columns, state.openCounts)
    }
}

/// `--after ID | --before ID | --first | --last`, for `add` and `move`.
struct ColumnPlacement: ParsableArguments {
    @Option(help: ArgumentHelp("Put it after this column.", valueName: "column")) var after: String?
    @Option(help: ArgumentHelp("Put it before this column.", valueName: "column")) var before: String?
    @Flag(help: "Put it first.") var first = false
    @Flag(help: "Put it last.") var last = false

    /// The position asked for, nil if none; more than one is a usage error.
    func position() throws -> ColumnPosition? {
        let chosen = [after.map(ColumnPosition.after), before.map(ColumnPosition.before),
                      first ? .first : nil, last ? .last : nil].compactMap { $0 }
        guard chosen.count <= 1 else { throw ValidationError("give only one of --after, --before, --first, --last") }
        return chosen.first
    }
}
