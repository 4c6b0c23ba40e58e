import BoardModel

/// The fields of a `commented` timeline entry: the text as it reads now, and what it said before.
///
/// `text` is the current text, so scripts read what the comment says; `edited` and `versions`
/// (earlier texts, oldest first, each with the id and time of the event that wrote it) keep the
/// history reachable; a deleted comment has `deleted: true` and an empty `text`.
enum CommentJSON {
    static func write(_ comment: IssueComment, to json: inout JSONWriter) {
        json.field("text", comment.isDeleted ? "" : comment.text)
        if comment.isEdited {
            json.key("edited"); json.bool(true)
            json.key("versions")
            json.beginArray()
            for version in comment.versions {
                json.beginObject()
                json.field("id", version.id.description)
                json.field("at", version.at)
                json.field("text", version.text)
                json.endObject()
            }
            json.endArray()
        }
        if comment.isDeleted { json.key("deleted"); json.bool(true) }
    }

    /// Whether an exported timeline entry is already folded into its comment's entry (an edit or
    /// deletion, or a deleted comment): an import replays the comment as it reads now instead,
    /// as the ids these entries name are the old board's.
    static func isFolded(_ entry: [String: Any]) -> Bool {
        let kind = entry["kind"] as? String
        return kind == "comment-edited" || kind == "comment-deleted" || (kind == "commented" && entry["deleted"] as? Bool == true)
    }
}
