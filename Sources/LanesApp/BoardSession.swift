import BoardModel
import BoardStore
import BoardViews
import Keymap
import Screen

/// The full-screen board's run loop: keys → commands → reducer → effects → frame.
///
/// Owns the event log, the UI state and the screen. Frames are drawn only when something changed;
/// while idle the loop sleeps in the screen's key wait and looks for other writers once a second.
public final class BoardSession {
    public let log: EventLog
    public var ui = UIState()
    let screen: TerminalScreen
    let configuration: Configuration
    let actor: String
    let now: () -> Timestamp
    private var projectionCache: (key: ProjectionKey, value: BoardProjection)?
    private var pending: [Key] = []
    private var needsFrame = true
    private var running = true

    struct ProjectionKey: Equatable {
        var version: Int
        var query: Query
        var minute: Int64
    }

    public init(log: EventLog, screen: TerminalScreen, configuration: Configuration, actor: String,
                now: @escaping () -> Timestamp = { .now }) {
        self.log = log
        self.screen = screen
        self.configuration = configuration
        self.actor = actor
        self.now = now
        if let first = configuration.errors.first {
            let more = configuration.errors.count > 1 ? " (+\(configuration.errors.count - 1) more)" : ""
            ui.message = UIState.Message(first.description + more, isError: true)
        } else if let reason = log.readOnlyReason {
            ui.message = UIState.Message(reason, isError: true)
        }
    }

    /// Runs until quit. `idleMilliseconds` is how long to wait for a key before checking for
    /// other writers; nil (headless) stops when the keys run out.
    public func run(idleMilliseconds: Int? = 1000) {
        while running {
            if needsFrame { draw() }
            guard let key = screen.nextKey(timeoutMilliseconds: idleMilliseconds) else {
                if idleMilliseconds == nil { break }
                refreshFromOthers()
                continue
            }
            handle(key)
        }
    }

    /// The current frame (for tests and `--dump`).
    public func frame() -> CellGrid {
        let size = screen.size
        return Renderer.render(viewContext(), width: size.width, height: size.height)
    }

    public func handle(_ key: Key) {
        needsFrame = true
        if case .resize = key {
            screen.invalidate()
            return
        }
        if case .mouse = key { return }
        if ui.prompt != nil {
            handlePromptKey(key)
            return
        }
        pending.append(key)
        switch configuration.keymap.resolve(pending, in: KeyContext(view: ui.view)) {
        case .pending:
            return
        case .unbound:
            let typed = KeyNotation.format(pending)
            pending = []
            ui.message = UIState.Message("\(typed) is not bound here; press ? for help", isError: true)
        case .command(let command):
            pending = []
            if ui.message?.isError == true { ui.message = nil }
            execute(command)
        }
    }

    public func execute(_ command: Command) {
        if command.name == .filter, ui.view == .help, !command.argument.isEmpty {
            ui.helpFilter = command.argument
            return
        }
        let context = reduceContext()
        let reactions = reduce(&ui, command, context)
        for reaction in reactions { perform(reaction) }
        adjustViewport()
    }

    // MARK: - Effects

    func perform(_ reaction: Reaction) {
        switch reaction {
        case .quit:
            running = false
        case .redraw:
            screen.invalidate()
        case .suspend:
            screen.suspendProcess()
        case .save(let changes):
            do {
                let events = try log.commit(changes, actor: actor)
                if let last = events.last {
                    ui.message = UIState.Message("#\(last.issue) " + last.summary(in: log.state))
                }
            } catch {
                ui.message = UIState.Message((error as? BoardError)?.description ?? "\(error)", isError: true)
            }
        }
    }

    /// Reads other writers' new events; if any arrived, redraws and says what happened.
    func refreshFromOthers() {
        do {
            let events = try log.refresh()
            guard !events.isEmpty else { return }
            let theirs = events.filter { $0.actor != actor }
            if let last = theirs.last ?? events.last {
                let count = events.count > 1 ? " (+\(events.count - 1) more)" : ""
                ui.message = UIState.Message(last.actor + " " + last.summary(in: log.state) + " #\(last.issue)" + count)
            }
            adjustViewport()
            needsFrame = true
        } catch {
            ui.message = UIState.Message((error as? BoardError)?.description ?? "\(error)", isError: true)
            needsFrame = true
        }
    }

    // MARK: - Prompt

    func handlePromptKey(_ key: Key) {
        guard var prompt = ui.prompt else { return }
        let outcome = PromptInput.handle(key, &prompt)
        switch outcome {
        case .editing:
            ui.prompt = prompt
            if prompt.kind == .filter { liveFilter(prompt.editor.text) }
        case .cancel:
            ui.prompt = nil
            if prompt.kind == .filter {
                if ui.view == .help { ui.helpFilter = "" } else { execute(Command(.cancel)) }
            }
        case .submit(let text):
            ui.prompt = nil
            switch prompt.kind {
            case .filter:
                liveFilter(text)
            case .command:
                guard !text.trimmingSpaces.isEmpty else { return }
                do {
                    execute(try Command.parse(text))
                } catch {
                    ui.message = UIState.Message(error.description, isError: true)
                }
            }
        }
        adjustViewport()
    }

    /// Filters as you type: a bad query shows its error and keeps the last good filter.
    func liveFilter(_ text: String) {
        if ui.view == .help {
            ui.helpFilter = text
            return
        }
        do {
            ui.filter = try Query.parse(text, me: actor, now: now(), staleAfterDays: configuration.settings.staleAfterDays)
                .resolvingColumns(in: log.state)
            ui.message = nil
        } catch {
            ui.message = UIState.Message(error.description, isError: true)
        }
    }

    // MARK: - Drawing

    func draw() {
        needsFrame = false
        screen.present(frame())
    }

    func adjustViewport() {
        let size = screen.size
        Viewport.adjust(&ui, projection: projection(), layout: BoardLayout(width: size.width, height: size.height))
    }

    func reduceContext() -> ReduceContext {
        let size = screen.size
        let layout = BoardLayout(width: size.width, height: size.height)
        let page = ui.view == .board ? layout.cardsPerColumn : max(1, layout.listRows - 1)
        return ReduceContext(board: log.state, projection: projection(), actor: actor, pageSize: page, now: now())
    }

    func viewContext() -> ViewContext {
        ViewContext(board: log.state, projection: projection(), ui: ui, theme: configuration.theme,
                    keymap: configuration.keymap, settings: configuration.settings, actor: actor,
                    boardName: log.location.name, now: now())
    }

    /// The filtered, sorted board, recomputed only when the board, the filter or the minute changes.
    func projection() -> BoardProjection {
        let time = now()
        let key = ProjectionKey(version: log.version, query: ui.filter, minute: time.milliseconds / 60_000)
        if let cache = projectionCache, cache.key == key { return cache.value }
        let value = BoardProjection(state: log.state, query: ui.filter, now: time,
                                    staleAfterDays: configuration.settings.staleAfterDays)
        projectionCache = (key, value)
        return value
    }
}
