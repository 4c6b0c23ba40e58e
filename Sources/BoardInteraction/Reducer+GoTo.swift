import BoardModel
import BoardQuery

/// Going to an issue by number (`:12`, `#12`, `:goto 12`) from any view, and stepping through
/// the board's order in the issue view (`]`, `[`).
extension Reducer {
    /// Selects the issue in the board and the list and opens it. A deleted issue is refused,
    /// an archived one opens with a word that it is archived, and one the filter hides asks
    /// whether to clear the filter first.
    mutating func goTo(_ number: Int) -> [Effect] {
        guard let issue = context.board.issues[number] else { return message(BoardError.noSuchIssue(number).description, error: true) }
        if issue.isDeleted { return message(BoardError.deletedIssue(number).description, error: true) }
        if issue.isArchived {
            open(number)
            return message("#\(number) is archived (not on the board; X unarchives it)", error: false)
        }
        guard context.projection.list.contains(number) else {
            ui.question = Question("#\(number) is hidden by the filter \(ui.filter.source); clear the filter?",
                                   action: .clearFilterAndGoTo(number))
            return []
        }
        select(onBoard: number)
        ui.listSelected = number
        open(number)
        return []
    }

    /// Shows the issue view of `number`, unless it is already showing.
    mutating func open(_ number: Int) {
        if ui.view != .issue(number) { push(.issue(number)) }
    }

    /// `]` / `[`: the issue view moves to the next or previous issue of the board's order (the
    /// list's, when the list is where it was opened from), which becomes the selection.
    mutating func stepIssue(by delta: Int) -> [Effect] {
        guard case .issue(let current) = ui.view else { return message("] and [ step through issues in the issue view", error: true) }
        // The order in pieces (each lane, or the list), never copied whole: at a million issues a
        // copy per key would be the step's whole cost. Each piece finds a number by its place.
        let pieces = ui.baseView == .list ? [context.projection.list] : lanes.map(\.issues)
        guard var piece = pieces.firstIndex(where: { $0.contains(current) }),
              var index = pieces[piece].firstIndex(of: current) else {
            return message("#\(current) is not on the board (archived or hidden by the filter)", error: true)
        }
        index += delta
        while !pieces[piece].indices.contains(index) {
            if index < 0, piece > 0 {
                piece -= 1
                index += pieces[piece].count
            } else if index >= 0, piece + 1 < pieces.count {
                index -= pieces[piece].count
                piece += 1
            } else {
                return message(delta > 0 ? "#\(current) is the last issue" : "#\(current) is the first issue", error: true)
            }
        }
        let number = pieces[piece][index]
        ui.view = .issue(number)
        ui.scroll = 0
        select(number)
        return []
    }
}
