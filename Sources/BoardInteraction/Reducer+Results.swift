import BoardModel
import BoardQuery

/// The outcomes of effects, as messages: what was saved, undone, written by others, typed in
/// the editor. Selection after a change is decided here only (`keepSelection`).
extension Reducer {
    /// The first status line: a greeting, else the rc files' problems, else why the board is
    /// read-only, else how many lines of the log could not be read, else the first warning from reading the log, else that the terminal gets ASCII.
    mutating func opened(_ opening: Opening) {
        ui.swimlanes = opening.swimlanes
        ui.problems = opening.problems
        if let greeting = opening.greeting {
            ui.message = UIState.Message(greeting)
        } else if let summary = Opening.problemSummary(opening.problems) {
            ui.message = UIState.Message(summary, isError: true)
        } else if let reason = opening.readOnlyReason {
            ui.message = UIState.Message(reason, isError: true)
        } else if opening.unreadableLines > 0 {
            let count = opening.unreadableLines
            ui.message = UIState.Message("\(count) line\(count == 1 ? "" : "s") of the log could not be read; "
                                         + "lanes check lists them", isError: true)
        } else if let warning = opening.warnings.first {
            ui.message = UIState.Message("warning: " + warning, isError: true)
        } else if opening.asciiOnly {
            ui.message = UIState.Message("not UTF-8: ? hides text; use LANG=C.UTF-8 or lanes --utf8", isError: true)
        }
    }

    /// Reports every change on the status line; records the step for undo (one step even for
    /// many marked issues); keeps a new issue in sight and the moved card selected.
    mutating func saved(_ result: SaveResult) -> [Effect] {
        let request = result.request
        let events = result.events
        let summary = ChangeReport.describe(events, of: request.changes, in: context.board)
        ui.message = UIState.Message(summary.isEmpty ? "nothing to change" : summary)
        let discard: [Effect] = request.typed.map { [.discardDraft($0.request)] } ?? []
        guard !events.isEmpty else { return discard }
        if request.changes.contains(where: { if case .comment = $0 { true } else { false } }) {
            ui.message = UIState.Message(summary + " (not undoable)")
        } else {
            // A new issue is undone by closing it.
            let created = events.filter { if case .created = $0.kind { true } else { false } }.map {
                UndoStep.Part(issue: $0.issue, field: .placement, forward: .reopen($0.issue), inverse: .close($0.issue))
            }
            ui.undo.undo.append(UndoStep(summary: summary, parts: result.parts + created, board: context.board))
            ui.undo.redo = []
        }
        pinIfHidden(events)
        keepSelection(after: events, keep: request.keep)
        return discard
    }

    /// Nothing was written: the selection never moved, and editor text is kept as a draft.
    mutating func saveFailed(_ error: String, _ request: SaveRequest) -> [Effect] {
        ui.message = UIState.Message(error, isError: true)
        return request.typed.map { [.keepDraft($0, error: error)] } ?? []
    }

    /// Only what was really put back is called undone; what someone else changed since is named.
    mutating func replayed(_ result: ReplayResult) {
        if !result.replayed.isEmpty {
            let step = UndoStep(summary: result.step.summary, parts: result.replayed, board: context.board)
            if result.direction == .back { ui.undo.redo.append(step) } else { ui.undo.undo.append(step) }
        }
        let done = result.direction == .back ? "undid" : "redid"
        let nothing = result.events.isEmpty && result.refused.isEmpty ? " (nothing left to change)" : ""
        let head = result.replayed.isEmpty && !result.refused.isEmpty ? [] : [done + ": " + result.step.summary + nothing]
        ui.message = UIState.Message((head + result.refused).joined(separator: "; "), isError: !result.refused.isEmpty)
        keepSelection(after: result.events, keep: result.keep)
    }

    /// Nothing was written: the step can be tried again.
    mutating func replayFailed(_ error: String, _ step: UndoStep, _ direction: UndoDirection) {
        if direction == .back { ui.undo.undo.append(step) } else { ui.undo.redo.append(step) }
        ui.message = UIState.Message(error, isError: true)
    }

    /// Other writers' events: the newest is named on the status line ("bob: #4 …"), and the
    /// selected card stays selected even if someone else moved it.
    mutating func othersWrote(_ events: [Event], keep: Int?) {
        if let last = events.last {
            let count = events.count > 1 ? " (+\(events.count - 1) more)" : ""
            ui.message = UIState.Message(last.actor + ": " + last.subjectPrefix + last.summary(in: context.board) + count)
        }
        if let keep { select(keep) }
    }

    /// What the editor left: saved, or nothing changed (a kept draft is then forgotten).
    mutating func editorReturned(_ result: EditorResult) -> [Effect] {
        let request = result.request
        switch request {
        case .issue(let number):
            guard result.hadDraft || result.text != result.template,
                  let (title, body) = EditorTemplate.titleAndBody(of: result.text) else {
                ui.message = UIState.Message("nothing changed")
                return [.discardDraft(request)]
            }
            return [.save(SaveRequest([.retitle(number, title), .editBody(number, body)], keep: selectedOnBoard,
                                      typed: TypedText(EditorTemplate.content(of: result.text), for: request)))]
        case .comment(let numbers):
            guard let comment = EditorTemplate.commentText(of: result.text) else {
                ui.message = UIState.Message("no comment written")
                return [.discardDraft(request)]
            }
            return [.save(SaveRequest(numbers.map { .comment($0, comment) }, keep: selectedOnBoard,
                                      typed: TypedText(comment, for: request)))]
        case let .editComment(number, id):
            guard let comment = EditorTemplate.commentText(of: result.text) else {
                ui.message = UIState.Message("nothing changed")
                return [.discardDraft(request)]
            }
            return [.save(SaveRequest([.editComment(number, id, comment)], keep: selectedOnBoard,
                                      typed: TypedText(comment, for: request)))]
        }
    }

    /// A new issue the filter does not show stays in sight, with a notice, until the
    /// selection moves away from it.
    mutating func pinIfHidden(_ events: [Event]) {
        guard let created = events.first(where: { if case .created = $0.kind { true } else { false } }) else { return }
        ui.pinned = nil
        guard !context.projection.list.contains(created.issue) else { return }
        ui.pinned = created.issue
        ui.message = UIState.Message((ui.message?.text ?? "") + "; not matched by the filter, shown until you move away")
    }

    /// After a change: a new issue is selected; a card that moved (m, x, undo) stays selected.
    mutating func keepSelection(after events: [Event], keep: Int?) {
        if let created = events.first(where: { if case .created = $0.kind { true } else { false } }) {
            select(created.issue)
        } else if let keep, Set(events.map(\.issue)) == [keep] {
            select(keep)
        }
    }

    /// Selects an issue in the board and the list, wherever it now is.
    mutating func select(_ number: Int) {
        guard let issue = context.board.issues[number] else { return }
        ui.selected[issue.column] = number
        ui.listSelected = number
        if let index = lanes.firstIndex(where: { $0.column.id == issue.column }) { ui.column = index }
    }
}
