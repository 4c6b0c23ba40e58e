/// A comment as it reads now: the `commented` event, with the edits and deletion its author made
/// since folded in.
///
/// Computed from the timeline rather than kept in `Issue`, so the log stays the only truth and
/// two clones that edited one comment agree after a merge: edits and deletions apply in
/// (time, id) order, the same order that decides every other field.
public struct IssueComment: Hashable, Sendable {
    /// One text the comment had, and who set it when.
    public struct Version: Hashable, Sendable {
        public var id: EventID
        public var at: Timestamp
        public var text: String
    }

    /// The `commented` event's id: what `lanes comment N --edit ID` names.
    public var id: EventID
    public var author: String
    public var at: Timestamp
    public var text: String
    /// Earlier texts, oldest first (the original first); empty if never edited.
    public var versions: [Version] = []
    public var isDeleted = false

    public var isEdited: Bool { !versions.isEmpty }

    /// The timeline's words for it: "commented", "commented (edited)", "commented (deleted)".
    public var summary: String {
        isDeleted ? "commented (deleted)" : isEdited ? "commented (edited)" : "commented"
    }

    /// The comments of a timeline in the order they were written, edits and deletions folded in.
    public static func all(in timeline: [Event]) -> [IssueComment] {
        var comments: [IssueComment] = []
        /// Which event set each comment's current text, and when: the next edit makes it a version.
        var setBy: [Version] = []
        var index: [EventID: Int] = [:]
        var later: [Event] = []
        for event in timeline {
            switch event.kind {
            case .commented(let text):
                index[event.id] = comments.count
                comments.append(IssueComment(id: event.id, author: event.actor, at: event.at, text: text))
                setBy.append(Version(id: event.id, at: event.at, text: text))
            case .commentEdited, .commentDeleted:
                later.append(event)
            default:
                break
            }
        }
        later.sort { ($0.at, $0.id) < ($1.at, $1.id) }
        for event in later {
            switch event.kind {
            case let .commentEdited(id, text):
                guard let position = index[id] else { continue }
                comments[position].versions.append(setBy[position])
                setBy[position] = Version(id: event.id, at: event.at, text: text)
                comments[position].text = text
                comments[position].isDeleted = false
            case .commentDeleted(let id):
                guard let position = index[id] else { continue }
                comments[position].isDeleted = true
            default:
                break
            }
        }
        return comments
    }

    init(id: EventID, author: String, at: Timestamp, text: String) {
        self.id = id
        self.author = author
        self.at = at
        self.text = text
    }
}

extension BoardState {
    /// Issue `number`'s comments, edits and deletions folded in.
    public func comments(of number: Int) -> [IssueComment] {
        IssueComment.all(in: timelines[number] ?? [])
    }

    /// The comment with event id `id` on issue `number`, or an error saying there is none.
    public func comment(_ id: EventID, on number: Int) throws(BoardError) -> IssueComment {
        _ = try issue(number)
        guard let comment = comments(of: number).first(where: { $0.id == id }) else {
            throw .invalid("no comment \(id) on #\(number); `lanes show \(number) --format json` lists the comment ids")
        }
        return comment
    }
}
