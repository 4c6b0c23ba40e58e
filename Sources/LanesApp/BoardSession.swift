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
    private var projections = ProjectionCache()
    private var pending: [Key] = []
    private var undoSteps: [UndoStep] = []
    private var redoSteps: [UndoStep] = []
    private var needsFrame = true
    private var running = true

    public init(log: EventLog, screen: TerminalScreen, configuration: Configuration, actor: String,
                now: @escaping () -> Timestamp = { .now }) {
        self.log = log
        self.screen = screen
        self.configuration = configuration
        self.actor = actor
        self.now = now
        ui.swimlanes = configuration.swimlanes
        ui.problems = configuration.errors
        if let summary = BoardSession.problemSummary(configuration.errors) {
            ui.message = UIState.Message(summary, isError: true)
        } else if let reason = log.readOnlyReason {
            ui.message = UIState.Message(reason, isError: true)
        } else if let warning = log.warnings.first {
            ui.message = UIState.Message("warning: " + warning, isError: true)
        }
        log.onLockWait = { [weak self] holder in
            guard let self else { return }
            ui.message = UIState.Message("waiting for the board lock" + LockHolder.describe(holder) + "; q cancels", isError: true)
            draw()
            needsFrame = true // for the save's outcome
        }
        log.cancelsLockWait = { [weak self] in self?.lockWaitCancelled() ?? false }
    }

    /// Asked while a save waits for another process's lock: q, Esc or Ctrl-C give the wait up
    /// (the save fails and says so, as any failed save does); other keys are dropped.
    func lockWaitCancelled() -> Bool {
        while let key = screen.nextKey(timeoutMilliseconds: 0) {
            switch key {
            case .character("q"), .escape, .control("c"): return true
            case .resize:
                screen.invalidate()
                draw()
            default: continue
            }
        }
        return false
    }

    /// Runs until quit. `idleMilliseconds` is how long to wait for a key before checking for
    /// other writers (one `stat` per wake, so idle costs nothing noticeable and other people's
    /// changes show within half a second); nil (headless) stops when the keys run out.
    public func run(idleMilliseconds: Int? = 400) {
        while running {
            if needsFrame {
                draw()
                log.writePendingSnapshot() // after the first frame, before any key can change the board
            }
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
        if case .mouse(let event) = key {
            handleMouse(event)
            return
        }
        if ui.prompt != nil {
            handlePromptKey(key)
            return
        }
        if !pending.isEmpty, key == .escape {
            pending = [] // <Esc> after a prefix key drops it, as in vim
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
        // The context (a copy of the board) must be gone before the reactions run: a commit
        // changing the board while a copy is alive would copy all 100,000 issues.
        let reactions = reduce(&ui, command, reduceContext())
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
            save(changes, record: true)
        case .editIssue(let number):
            editIssue(number)
        case .editComment(let numbers):
            editComment(numbers)
        case .markActivitySeen:
            let seen = SeenMarker(board: log.location.directory, user: actor, environment: ProcessEnvironment.current)
            ui.lastSeen = seen.read()
            if let newest = log.state.events.last?.at { seen.write(newest) }
        case .undo:
            guard let step = undoSteps.popLast() else {
                ui.message = UIState.Message("nothing to undo", isError: true)
                return
            }
            if let events = save(step.inverse, record: false) {
                redoSteps.append(step)
                ui.message = UIState.Message("undid: " + step.summary + (events.isEmpty ? " (nothing left to change)" : ""))
            }
        case .redo:
            guard let step = redoSteps.popLast() else {
                ui.message = UIState.Message("nothing to redo", isError: true)
                return
            }
            if save(step.forward, record: false) != nil {
                undoSteps.append(step)
                ui.message = UIState.Message("redid: " + step.summary)
            }
        }
    }

    /// Saves changes as one step; reports the result on the status line. With `record`, the
    /// step can be undone (one step even for many marked issues).
    @discardableResult
    func save(_ changes: [Change], record: Bool) -> [Event]? {
        let inverse = changes.reversed().map { log.state.inverse(of: $0) }
        let selectedBefore = BoardSelection.issue(ui, projection().lanes)
        do {
            let events = try log.commit(changes, actor: actor)
            guard let last = events.last else {
                ui.message = UIState.Message("nothing to change")
                return events
            }
            let issues = Set(events.map(\.issue))
            let summary = "#\(last.issue) " + last.summary(in: log.state) + (issues.count > 1 ? " (and \(issues.count - 1) more " + Plural.noun("issue", issues.count - 1) + ")" : "")
            ui.message = UIState.Message(summary)
            if record {
                if inverse.contains(where: { $0 == nil }) {
                    ui.message = UIState.Message(summary + " (not undoable)")
                } else {
                    undoSteps.append(UndoStep(summary: summary, forward: changes, inverse: inverse.flatMap { $0! }))
                    redoSteps = []
                }
            }
            if let created = events.first(where: { if case .created = $0.kind { true } else { false } }) {
                select(created.issue)
            } else if let selectedBefore, issues == [selectedBefore] {
                select(selectedBefore) // a card that moved (m, x, undo) stays selected
            }
            return events
        } catch {
            ui.message = UIState.Message(error.description, isError: true)
            return nil
        }
    }

    /// Selects an issue in the board and the list (a new issue, say).
    func select(_ number: Int) {
        guard let issue = log.state.issues[number] else { return }
        ui.selected[issue.column] = number
        ui.listSelected = number
        if let index = projection().lanes.firstIndex(where: { $0.column.id == issue.column }) { ui.column = index }
    }

    // MARK: - Editor

    func editIssue(_ number: Int) {
        guard let issue = log.state.issues[number] else { return }
        let template = issue.title + "\n\n" + issue.body + (issue.body.isEmpty ? "" : "\n")
            + "\n# Editing #\(number). The first line is the title; the description follows a blank line.\n"
            + "# Lines starting with # are ignored. Leave the file unchanged or empty to change nothing.\n"
        guard let text = runEditor(template) else { return }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let title = String(lines.first ?? "")
        let body = lines.dropFirst().joined(separator: "\n").trimmingSpaces
        save([.retitle(number, title), .editBody(number, body)], record: true)
    }

    func editComment(_ numbers: [Int]) {
        let list = numbers.map { "#\($0)" }.joined(separator: ", ")
        let template = "\n# Comment on \(list). Lines starting with # are ignored; an empty comment cancels.\n"
        guard let text = runEditor(template) else { return }
        save(numbers.map { .comment($0, text) }, record: true)
    }

    /// Gives the terminal to `$VISUAL`/`$EDITOR` and takes it back.
    func runEditor(_ template: String) -> String? {
        screen.suspend()
        defer {
            screen.resume()
            needsFrame = true
        }
        do {
            guard let text = try ExternalEditor.edit(template: template) else {
                ui.message = UIState.Message("nothing changed")
                return nil
            }
            return text
        } catch {
            ui.message = UIState.Message(error.description, isError: true)
            return nil
        }
    }

    /// Reads other writers' new events; if any arrived, redraws and says what happened.
    func refreshFromOthers() {
        let version = log.version
        let selectedBefore = BoardSelection.issue(ui, projection().lanes)
        do {
            let events = try log.refresh()
            guard log.version != version else { return }
            if let last = events.last {
                let count = events.count > 1 ? " (+\(events.count - 1) more)" : ""
                ui.message = UIState.Message(last.actor + ": #\(last.issue) " + last.summary(in: log.state) + count)
            }
            // The selected card stays selected even if someone else moved it.
            if let selectedBefore { select(selectedBefore) }
            adjustViewport()
            needsFrame = true
        } catch {
            ui.message = UIState.Message(error.description, isError: true)
            needsFrame = true
        }
    }

    // MARK: - Mouse

    /// Click selects, double click opens, the wheel scrolls.
    func handleMouse(_ event: MouseEvent) {
        guard ui.prompt == nil else { return }
        switch event.action {
        case .wheelUp: execute(Command(.cursorUp)); execute(Command(.cursorUp)); execute(Command(.cursorUp))
        case .wheelDown: execute(Command(.cursorDown)); execute(Command(.cursorDown)); execute(Command(.cursorDown))
        case .press, .doublePress:
            let size = screen.size
            let layout = BoardLayout(width: size.width, height: size.height)
            guard let hit = HitTest.target(x: event.x, y: event.y, ui: ui, projection: projection(), layout: layout) else { return }
            switch hit {
            case .card(let column, let number):
                ui.column = column
                ui.selected[projection().lanes[column].column.id] = number
            case .row(let number):
                ui.listSelected = number
            case .activity(let index):
                ui.activitySelected = index
            }
            if event.action == .doublePress { execute(Command(.openIssue)) }
            adjustViewport()
        }
    }

    // MARK: - Prompt

    func handlePromptKey(_ key: Key) {
        guard var prompt = ui.prompt else { return }
        let kind = prompt.kind
        let outcome = PromptInput.handle(key, &prompt, history: ui.promptHistory[kind] ?? [])
        switch outcome {
        case .complete, .editing:
            if case .complete = outcome {
                completePrompt(&ui, reduceContext())
            } else {
                ui.prompt = prompt
            }
            // `/` filters as you type, completed words included.
            if kind == .filter, let text = ui.prompt?.editor.text { filterAsTyped(&ui, text, reduceContext()) }
        case .cancel:
            ui.prompt = nil
            if prompt.kind == .filter {
                if ui.view == .help { ui.helpFilter = "" } else { execute(Command(.cancel)) }
            }
        case .submit(let text):
            if !text.trimmingSpaces.isEmpty, ui.promptHistory[prompt.kind]?.last != text {
                ui.promptHistory[prompt.kind, default: []].append(text)
            }
            switch prompt.kind {
            case .command:
                ui.prompt = nil
                guard !text.trimmingSpaces.isEmpty else { return }
                do {
                    execute(try Command.parse(text))
                } catch {
                    ui.message = UIState.Message(error.description, isError: true)
                }
            default:
                for reaction in submitPrompt(&ui, prompt.kind, text, reduceContext()) { perform(reaction) }
            }
        }
        adjustViewport()
    }

    // MARK: - Drawing

    /// The status line's word on the rc files' problems: one is shown whole; several are
    /// counted, short enough for 40 columns, and `:messages` lists them.
    static func problemSummary(_ problems: [FileProblem]) -> String? {
        guard let first = problems.first else { return nil }
        guard problems.count > 1 else { return first.description }
        let files = Set(problems.map { $0.file.split(separator: "/").last.map(String.init) ?? $0.file })
        let place = files.count == 1 ? files.first! : "rc files"
        return Plural.count(problems.count, "problem") + " in \(place); see :messages"
    }

    func draw() {
        ui.recordMessage()
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
        return ReduceContext(board: log.state, projection: projection(), actor: actor, pageSize: page, now: now(),
                             views: configuration.savedViews, staleAfterDays: configuration.settings.staleAfterDays)
    }

    func viewContext() -> ViewContext {
        var context = ViewContext(board: log.state, projection: projection(), ui: ui, theme: configuration.theme,
                                  keymap: configuration.keymap, settings: configuration.settings, actor: actor,
                                  boardName: log.location.name, now: now())
        context.pendingKeys = pending
        return context
    }

    /// The filtered, sorted board, recomputed only when the board, the filter or the minute changes.
    func projection() -> BoardProjection {
        let time = now()
        let key = ProjectionCache.Key(version: log.version, query: ui.filter, minute: time.milliseconds / 60_000,
                                      swimlanes: ui.swimlanes)
        return projections.projection(for: key, state: log.state, changes: log.changedIssues(since:)) { candidates, order, searchText, bands in
            BoardProjection(state: log.state, query: ui.filter, now: time,
                            staleAfterDays: configuration.settings.staleAfterDays, swimlanes: ui.swimlanes,
                            candidates: candidates, order: order, searchText: searchText, bands: bands)
        }
    }
}
