import BoardModel
import BoardQuery

/// One undoable step of this session: what was done, split into parts that each set one field
/// of one issue, and the issues as this session left them.
///
/// Undo and redo are new events, and other people write too: a part is replayed only if its
/// field still holds what this session left in it; otherwise it is left as the other person
/// set it, and the status line says so.
package struct UndoStep {
    package struct Part {
        package var issue: Int
        package var field: IssueField
        package var forward: Change
        package var inverse: Change

        package init(issue: Int, field: IssueField, forward: Change, inverse: Change) {
            self.issue = issue
            self.field = field
            self.forward = forward
            self.inverse = inverse
        }
    }

    package var summary: String
    package var parts: [Part]
    /// The touched issues as this session last left them (after the step, or after its undo).
    package var expected: [Int: Issue]

    package init(summary: String, parts: [Part], board: BoardState) {
        self.summary = summary
        self.parts = parts
        expected = Dictionary(parts.compactMap { part in board.issues[part.issue].map { (part.issue, $0) } }) { first, _ in first }
    }

    /// Whether `part`'s field in `issue` still holds what this session left there.
    package func stillHolds(_ part: Part, in issue: Issue) -> Bool {
        guard let expected = expected[part.issue] else { return false }
        return part.field.value(in: issue) == part.field.value(in: expected)
    }
}
