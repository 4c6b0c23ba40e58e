import ArgumentParser
import BoardModel

/// `lanes`: with no subcommand, the full-screen board; otherwise one scriptable action.
struct Lanes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lanes",
        abstract: "A terminal issue board: kanban columns and issue timelines from an event log.",
        discussion: "Run with no subcommand to open the board full-screen.",
        version: LanesVersion.current,
        subcommands: [
            Init.self, Add.self, List.self, Show.self, Move.self, Assign.self, LabelCommand.self,
            PriorityCommand.self, DueCommand.self, SnoozeCommand.self, DigestCommand.self, Edit.self, CommentCommand.self, Close.self, Reopen.self, Link.self, Unlink.self, Check.self, Export.self,
            Import.self, Sync.self, Demo.self, MergeDriver.self, Columns.self, Intake.self, Archive.self, Unarchive.self, Delete.self, Restore.self,
            Access.self, SSHGateway.self, IndexText.self,
        ]
    )

    @OptionGroup var options: BoardOptions

    @Option(help: ArgumentHelp("Headless: run these keys (tig-style, e.g. 'jjL<Enter>') against an in-memory screen.", valueName: "keys"))
    var keys: String?

    @Option(help: ArgumentHelp("Headless screen size, WIDTHxHEIGHT.", valueName: "size"))
    var size: String = "100x30"

    @Flag(help: "Headless: print the final screen as text.")
    var dump = false

    @Flag(help: "Write UTF-8 whatever the locale says (as tmux -u does), for a UTF-8 terminal reached without LANG; also $LANES_UTF8=1.")
    var utf8 = false

    mutating func run() throws {
        try BoardCommand(options: options, keys: keys, size: size, dump: dump, utf8: utf8).run()
    }
}
