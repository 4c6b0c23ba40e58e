import BoardModel

/// The issue view's selected line: following a reference with a way back, toggling a task
/// item, editing and deleting a comment. What a line is about comes from `context.issueRows`.
extension Reducer {
    var issueRow: IssueRow? {
        let rows = context.issueRows
        return rows.indices.contains(ui.issueCursor) ? rows[ui.issueCursor] : nil
    }

    mutating func runIssueLine(_ command: Command) -> [Effect] {
        guard case .issue(let number) = ui.view, let row = issueRow else { return message("open an issue first", error: true) }
        switch command.name {
        case .follow:
            guard let target = row.target else { return message("nothing to follow on this line", error: true) }
            guard context.board.issues.contains(target) else { return message(BoardError.noSuchIssue(target).description, error: true) }
            ui.issuePlaces[number] = IssuePlace(cursor: ui.issueCursor, scroll: ui.scroll)
            push(.issue(target))
        case .toggleTask:
            guard let line = row.task, let body = context.board.issues[number]?.body,
                  let toggled = TaskListToggle.toggled(body, line: line) else {
                return message("no task item (- [ ]) of the description on this line", error: true)
            }
            return save([.editBody(number, toggled)])
        case .editComment, .deleteComment:
            guard let id = row.comment else { return message("select a comment first", error: true) }
            let deleting = command.name == .deleteComment
            do {
                let comment = try context.board.editableComment(id, on: number, by: context.actor, verb: deleting ? "delete" : "edit")
                if deleting, comment.isDeleted { return message("this comment is already deleted", error: true) }
            } catch {
                return message(error.description, error: true)
            }
            if deleting {
                ui.prompt = UIState.Prompt(kind: .deleteComment)
                return []
            }
            return [.runEditor(.editComment(number, id))]
        default:
            break
        }
        return []
    }

    /// `y` at "delete this comment?" deletes the selected comment; anything else keeps it.
    mutating func confirmCommentDeletion(_ answer: String) -> [Effect] {
        guard ["y", "yes"].contains(answer.lowercased()) else { return message("comment kept", error: false) }
        guard case .issue(let number) = ui.view, let id = issueRow?.comment else { return message("select a comment first", error: true) }
        return save([.deleteComment(number, id)])
    }

    /// Moves the cursor over the lines, passing blank ones.
    mutating func moveIssueCursor(by delta: Int) {
        let rows = context.issueRows
        var cursor = clamp(ui.issueCursor.addingClamped(delta), 0, rows.count - 1)
        let step = delta < 0 ? -1 : 1
        while rows[cursor].isBlank, rows.indices.contains(cursor + step) { cursor += step }
        while rows[cursor].isBlank, rows.indices.contains(cursor - step) { cursor -= step }
        ui.issueCursor = cursor
    }

    /// Back in an issue view left by following a reference: the cursor and scroll as they were.
    mutating func returnToPlace() {
        guard case .issue(let number) = ui.view else { return }
        let place = ui.issuePlaces.removeValue(forKey: number) ?? IssuePlace(cursor: 0, scroll: 0)
        ui.issueCursor = place.cursor
        ui.scroll = place.scroll
    }
}
