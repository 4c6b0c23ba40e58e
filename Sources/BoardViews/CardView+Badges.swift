import BoardModel

extension CardView {
    /// The small marks a card shows before its labels: `blocked` while any blocker is open,
    /// `sub 2/5` (children closed of all) on a parent, and `3/7` (items ticked of all) for a
    /// description's task list. Reads only this issue's links, its blockers' and children's
    /// state and its own description: nothing board-wide.
    static func badges(_ issue: Issue, board: BoardState) -> [(text: String, element: Theme.Element)] {
        var badges: [(String, Theme.Element)] = []
        if issue.isOpen, issue.linked(.blockedBy).contains(where: { board.issues[$0]?.isOpen == true }) {
            badges.append(("blocked", .priorityUrgent))
        }
        let children = issue.linked(.parentOf).compactMap { board.issues[$0] }
        if !children.isEmpty {
            badges.append(("sub \(children.count { !$0.isOpen })/\(children.count)", .cardID))
        }
        if let checklist = Checklist(issue.body).summary { badges.append((checklist, .cardID)) }
        return badges
    }
}
