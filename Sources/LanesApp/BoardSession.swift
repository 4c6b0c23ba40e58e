import Foundation
import BoardModel
import BoardQuery
import BoardInteraction
import BoardStore
import BoardViews
import Keymap
import Observation
import Screen

/// The full-screen board's run loop: input → `Message` → `reduce` → effects → frame.
///
/// Owns the event log, the UI state and the screen. It turns keys into messages, performs the
/// effects the reducer asks for (saving, undo under the lock, other writers, the editor, files
/// kept outside the board) and feeds their outcomes back as messages. Frames are drawn only when
/// something changed: a message, or the observed board (a commit here, other writers' lines, a
/// reload); while idle the loop sleeps in the screen's key wait and looks for other writers once
/// a second.
public final class BoardSession {
    public let log: EventLog
    /// The log's board, observed to know when to redraw whoever changed it.
    let board: ObservableBoard
    /// Raised by the board's observation; the loop draws when it finds it raised.
    let redraw = RedrawSignal()
    public private(set) var ui = UIState()
    let screen: TerminalScreen
    let configuration: Configuration
    let actor: String
    let now: () -> Timestamp
    /// The zone whose days decide due dates and snoozes (tests set their own).
    let zone: TimeZone
    private var projections = ProjectionCache()
    /// The open issue view's rows, kept while the board version, the issue and the width stay
    /// the same: every message (an idle tick too) reads them, and drawing them parses Markdown.
    private var issueRows: (key: [Int], rows: [IssueRow])?
    private var needsFrame = true
    private var running = true
    /// Editor text whose save failed and whose recovery file could not be written either.
    private var unkeptDrafts: [String: String] = [:]
    /// Why column changes are refused to this person, if they are (see `ReduceContext.columnsRefusal`).
    public var columnsRefusal: String?
    /// The environment for `$EDITOR` and `$XDG_STATE_HOME` (tests set their own).
    var environment = ProcessEnvironment.current
    /// Run once after the first frame is drawn and the pending snapshot written (the board
    /// after a clone builds its index then, on another thread).
    public var afterFirstFrame: (() -> Void)?

    /// `greeting` is the first status line in place of anything else (the demo says where it is).
    public init(log: EventLog, screen: TerminalScreen, configuration: Configuration, actor: String,
                greeting: String? = nil, now: @escaping () -> Timestamp = { .now }, zone: TimeZone = .current) {
        self.log = log
        self.board = log.board
        self.screen = screen
        self.configuration = configuration
        self.actor = actor
        self.now = now
        self.zone = zone
        send(.opened(Opening(problems: configuration.errors, readOnlyReason: log.readOnlyReason,
                             unreadableLines: log.problems.count, warnings: log.warnings,
                             asciiOnly: configuration.settings.asciiOnly, swimlanes: configuration.swimlanes,
                             greeting: greeting, attention: openingAttention())))
        log.onLockWait = { [weak self] holder in
            guard let self else { return }
            send(.waitingForLock(holder: LockHolder.describe(holder)))
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
                afterFirstFrame?()
                afterFirstFrame = nil
                if !heapTrimmed { trimHeap() }
            }
            useIdleTime()
            guard let key = screen.nextKey(timeoutMilliseconds: idleMilliseconds) else {
                if idleMilliseconds == nil { break }
                refreshFromOthers()
                continue
            }
            handle(key)
        }
    }

    /// Whether the heap the open left free has been handed back (`trimHeap`).
    private var heapTrimmed = false

    /// Hands the memory the open used and freed (the first screen's index reads, the cache's
    /// decode, the first sorts) back to the system, once, after the first frame: glibc keeps
    /// freed heap for reuse, and an idle board would hold it for good (about 5 MB at 100,000
    /// issues).
    private func trimHeap() {
        heapTrimmed = true
        #if canImport(Glibc)
        // Not in Swift's Glibc module (it is in <malloc.h>): looked up by name.
        typealias Trim = @convention(c) (Int) -> Int32
        if let trim = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") { _ = unsafeBitCast(trim, to: Trim.self)(0) }
        #endif
    }

    /// Whether the loop draws next: something asked for a frame (a key, a failed refresh), or
    /// the board changed since the last one.
    var frameDue: Bool { needsFrame || redraw.isRaised }

    /// The current frame (for tests and `--dump`).
    public func frame() -> CellGrid {
        let size = screen.size
        return Renderer.render(viewContext(), width: size.width, height: size.height)
    }

    /// Handles one message and the outcomes of the effects it asks for, in order.
    public func send(_ message: Message) {
        var queue = [message]
        var changed = false
        while !queue.isEmpty {
            let next = queue.removeFirst()
            // Other writers' lines are drawn because the observed board changed.
            let day = ui.today
            switch next {
            case .tick, .othersWrote: break
            default: changed = true
            }
            // The context (a copy of the board) must be gone before the effects run: a commit
            // changing the board while a copy is alive would copy all 100,000 issues.
            let effects = reduce(&ui, next, reduceContext())
            for effect in effects {
                if let outcome = perform(effect) { queue.append(outcome) }
            }
            adjustViewport()
            // A tick that finds a new day brings waiting issues back: that is drawn.
            if ui.today != day { changed = true }
        }
        // A tick draws nothing by itself.
        if changed { needsFrame = true }
        // An open `/` prompt on the board or the list: its text keys will search every issue's
        // text, which the other core builds meanwhile.
        if filtering { projections.prepareSearchText(board: board) }
    }

    /// Whether a `/` prompt is open on the board or the list.
    private var filtering: Bool { ui.prompt?.kind == .filter && ui.view != .help }

    /// Work for the other cores while the loop waits for a key, its frame drawn: the letters
    /// after the word being typed in the `/` prompt (`ProjectionCache.prepareNextKey`), freed
    /// once it closes.
    public func useIdleTime() {
        projections.prepareNextKey(for: filtering ? ui.filter : nil)
    }

    /// Turns a key into a message: a resize and the mouse need the screen and the layout;
    /// every other key is the reducer's (bindings, prefix keys, prompt editing).
    public func handle(_ key: Key) {
        switch key {
        case .resize:
            send(.resized)
        case .mouse(let event):
            if let message = message(for: event) { send(message) }
        default:
            send(.key(key))
        }
    }

    /// Click selects, double click opens, the wheel scrolls the column under the pointer.
    func message(for event: MouseEvent) -> Message? {
        let size = screen.size
        // The geometry the frame was drawn with: what is under the pointer is what was drawn there.
        let layout = ViewLayout(ui: ui, projection: projection(), layout: BoardLayout(width: size.width, height: size.height))
        switch event.action {
        case .wheelUp, .wheelDown:
            return .wheel(rows: event.action == .wheelUp ? -3 : 3, column: layout.column(x: event.x))
        case .press, .doublePress:
            return layout.target(x: event.x, y: event.y).map { .clicked($0, double: event.action == .doublePress) }
        }
    }

    public func execute(_ command: Command) {
        send(.command(command))
    }

    /// Looks for other writers' new events (what the idle loop does between keys).
    func refreshFromOthers() {
        send(.tick)
    }

    // MARK: - Effects

    /// Carries out one effect; its outcome, if any, is the next message.
    func perform(_ effect: Effect) -> Message? {
        switch effect {
        case .save, .replay, .refresh:
            // The board changes: a search text still being built holds its issues (see `SearchTextBuild`).
            projections.finishSearchText()
        default: break
        }
        switch effect {
        case .quit:
            running = false
        case .redraw:
            screen.invalidate()
        case .suspend:
            screen.suspendProcess()
        case .save(let request):
            return save(request)
        case .replay(let step, let direction, let keep):
            return replay(step, direction, keep: keep)
        case .refresh(let keep):
            return refresh(keep: keep)
        case .runEditor(let request):
            return runEditor(request)
        case .keepDraft(let typed, let error):
            let recovery = recovery(for: typed.request)
            let keepFailure = recovery.keep(typed.text)
            // Not even the recovery file could be written: this session still offers the text.
            if keepFailure != nil { unkeptDrafts[recovery.path] = typed.text }
            return .draftKept(recovery.report(error, keepFailure: keepFailure, what: typed.request.what))
        case .discardDraft(let request):
            let recovery = recovery(for: request)
            recovery.discard()
            unkeptDrafts[recovery.path] = nil
        case .markActivitySeen(let newest):
            let seen = SeenMarker(board: log.location.directory, user: actor, environment: ProcessEnvironment.current)
            let lastSeen = seen.read()
            if let newest { seen.write(newest) }
            return .lastSeen(lastSeen)
        }
        return nil
    }

    /// Appends the changes as one step, recording under the lock what undo would put back.
    func save(_ request: SaveRequest) -> Message {
        var recording = UndoStep.Recording()
        do {
            let events = try log.commit(request.changes, actor: actor, now: now()) { state, change in
                recording.see(change, before: state)
            }
            return .saved(SaveResult(request: request, events: events, parts: recording.changedParts(in: log.state)))
        } catch {
            return .saveFailed(error.description, request)
        }
    }

    /// Undo or redo a step: the check and the write happen under the lock, against the freshest board.
    func replay(_ step: UndoStep, _ direction: UndoDirection, keep: Int?) -> Message {
        var result = ReplayResult(step: step, direction: direction, keep: keep)
        do {
            _ = try log.commit { state throws(BoardError) in
                let planned = try step.plan(direction, in: &state, actor: actor, at: now())
                result.events = planned.events
                result.replayed = planned.replayed
                result.refused = planned.refused
                return planned.events
            }
            return .replayed(result)
        } catch {
            return .replayFailed(error.description, step, direction)
        }
    }

    /// Reads other writers' new events; a message only if the board changed.
    func refresh(keep: Int?) -> Message? {
        let version = board.version
        do {
            let events = try log.refresh()
            return board.version == version ? nil : .othersWrote(events, keep: keep)
        } catch {
            return .refreshFailed(error.description)
        }
    }

    // MARK: - Editor

    /// Gives the terminal to `$VISUAL`/`$EDITOR` on the request's template (with text kept from
    /// a failed save, if any) and takes it back.
    func runEditor(_ request: EditorRequest) -> Message? {
        let recovery = recovery(for: request)
        let draft = recovery.draft() ?? unkeptDrafts[recovery.path].map { EditorTemplate.Draft(text: $0, path: recovery.path) }
        let template: String
        switch request {
        case .issue(let number):
            guard let issue = log.state.issues[number] else { return nil }
            template = EditorTemplate.issue(issue, draft: draft)
        case .comment(let numbers):
            template = EditorTemplate.comment(on: numbers, draft: draft)
        case let .editComment(number, id):
            guard let comment = try? log.state.comment(id, on: number) else { return nil }
            template = EditorTemplate.commentEdit(comment, on: number, draft: draft)
        }
        screen.suspend()
        defer { screen.resume() }
        do {
            let text = try ExternalEditor.edit(template: template, environment: environment)
            return .editorReturned(EditorResult(request: request, template: template, text: text, hadDraft: draft != nil))
        } catch {
            return .editorFailed(error.description, request)
        }
    }

    /// Where editor text for `request` is kept if its save fails.
    func recovery(for request: EditorRequest) -> EditorRecovery {
        EditorRecovery(board: log.location.directory, subject: request.subject, environment: environment)
    }

    /// "3 overdue, 2 back from waiting, 1 mention" for this person, mentions counted since
    /// they last looked at the activity view (else over the last day).
    func openingAttention() -> String? {
        let time = now()
        let seen = SeenMarker(board: log.location.directory, user: actor, environment: environment).read()
        return Digest.openingSummary(state: log.state, person: actor,
                                     since: seen ?? Timestamp(milliseconds: time.milliseconds - Timestamp.day),
                                     clock: DayClock(now: time, zone: zone), staleAfterDays: configuration.settings.staleAfterDays)
    }

    // MARK: - Drawing

    func draw() {
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
        Viewport.adjust(&ui, projection: projection(), layout: BoardLayout(width: size.width, height: size.height),
                        issueRows: reduceContext().issueRows.count)
    }

    func reduceContext() -> ReduceContext {
        let size = screen.size
        let layout = BoardLayout(width: size.width, height: size.height)
        let page = ui.view == .board ? layout.cardsPerColumn : max(1, layout.listRows - 1)
        var context = ReduceContext(board: log.state, projection: projection(), actor: actor, pageSize: page, now: now(),
                                    views: configuration.savedViews, staleAfterDays: configuration.settings.staleAfterDays,
                                    readOnlyReason: log.readOnlyReason, bindings: configuration.keymap)
        context.columnsRefusal = columnsRefusal
        if case .issue(let number) = ui.view {
            let key = [board.version, number, size.width]
            if issueRows?.key != key {
                let view = ViewContext(session: context, ui: ui, theme: configuration.theme, keymap: configuration.keymap,
                                       settings: configuration.settings, boardName: log.location.name)
                issueRows = (key, IssueView.rows(number, view, width: size.width))
            }
            context.issueRows = issueRows?.rows ?? []
        }
        context.zone = zone
        return context
    }

    func viewContext() -> ViewContext {
        ViewContext(session: reduceContext(), ui: ui, theme: configuration.theme, keymap: configuration.keymap,
                    settings: configuration.settings, boardName: log.location.name)
    }

    /// The filtered, sorted board, recomputed only when the board, the filter or the minute changes.
    func projection() -> BoardProjection {
        let time = now()
        let key = ProjectionCache.Key(version: board.version, query: ui.filter, minute: time.milliseconds / 60_000,
                                      swimlanes: ui.swimlanes)
        let projection = projections.projection(for: key, board: board) { candidates, order, searchText, bands, narrowing in
            BoardProjection(state: board.state, query: ui.filter, now: time, zone: zone,
                            staleAfterDays: configuration.settings.staleAfterDays, swimlanes: ui.swimlanes,
                            candidates: candidates, order: order, searchText: searchText, bands: bands, narrowing: narrowing)
        }
        return ui.pinned.map { projection.showing($0, in: board.state) } ?? projection
    }
}
