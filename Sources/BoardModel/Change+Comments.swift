extension BoardState {
    /// The event for a comment edit: only the comment's author may change what it says.
    /// Editing a deleted comment brings it back with the new text (that is how undo restores one).
    /// Nil when the text is what the comment already says.
    func commentEdit(_ number: Int, _ id: EventID, text: String, actor: String) throws(BoardError) -> EventKind? {
        let comment = try editableComment(id, on: number, by: actor)
        guard !text.trimmingSpaces.isEmpty else { throw .invalid("a comment needs some text; to remove it, use --delete") }
        return comment.text == text && !comment.isDeleted ? nil : .commentEdited(id, text: text)
    }

    /// The event for deleting a comment: only its author may, and only once.
    func commentDeletion(_ number: Int, _ id: EventID, actor: String) throws(BoardError) -> EventKind {
        let comment = try editableComment(id, on: number, by: actor, verb: "delete")
        guard !comment.isDeleted else { throw .invalid("comment \(id) on #\(number) is already deleted") }
        return .commentDeleted(id)
    }

    /// The comment, if `actor` may change it (`verb` names the change in the refusal).
    public func editableComment(_ id: EventID, on number: Int, by actor: String, verb: String = "edit") throws(BoardError) -> IssueComment {
        let comment = try comment(id, on: number)
        guard comment.author == actor else {
            throw .invalid("only \(comment.author) can \(verb) comment \(id) on #\(number) (it is theirs; you are \(actor))")
        }
        return comment
    }
}

extension BoardState {
    /// What undoing a comment change puts back: the text as it reads now (an edit of a deleted
    /// comment restores it).
    func commentInverse(_ number: Int, _ id: EventID) -> [Change]? {
        guard let comment = try? comment(id, on: number) else { return nil }
        return [.editComment(number, id, comment.text)]
    }

    /// A comment's state as undo compares it: its text, or that it is deleted.
    func commentValue(_ id: EventID, on number: Int) -> String {
        guard let comment = try? comment(id, on: number) else { return "" }
        return comment.isDeleted ? "\u{0}deleted" : comment.text
    }
}
