import BoardModel
import BoardQuery
import Screen

/// Archive (`X`, a toggle), delete (`D`, after a y/n question) and restore (`:restore 12`), on
/// the named, marked or selected issues; and what the board does once they are saved.
extension Reducer {
    mutating func runLifecycle(_ command: Command) -> [Effect] {
        let issues = targets.compactMap { context.board.issues[$0] }
        switch command.name {
        case .archive:
            guard !issues.isEmpty else { return message("nothing selected", error: true) }
            // Like `x` on marks: archive them all while any is not archived; unarchive only when all are.
            let step: LifecycleStep = issues.contains { !$0.isArchived } ? .archived : .unarchived
            return saveLifecycle(issues.map(\.number), step)
        case .delete:
            let numbers = issues.filter { !$0.isDeleted }.map(\.number)
            guard let first = numbers.first else { return message("nothing selected", error: true) }
            let what = numbers.count == 1 ? "#\(first) \"\(issues[0].title)\"" : Plural.count(numbers.count, "issue")
            ui.question = Question("delete \(what)? its text stays in the log; :restore brings it back", action: .delete(numbers))
            return []
        default:
            guard !issues.isEmpty else { return message("restore needs an issue number: :restore 12", error: true) }
            return saveLifecycle(issues.map(\.number), .restored)
        }
    }

    /// The answer to the open question: `y` (or `Y`) does what it asked; any other key does not.
    mutating func answer(_ key: Key) -> [Effect] {
        guard let question = ui.question else { return [] }
        ui.question = nil
        let yes = key == .character("y") || key == .character("Y")
        switch question.action {
        case .delete(let numbers):
            guard yes else { return message("nothing deleted", error: false) }
            return saveLifecycle(numbers, .deleted)
        case .clearFilterAndGoTo(let number):
            if yes {
                ui.filter = .everything
                ui.viewName = "board"
                select(number)
            }
            open(number)
            return message(yes ? "filter cleared" : "#\(number) opened; the filter still hides it", error: false)
        }
    }

    /// Saves `step` on each issue; the selection then goes to the next issue still shown.
    func saveLifecycle(_ numbers: [Int], _ step: LifecycleStep) -> [Effect] {
        [.save(SaveRequest(numbers.map { .lifecycle($0, step) }, keep: neighbour(leaving: Set(numbers))))]
    }

    /// The issue after the selected one (else before it) in the current board column or list
    /// that is not one of `leaving`: where the cursor goes when those leave the view.
    func neighbour(leaving: Set<Int>) -> Int? {
        let order: [Int]
        switch ui.view {
        case .board: order = lanes.indices.contains(ui.column) ? Array(lanes[ui.column].issues) : []
        case .list: order = Array(context.projection.list)
        default: return selectedOnBoard
        }
        guard let current = ui.view == .board ? selectedOnBoard : selectedInList,
              let index = order.firstIndex(of: current) else { return nil }
        return order[index...].first { !leaving.contains($0) } ?? order[..<index].last { !leaving.contains($0) }
    }

    /// After archive, delete or their undo: marks of issues that left the view go, the
    /// selection moves to `keep` (the neighbour) or to the one issue that came back, and the
    /// view of an issue just deleted closes.
    mutating func followLifecycle(_ events: [Event], keep: Int?) {
        let touched = events.filter { if case .lifecycle = $0.kind { true } else { false } }.map(\.issue)
        guard !touched.isEmpty else { return }
        let shown = Set(context.projection.list)
        ui.marked.subtract(touched.filter { !shown.contains($0) })
        if case .issue(let number) = ui.view, context.board.issues[number]?.isDeleted == true {
            ui.view = ui.history.popLast() ?? .board
            ui.scroll = 0
        }
        if Set(touched).count == 1, shown.contains(touched[0]) {
            select(touched[0])
        } else if let keep, shown.contains(keep) {
            select(keep)
        }
    }
}
