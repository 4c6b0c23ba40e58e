import BoardModel
import BoardQuery
import BoardInteraction
import BoardStore
import BoardViews
import Keymap
import Observation
import Screen

/// The full-screen board's run loop: keys → commands → reducer → effects → frame.
///
/// Owns the event log, the UI state and the screen. Frames are drawn only when something changed:
/// a key, or the observed board (a commit here, other writers' lines, a reload); while idle the
/// loop sleeps in the screen's key wait and looks for other writers once a second.
public final class BoardSession {
    public let log: EventLog
    /// The log's board, observed to know when to redraw whoever changed it.
    let board: ObservableBoard
    /// Raised by the board's observation; the loop draws when it finds it raised.
    let redraw = RedrawSignal()
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
    /// Editor text whose save failed and whose recovery file could not be written either.
    private var unkeptDrafts: [String: String] = [:]
    /// Set when a save fails, so that the command's cursor movement is taken back.
    private var saveFailed = false
    /// The environment for `$EDITOR` and `$XDG_STATE_HOME` (tests set their own).
    var environment = ProcessEnvironment.current

    public init(log: EventLog, screen: TerminalScreen, configuration: Configuration, actor: String,
                now: @escaping () -> Timestamp = { .now }) {
        self.log = log
        self.board = log.board
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
        } else if !log.problems.isEmpty {
            let count = log.problems.count
            ui.message = UIState.Message("\(count) line\(count == 1 ? "" : "s") of the log could not be read; "
                                         + "lanes check lists them", isError: true)
        } else if let warning = log.warnings.first {
            ui.message = UIState.Message("warning: " + warning, isError: true)
        } else if configuration.settings.asciiOnly {
            ui.message = UIState.Message("not UTF-8: ? hides text; use LANG=C.UTF-8 or lanes --utf8", isError: true)
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
            if frameDue {
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

    /// Whether the loop draws next: something asked for a frame (a key, a failed refresh), or
    /// the board changed since the last one.
    var frameDue: Bool { needsFrame || redraw.isRaised }

    /// The current frame (for tests and `--dump`).
    public func frame() -> CellGrid {
        let size = screen.size
        return Renderer.render(viewContext(), width: size.width, height: size.height)
    }

    public func handle(_ key: Key) {
        needsFrame = true
        defer { keepReadOnlyNotice() }
        if case .resize = key {
            screen.invalidate()
            adjustViewport() // the selection stays on screen at the new size
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
        if let reason = log.readOnlyReason, CommandName.changing.contains(command.name) {
            ui.message = UIState.Message(reason, isError: true)
            return
        }
        if command.name == .filter, ui.view == .help, !command.argument.isEmpty {
            ui.helpFilter = command.argument
            return
        }
        // The context (a copy of the board) must be gone before the reactions run: a commit
        // changing the board while a copy is alive would copy all 100,000 issues.
        let selection = (ui.column, ui.selected, ui.listSelected)
        saveFailed = false
        let reactions = reduce(&ui, command, reduceContext())
        for reaction in reactions { perform(reaction) }
        // A change that was not saved leaves the selection where it was (the card did not move).
        if saveFailed { (ui.column, ui.selected, ui.listSelected) = selection }
        if let pinned = ui.pinned, selectedIssue() != pinned { ui.pinned = nil }
        adjustViewport()
    }

    /// A read-only board says so whenever no other message is showing (Esc clears messages).
    func keepReadOnlyNotice() {
        if ui.message == nil, let reason = log.readOnlyReason { ui.message = UIState.Message(reason, isError: true) }
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
            replay(from: &undoSteps, onto: &redoSteps, verb: "undo", done: "undid", \.inverse)
        case .redo:
            replay(from: &redoSteps, onto: &undoSteps, verb: "redo", done: "redid", \.forward)
        }
    }

    /// Saves changes as one step; reports every change on the status line. With `record`, the
    /// step can be undone (one step even for many marked issues). A failure leaves the
    /// selection where it was before the command (see `execute`).
    @discardableResult
    func save(_ changes: [Change], record: Bool) -> [Event]? {
        let selectedBefore = BoardSelection.issue(ui, projection().lanes)
        var parts: [(part: UndoStep.Part, before: String)] = []
        var undoable = true
        do {
            let events = try log.commit(changes, actor: actor) { state, change in
                guard record else { return }
                if case .comment = change { undoable = false }
                for (number, field, forward) in change.parts {
                    guard let issue = state.issues[number], let inverse = state.inverse(of: forward)?.first else { continue }
                    parts.append((UndoStep.Part(issue: number, field: field, forward: forward, inverse: inverse), field.value(in: issue)))
                }
            }
            let summary = ChangeReport.describe(events, of: changes, in: log.state)
            ui.message = UIState.Message(summary.isEmpty ? "nothing to change" : summary)
            guard !events.isEmpty else { return events }
            if record {
                // Only what really changed is undone: a part that changed nothing has no old value to put back.
                var steps = parts.filter { part, before in
                    log.state.issues[part.issue].map { part.field.value(in: $0) != before } ?? false
                }.map(\.part)
                for event in events {
                    if case .created = event.kind {
                        steps.append(UndoStep.Part(issue: event.issue, field: .placement, forward: .reopen(event.issue), inverse: .close(event.issue)))
                    }
                }
                if !undoable {
                    ui.message = UIState.Message(summary + " (not undoable)")
                } else {
                    undoSteps.append(UndoStep(summary: summary, parts: steps, board: log.state))
                    redoSteps = []
                }
            }
            pinIfHidden(events)
            keepSelection(after: events, selectedBefore: selectedBefore)
            return events
        } catch {
            saveFailed = true
            ui.message = UIState.Message(error.description, isError: true)
            return nil
        }
    }

    /// Undo or redo the newest step: each part whose field still holds what this session left
    /// in it is put back (or forward); a part someone else changed since is left as they set it,
    /// and the status line says who ("#105 priority was changed by alice since; left as is").
    func replay(from source: inout [UndoStep], onto target: inout [UndoStep], verb: String, done: String,
                _ direction: KeyPath<UndoStep.Part, Change>) {
        guard let step = source.popLast() else {
            ui.message = UIState.Message("nothing to \(verb)", isError: true)
            return
        }
        let selectedBefore = BoardSelection.issue(ui, projection().lanes)
        var replayed: [UndoStep.Part] = []
        var refused: [String] = []
        do {
            // The check and the write happen under the lock, against the freshest board.
            let events = try log.commit { state throws(BoardError) in
                var events: [Event] = []
                for part in step.parts {
                    guard let issue = state.issues[part.issue] else { continue }
                    guard step.stillHolds(part, in: issue) else {
                        let who = state.timelines[part.issue]?.last { part.field.isSet(by: $0.kind) }?.actor ?? "someone"
                        refused.append("#\(part.issue) \(part.field.name) was changed by \(who) since; left as is")
                        continue
                    }
                    replayed.append(part)
                    let batch = try state.events(for: part[keyPath: direction], actor: actor, at: now())
                    state.apply(batch)
                    events.append(contentsOf: batch)
                }
                return events
            }
            if !replayed.isEmpty {
                target.append(UndoStep(summary: step.summary, parts: replayed, board: log.state))
            }
            let nothing = events.isEmpty && refused.isEmpty ? " (nothing left to change)" : ""
            // Only what was really put back is called undone.
            let head = replayed.isEmpty && !refused.isEmpty ? [] : [done + ": " + step.summary + nothing]
            ui.message = UIState.Message((head + refused).joined(separator: "; "), isError: !refused.isEmpty)
            keepSelection(after: events, selectedBefore: selectedBefore)
        } catch {
            source.append(step) // nothing was written: the step can be tried again
            saveFailed = true
            ui.message = UIState.Message(error.description, isError: true)
        }
    }

    /// A new issue the filter does not show stays in sight, with a notice, until the
    /// selection moves away from it.
    func pinIfHidden(_ events: [Event]) {
        guard let created = events.first(where: { if case .created = $0.kind { true } else { false } }) else { return }
        ui.pinned = nil
        guard !projection().list.contains(created.issue) else { return }
        ui.pinned = created.issue
        ui.message = UIState.Message((ui.message?.text ?? "") + "; not matched by the filter, shown until you move away")
    }

    /// After a save: a new issue is selected; a card that moved (m, x, undo) stays selected.
    func keepSelection(after events: [Event], selectedBefore: Int?) {
        if let created = events.first(where: { if case .created = $0.kind { true } else { false } }) {
            select(created.issue)
        } else if let selectedBefore, Set(events.map(\.issue)) == [selectedBefore] {
            select(selectedBefore)
        }
    }

    /// The issue selected in the board or the list.
    func selectedIssue() -> Int? {
        let projection = projection()
        return ui.view == .list ? BoardSelection.listIssue(ui, projection.list) : BoardSelection.issue(ui, projection.lanes)
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
        let recovery = EditorRecovery(board: log.location.directory, subject: "issue-\(number)", environment: environment)
        let draft = draft(keptIn: recovery)
        let template = EditorTemplate.issue(issue, draft: draft)
        guard let text = runEditor(template) else { return }
        guard draft != nil || text != template, let (title, body) = EditorTemplate.titleAndBody(of: text) else {
            forgetDraft(keptIn: recovery)
            ui.message = UIState.Message("nothing changed")
            return
        }
        saveTyped(EditorTemplate.content(of: text), keptIn: recovery, what: "text",
                  [.retitle(number, title), .editBody(number, body)])
    }

    func editComment(_ numbers: [Int]) {
        let recovery = EditorRecovery(board: log.location.directory,
                                      subject: "comment-" + numbers.map(String.init).joined(separator: "-"), environment: environment)
        guard let text = runEditor(EditorTemplate.comment(on: numbers, draft: draft(keptIn: recovery))) else { return }
        guard let comment = EditorTemplate.commentText(of: text) else {
            forgetDraft(keptIn: recovery)
            ui.message = UIState.Message("no comment written")
            return
        }
        saveTyped(comment, keptIn: recovery, what: "comment", numbers.map { .comment($0, comment) })
    }

    /// Saves what was written in the editor. If that fails (full disk, a cancelled lock wait),
    /// the text is kept in `recovery`, the message says where, and the next edit offers it.
    func saveTyped(_ text: String, keptIn recovery: EditorRecovery, what: String, _ changes: [Change]) {
        guard save(changes, record: true) == nil else {
            forgetDraft(keptIn: recovery)
            return
        }
        let error = ui.message?.text ?? "the change was not saved"
        let keepFailure = recovery.keep(text)
        // Not even the recovery file could be written: this session still offers the text.
        if keepFailure != nil { unkeptDrafts[recovery.path] = text }
        ui.message = UIState.Message(recovery.report(error, keepFailure: keepFailure, what: what), isError: true)
    }

    /// The kept text was saved or deliberately emptied.
    func forgetDraft(keptIn recovery: EditorRecovery) {
        recovery.discard()
        unkeptDrafts[recovery.path] = nil
    }

    /// Text kept from a failed save, on disk or (if even that failed) in this session.
    func draft(keptIn recovery: EditorRecovery) -> EditorTemplate.Draft? {
        recovery.draft() ?? unkeptDrafts[recovery.path].map { EditorTemplate.Draft(text: $0, path: recovery.path) }
    }

    /// Gives the terminal to `$VISUAL`/`$EDITOR` and takes it back.
    func runEditor(_ template: String) -> String? {
        screen.suspend()
        defer {
            screen.resume()
            needsFrame = true
        }
        do {
            return try ExternalEditor.edit(template: template, environment: environment)
        } catch {
            ui.message = UIState.Message(error.description, isError: true)
            return nil
        }
    }

    /// Reads other writers' new events; if any arrived, says what happened. The board's
    /// observation asks for the frame that shows them.
    func refreshFromOthers() {
        let version = board.version
        let selectedBefore = BoardSelection.issue(ui, projection().lanes)
        do {
            let events = try log.refresh()
            guard board.version != version else { return }
            if let last = events.last {
                let count = events.count > 1 ? " (+\(events.count - 1) more)" : ""
                ui.message = UIState.Message(last.actor + ": #\(last.issue) " + last.summary(in: log.state) + count)
            }
            // The selected card stays selected even if someone else moved it.
            if let selectedBefore { select(selectedBefore) }
            adjustViewport()
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
        case .wheelUp, .wheelDown:
            let size = screen.size
            let layout = BoardLayout(width: size.width, height: size.height)
            if ui.view == .board, let column = HitTest.column(x: event.x, ui: ui, projection: projection(), layout: layout) {
                ui.column = column // the column under the pointer scrolls
            }
            for _ in 0..<3 { execute(Command(event.action == .wheelUp ? .cursorUp : .cursorDown)) }
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
        if redraw.take() { watchBoard() }
        screen.present(frame())
    }

    /// Observes the board's version until it next changes. The observation fires once, inside
    /// the change: it only raises the signal, never draws or reads the board. Armed again by the
    /// draw that takes the signal down, so it is never armed twice.
    func watchBoard() {
        withObservationTracking {
            _ = board.version
        } onChange: { [redraw] in
            redraw.raise()
        }
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
        let key = ProjectionCache.Key(version: board.version, query: ui.filter, minute: time.milliseconds / 60_000,
                                      swimlanes: ui.swimlanes)
        let projection = projections.projection(for: key, board: board) { candidates, order, searchText, bands in
            BoardProjection(state: board.state, query: ui.filter, now: time,
                            staleAfterDays: configuration.settings.staleAfterDays, swimlanes: ui.swimlanes,
                            candidates: candidates, order: order, searchText: searchText, bands: bands)
        }
        return ui.pinned.map { projection.showing($0, in: board.state) } ?? projection
    }
}
