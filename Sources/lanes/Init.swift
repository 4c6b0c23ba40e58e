import ArgumentParser
import BoardModel
import BoardStore
import Screen

/// `lanes init [DIR]`: creates DIR/.lanes with the default columns.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a board in DIR/.lanes (default: the current directory).")

    @Argument(help: "The directory to hold the board.")
    var directory: String?

    /// `--board` (the same as DIR: `lanes init --board DIR` is what people type after using it
    /// everywhere else; without it here the root command took it and the board landed in the
    /// current directory) and `--as`.
    @OptionGroup var options: BoardOptions

    @Flag(help: "Make the board writable by the directory's group: setgid directory, files 0660.")
    var shared = false

    @Flag(help: "Register Lanes' merge driver in the git repository holding the board (as lanes sync --setup).")
    var git = false

    @Option(help: ArgumentHelp("The board's columns, in order, comma-separated (default: Backlog,To do,In progress,Review,Done).", valueName: "names"))
    var columns: String?

    @Option(help: ArgumentHelp("A closing column (repeatable; default: the last of --columns).", valueName: "name"))
    var closing: [String] = []

    func validate() throws {
        if let directory, let board = options.board, directory != board {
            throw ValidationError("init takes the board's directory once: \(directory) or --board \(board), not both")
        }
    }

    func run() throws {
        var options = options
        options.board = directory ?? options.board ?? "."
        let location = options.location
        try EventLog.create(location, columns: try InitColumns.columns(columns, closing: closing), actor: options.actorName, shared: shared)
        Output.print("created \(shared ? "shared " : "")board \(Sanitizer.line(location.directory))")
        if git {
            var sync = Sync()
            sync.options = options
            sync.setup = true
            try sync.run()
        }
    }
}
