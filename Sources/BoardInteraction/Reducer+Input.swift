import BoardModel
import BoardQuery
import Screen

/// Keys and the mouse: prefix keys, "not bound here", clicks. A key typed into an open prompt
/// is the prompt's (`Reducer+Prompt.swift`).
extension Reducer {
    mutating func key(_ key: Key) -> [Effect] {
        if ui.question != nil { return answer(key) }
        if ui.prompt != nil { return promptKey(key) }
        if !ui.pendingKeys.isEmpty, key == .escape {
            ui.pendingKeys = [] // <Esc> after a prefix key drops it, as in vim
            return []
        }
        ui.pendingKeys.append(key)
        let typed = ui.pendingKeys
        switch context.bindings?.meaning(of: typed, in: ui.view) ?? .unbound {
        case .pending:
            return []
        case .unbound:
            ui.pendingKeys = []
            let notation = context.bindings?.notation(typed) ?? ""
            return message("\(notation) is not bound here; press ? for help", error: true)
        case .command(let command):
            ui.pendingKeys = []
            if ui.message?.isError == true { ui.message = nil }
            return run(command)
        }
    }

    /// A click selects what is under the pointer; a double click opens it. Ignored while a
    /// prompt is open.
    mutating func click(_ target: ClickTarget, double: Bool) -> [Effect] {
        guard ui.prompt == nil else { return [] }
        switch target {
        case .card(let column, let number):
            guard lanes.indices.contains(column) else { return [] }
            ui.column = column
            ui.selected[lanes[column].column.id] = number
        case .row(let number):
            ui.listSelected = number
        case .activity(let index):
            ui.activitySelected = index
        }
        return double ? run(Command(.openIssue)) : []
    }

    /// The wheel moves the selection (or scrolls) in the board column under the pointer.
    mutating func wheel(rows: Int, column: Int?) {
        guard ui.prompt == nil else { return }
        if ui.view == .board, let column { ui.column = column }
        moveCursor(by: rows)
    }
}
