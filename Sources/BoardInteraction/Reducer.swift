import BoardModel
import BoardQuery

/// Handles one message: changes the UI state and returns the effects to carry out.
///
/// Pure: it reads the board through `context` and changes only `ui`. Saving a change is an
/// effect (`.save`) whose outcome comes back as a message (`.saved`, `.saveFailed`), so the
/// reducer can be tested without a store or a terminal.
public func reduce(_ ui: inout UIState, _ message: Message, _ context: ReduceContext) -> [Effect] {
    var reducer = Reducer(ui: ui, context: context)
    let effects = reducer.receive(message)
    reducer.settle()
    ui = reducer.ui
    return effects
}

/// Handles one command (a test's or `execute`'s shorthand for `.command`).
public func reduce(_ ui: inout UIState, _ command: Command, _ context: ReduceContext) -> [Effect] {
    reduce(&ui, .command(command), context)
}

struct Reducer {
    var ui: UIState
    let context: ReduceContext
    /// The issue the command names (`:close 12`): it, not the selection, is what it acts on.
    var named: Int?
    var lanes: [BoardProjection.Lane] { context.projection.lanes }

    /// The one switch over messages.
    mutating func receive(_ message: Message) -> [Effect] {
        switch message {
        case .opened(let opening): opened(opening)
        case .key(let key): return self.key(key)
        case .command(let command): return run(command)
        case .clicked(let target, let double): return click(target, double: double)
        case .resized: return [.redraw]
        case .wheel(let rows, let column): wheel(rows: rows, column: column)
        case .tick: return dayBegan() + [.refresh(keep: selectedOnBoard)]
        case .othersWrote(let events, let keep): othersWrote(events, keep: keep)
        case .refreshFailed(let error), .editorFailed(let error, _), .draftKept(let error): return self.message(error, error: true)
        case .waitingForLock(let holder): return self.message("waiting for the board lock" + holder + "; q cancels", error: true)
        case .saved(let result): return saved(result)
        case .saveFailed(let error, let request): return saveFailed(error, request)
        case .replayed(let result): replayed(result)
        case .replayFailed(let error, let step, let direction): replayFailed(error, step, direction)
        case .editorReturned(let result): return editorReturned(result)
        case .lastSeen(let time): ui.lastSeen = time
        }
        return []
    }

    /// After every message: a read-only board says so whenever no other message is showing
    /// (Esc clears messages); the status message is remembered for `:messages`; and a pinned
    /// new issue stops being shown once the selection has moved off it.
    mutating func settle() {
        if ui.message == nil, let reason = context.readOnlyReason { ui.message = UIState.Message(reason, isError: true) }
        ui.recordMessage()
        // Only once the projection shows the pin (not in the message that pinned it).
        if let pinned = ui.pinned, context.projection.list.contains(pinned),
           (ui.view == .list ? selectedInList : selectedOnBoard) != pinned {
            ui.pinned = nil
        }
    }

    mutating func run(_ command: Command) -> [Effect] {
        // Refused before any prompt opens, so that nothing is typed in vain.
        if let reason = context.readOnlyReason, CommandName.changing.contains(command.name) {
            return message(reason, error: true)
        }
        if let reason = context.columnsRefusal, CommandName.columnChanging.contains(command.name) {
            return message(reason, error: true)
        }
        if let number = command.issue {
            guard context.board.issues.contains(number) else { return message(BoardError.noSuchIssue(number).description, error: true) }
            named = number
        }
        switch command.name {
        case .none:
            return []
        case .quit:
            return [.quit]
        case .back:
            if ui.prompt != nil {
                ui.prompt = nil
            } else if let previous = ui.history.popLast() {
                ui.view = previous
                ui.scroll = 0
                returnToPlace()
            } else {
                return [.quit]
            }
        case .cancel:
            if ui.prompt != nil {
                ui.prompt = nil
            } else if !ui.marked.isEmpty {
                ui.marked = []
                ui.message = UIState.Message("marks cleared")
            } else if ui.view == .help, !ui.helpFilter.isEmpty {
                ui.helpFilter = ""
            } else if !ui.filter.isEmpty {
                ui.filter = .everything
                ui.message = UIState.Message("filter cleared")
            } else {
                ui.message = nil
            }
        case .help:
            if ui.view != .help { push(.help) }
        case .messages:
            if ui.view != .messages { push(.messages) }
        case .redraw:
            return [.redraw]
        case .suspend:
            return [.suspend]
        case .commandLine:
            ui.prompt = UIState.Prompt(kind: .command)
        case .filter:
            if command.argument.isEmpty {
                ui.prompt = UIState.Prompt(kind: .filter, text: ui.view == .help ? ui.helpFilter : ui.filter.source)
                ui.prompt?.filterInForce = ui.filter
            } else {
                setFilterText(command.argument)
            }
        case .toggleView:
            ui.view = ui.baseView == .board ? .list : .board
            ui.history = []
            ui.scroll = 0
            if ui.view == .list, let selected = selectedOnBoard { ui.listSelected = selected }
            if ui.view == .board, let selected = ui.listSelected { select(onBoard: selected) }
        case .cursorUp: moveCursor(by: -1)
        case .cursorDown: moveCursor(by: 1)
        case .pageUp: moveCursor(by: -max(1, context.pageSize))
        case .pageDown: moveCursor(by: max(1, context.pageSize))
        case .cursorFirst: moveCursor(by: Int.min / 2)
        case .cursorLast: moveCursor(by: Int.max / 2)
        case .cursorLeft: moveColumn(by: -1)
        case .cursorRight: moveColumn(by: 1)
        case .openIssue:
            guard let number = selectedIssue else { return message("nothing selected", error: true) }
            if named != nil || context.board.issues[number]?.isDeleted == true { return goTo(number) }
            push(.issue(number))
        case .goto:
            guard let named else {
                ui.prompt = UIState.Prompt(kind: .goto)
                return []
            }
            return goTo(named)
        case .nextIssue: return stepIssue(by: 1)
        case .previousIssue: return stepIssue(by: -1)
        case .archive, .delete, .restore: return runLifecycle(command)
        case .moveCardLeft: return moveCard(columns: -1)
        case .moveCardRight: return moveCard(columns: 1)
        case .moveCardUp: return rerank(by: -1)
        case .moveCardDown: return rerank(by: 1)
        case .move:
            // Like `m`: the named issue, else the marked ones, else the selected one.
            let numbers = targets
            guard !numbers.isEmpty else { return message("nothing selected", error: true) }
            do {
                let column = try context.board.resolveColumn(command.argument)
                return save(numbers.map { .move($0, to: column.id) })
            } catch {
                return message(error.description, error: true)
            }
        case .column: return columnCommand(command.argument)
        case .columnMenu: openColumnMenu()
        case .follow, .editComment, .deleteComment, .toggleTask:
            return runIssueLine(command)
        default:
            return runTriage(command)
        }
        return []
    }

    // MARK: - Selection

    /// The issue the next action applies to: the one the command names, else the selection in
    /// the current view.
    var selectedIssue: Int? {
        if let named { return named }
        return switch ui.view {
        case .board: selectedOnBoard
        case .list: selectedInList
        case .issue(let number): number
        case .help, .messages: nil
        case .activity: activityIssue
        }
    }

    var selectedOnBoard: Int? { BoardSelection.issue(ui, lanes) }

    /// The issue of the selected activity entry.
    var activityIssue: Int? {
        let events = context.board.events
        let index = events.count - 1 - ui.activitySelected
        return events.indices.contains(index) && events[index].issue > 0 ? events[index].issue : nil
    }
    var selectedInList: Int? { BoardSelection.listIssue(ui, context.projection.list) }

    mutating func select(onBoard number: Int) {
        guard let laneIndex = lanes.firstIndex(where: { $0.issues.contains(number) }) else { return }
        ui.column = laneIndex
        ui.selected[lanes[laneIndex].column.id] = number
    }

    mutating func moveCursor(by delta: Int) {
        switch ui.view {
        case .board:
            guard lanes.indices.contains(ui.column) else { return }
            let lane = lanes[ui.column]
            guard !lane.issues.isEmpty else { return }
            let index = BoardSelection.index(ui, lane)
            ui.selected[lane.column.id] = lane.issues[clamp(index.addingClamped(delta), 0, lane.issues.count - 1)]
        case .list:
            let list = context.projection.list
            guard !list.isEmpty else { return }
            let index = list.firstIndex(of: selectedInList ?? list[0]) ?? 0
            ui.listSelected = list[clamp(index.addingClamped(delta), 0, list.count - 1)]
        case .activity:
            let count = context.board.events.count
            guard count > 0 else { return }
            ui.activitySelected = clamp(ui.activitySelected.addingClamped(delta), 0, count - 1)
        case .issue where !context.issueRows.isEmpty:
            moveIssueCursor(by: delta)
        case .issue, .help, .messages:
            ui.scroll = max(0, ui.scroll.addingClamped(delta))
        }
    }

    mutating func moveColumn(by delta: Int) {
        guard ui.view == .board, !lanes.isEmpty else { return }
        ui.column = clamp(ui.column + delta, 0, lanes.count - 1)
    }

    // MARK: - Moving cards

    /// The cards `H`/`L`/`K`/`J` move: the marked ones, else the selected card (like `m`, `x`).
    var cardsToMove: [Int] {
        guard ui.view == .board else { return [] }
        return ui.marked.isEmpty ? selectedOnBoard.map { [$0] } ?? [] : ui.marked.sorted()
    }

    /// Moves each card one column left or right of its own; cards at the edge stay. The cursor
    /// follows the selected card once the move is saved (`saved`).
    mutating func moveCard(columns delta: Int) -> [Effect] {
        let cards = cardsToMove
        guard !cards.isEmpty else { return message("nothing selected", error: true) }
        let columns = context.board.columns
        var changes: [Change] = []
        for number in cards {
            guard let issue = context.board.issues[number], let index = columns.firstIndex(where: { $0.id == issue.column }),
                  columns.indices.contains(index + delta) else { continue }
            changes.append(.move(number, to: columns[index + delta].id))
        }
        guard !changes.isEmpty else {
            return message(delta < 0 ? "already in the first column" : "already in the last column", error: true)
        }
        return save(changes)
    }

    /// Moves the cards up or down one place among the cards shown in their column, by giving
    /// each a rank between its new neighbours. Marked cards next to each other move as a block.
    mutating func rerank(by delta: Int) -> [Effect] {
        let cards = Set(cardsToMove)
        guard !cards.isEmpty else { return message("nothing selected", error: true) }
        var changes: [Change] = []
        for lane in lanes where lane.issues.contains(where: cards.contains) {
            var order = Array(lane.issues)
            var moved = Set<Int>()
            for index in (delta > 0 ? Array(order.indices.reversed()) : Array(order.indices)) where cards.contains(order[index]) {
                let target = index + delta
                guard order.indices.contains(target), !cards.contains(order[target]) else { continue }
                moved.insert(order[index])
                order.swapAt(index, target)
            }
            changes += newRanks(for: moved, in: order, column: lane.column.id, passing: delta)
        }
        guard !changes.isEmpty else { return message(delta < 0 ? "already at the top" : "already at the bottom", error: true) }
        return save(changes)
    }

    /// Ranks for the `moved` cards of a column in their new `order`: each run of moved cards
    /// is spread between the cards that kept their rank around it (with equal ranks around it,
    /// placed just past the card it passed, in the direction `delta` of the move).
    func newRanks(for moved: Set<Int>, in order: [Int], column: String, passing delta: Int) -> [Change] {
        func rank(_ number: Int) -> Double { context.board.issues[number]?.rank ?? 0 }
        var changes: [Change] = []
        var start = 0
        while start < order.count {
            guard moved.contains(order[start]) else {
                start += 1
                continue
            }
            var end = start
            while end + 1 < order.count, moved.contains(order[end + 1]) { end += 1 }
            let low = start > 0 ? rank(order[start - 1]) : nil
            let high = end + 1 < order.count ? rank(order[end + 1]) : nil
            let count = end - start + 1
            for (offset, number) in order[start...end].enumerated() {
                let newRank: Double
                if let low, let high, low != high {
                    newRank = low + (high - low) * Double(offset + 1) / Double(count + 1)
                } else if let low, delta > 0 || high == nil {
                    newRank = low + Double(offset + 1)
                } else if let high {
                    newRank = high - Double(count - offset)
                } else {
                    newRank = Double(offset)
                }
                changes.append(.move(number, to: column, rank: newRank))
            }
            start = end + 1
        }
        return changes
    }

    // MARK: - Helpers

    mutating func push(_ view: UIState.View) {
        ui.history.append(ui.view)
        ui.view = view
        ui.scroll = 0
        ui.issueCursor = 0
    }

    /// The filter's text changed (`/` as you type, <Enter>, `:filter TEXT`): the only place
    /// that decides between the help view's filter and the board's query. A query that does not
    /// parse shows its error and keeps the filter in force.
    @discardableResult
    mutating func setFilterText(_ text: String) -> Bool {
        if ui.view == .help {
            ui.helpFilter = text
            return true
        }
        do {
            ui.filter = try Query.parse(text, on: context.board, me: context.actor, now: context.now,
                                        staleAfterDays: context.staleAfterDays)
            ui.message = nil
            return true
        } catch {
            ui.message = UIState.Message(error.description, isError: true)
            return false
        }
    }

    mutating func message(_ text: String, error: Bool) -> [Effect] {
        ui.message = UIState.Message(text, isError: error)
        return []
    }
}

/// Where the selection is, given that the selected issue may have moved or been filtered out.
public enum BoardSelection {
    /// The index of the selected card in `lane`, or 0 if it is no longer there.
    public static func index(_ ui: UIState, _ lane: BoardProjection.Lane) -> Int {
        guard let number = ui.selected[lane.column.id] else { return 0 }
        return lane.issues.firstIndex(of: number) ?? 0
    }

    public static func issue(_ ui: UIState, _ lanes: [BoardProjection.Lane]) -> Int? {
        guard lanes.indices.contains(ui.column) else { return nil }
        let lane = lanes[ui.column]
        guard !lane.issues.isEmpty else { return nil }
        return lane.issues[index(ui, lane)]
    }

    public static func listIssue(_ ui: UIState, _ list: ProjectedIssues) -> Int? {
        if let selected = ui.listSelected, list.contains(selected) { return selected }
        return list.first
    }
}

func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(max(value, low), high) }

extension Int {
    func addingClamped(_ other: Int) -> Int {
        let (result, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : result
    }
}
