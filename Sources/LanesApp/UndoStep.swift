import BoardModel

/// One undoable step of this session: what was done, split into parts that each set one field
/// of one issue, and the issues as this session left them.
///
/// Undo and redo are new events, and other people write too: a part is replayed only if its
/// field still holds what this session left in it; otherwise it is left as the other person
/// set it, and the status line says so.
struct UndoStep {
    struct Part {
        var issue: Int
        var field: IssueField
        var forward: Change
        var inverse: Change
    }

    var summary: String
    var parts: [Part]
    /// The touched issues as this session last left them (after the step, or after its undo).
    var expected: [Int: Issue]

    init(summary: String, parts: [Part], board: BoardState) {
        self.summary = summary
        self.parts = parts
        expected = Dictionary(parts.compactMap { part in board.issues[part.issue].map { (part.issue, $0) } }) { first, _ in first }
    }

    /// Whether `part`'s field in `issue` still holds what this session left there.
    func stillHolds(_ part: Part, in issue: Issue) -> Bool {
        guard let expected = expected[part.issue] else { return false }
        return part.field.value(in: issue) == part.field.value(in: expected)
    }
}
