import BoardModel
import BoardInteraction
import BoardStore
import Keymap
import LanesApp
import NcursesScreen
import Screen

/// Opens the full-screen board, or runs it headless with `--keys` (like tig's TIG_SCRIPT):
/// the keys run against an in-memory screen and `--dump` prints the final screen as text.
struct BoardCommand {
    var options: BoardOptions
    var keys: String?
    var size: String
    var dump: Bool
    /// `--utf8`: write UTF-8 whatever the locale says.
    var utf8 = false
    /// A first status-line message (the demo says where its files are).
    var greeting: String? = nil

    func run() throws {
        let environment = options.environment
        if keys == nil, dump { throw BoardError.invalid("--dump needs --keys (use --keys '' for the first screen)") }
        if let keys {
            let parsedSize = try parseSize()
            guard let parsed = keys.isEmpty ? [] : KeyNotation.parse(keys) else {
                throw BoardError.invalid("bad --keys \"\(keys)\"; write keys as tig does: jjL<Enter><Esc>")
            }
            let screen = MemoryScreen(width: parsedSize.width, height: parsedSize.height, keys: parsed)
            if let (index, configuration) = firstScreenSource() {
                drawFirstScreen(from: index, configuration: configuration, on: screen)
            } // the index is closed here: the board holds what it needs
            let log = try options.open(snapshots: .interactive)
            let configuration = Configuration(
                rcFiles: Configuration.rcFiles(boardDirectory: log.location.directory, environment: environment),
                environment: environment, board: log.state)
            let session = BoardSession(log: log, screen: screen, configuration: configuration, actor: options.actorName,
                                       greeting: greeting, now: options.fixedNow)
            session.columnsRefusal = GatewaySession.current?.columnsRefusal
            session.run(idleMilliseconds: nil)
            if dump { Output.print(session.frame().text + "\n") }
            return
        }
        // With a current index the terminal starts first and shows the first screen while the
        // board is read on another thread; moves typed meanwhile are answered from it, other
        // keys wait for the session (`LoadHandOver`).
        let early = try firstScreen()
        var screen = early?.screen
        defer { screen?.stop() }
        let log: EventLog, typed: [Key]
        if let early, let first = early.first {
            let options = options
            guard let loaded = try LoadHandOver.load({ try options.open(snapshots: .interactive) }, answering: first,
                                                     on: early.screen) else { return }
            (log, typed) = loaded
        } else {
            (log, typed) = (try openWithoutIndex(), [])
        }
        var configuration = Configuration(
            rcFiles: Configuration.rcFiles(boardDirectory: log.location.directory, environment: environment),
            environment: environment, board: log.state)
        let terminal = try screen ?? startScreen(mouse: configuration.mouse)
        terminal.keysSignal(false)
        screen = terminal
        // What the terminal is really sent, not what LANG claims (a UTF-8 locale may not be installed).
        configuration.settings.asciiOnly = !terminal.isUTF8
        let session = BoardSession(log: log, screen: terminal, configuration: configuration, actor: options.actorName,
                                   greeting: greeting, now: options.fixedNow)
        session.columnsRefusal = GatewaySession.current?.columnsRefusal
        buildIndexAfterFirstFrame(from: log, session: session)
        // The keys typed while the board was read, before any other; the snapshot the read
        // prepared is written before a key can change the board (as `run` does after its first frame).
        if !typed.isEmpty { log.writePendingSnapshot() }
        for key in typed { session.handle(key) }
        session.run()
    }

    func startScreen(mouse: Bool) throws -> NcursesScreen {
        do {
            return try NcursesScreen.start(environment: options.environment, mouse: mouse,
                                           forceUTF8: utf8 || options.environment["LANES_UTF8"] == "1")
        } catch {
            throw BoardError.invalid(error.description)
        }
    }

    func parseSize() throws -> (width: Int, height: Int) {
        let parts = size.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
              (1...1000).contains(width), (1...1000).contains(height) else {
            throw BoardError.invalid("bad --size \"\(size)\"; use WIDTHxHEIGHT, e.g. 100x30")
        }
        return (width, height)
    }
}
