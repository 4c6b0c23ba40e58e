/// Something a person asks the board to do: the intent behind one or more events.
///
/// The CLI and the full-screen board speak in changes (imports build their events directly, as
/// they keep each original author and time). A change is turned into events only under the
/// store's lock, against the freshest state, so issue numbers and "from" columns are always
/// right even with other writers.
public enum Change: Hashable, Sendable {
    case create(title: String, body: String = "", column: String? = nil, labels: [String] = [],
                assignees: [String] = [], priority: Priority = .none)
    case retitle(Int, String)
    case editBody(Int, String)
    /// Move to a column; `rank` nil means the bottom of that column.
    case move(Int, to: String, rank: Double? = nil)
    case assign(Int, [String])
    case unassign(Int, [String])
    case label(Int, add: [String], remove: [String])
    case prioritise(Int, Priority)
    case comment(Int, String)
    case close(Int)
    case reopen(Int)
    /// Archive, unarchive, delete or restore (`IssueLifecycle.swift`).
    case lifecycle(Int, LifecycleStep)
    /// Set or clear (nil) the due date.
    case setDue(Int, CalendarDate?)
    /// Set the issue aside until a date, or wake it (nil).
    case snooze(Int, CalendarDate?)
    /// Links issue 1 to issue 2 (`.link(3, .blocks, 7)`); see `linking` for what a duplicate adds.
    case link(Int, LinkType, Int)
    case unlink(Int, LinkType, Int)
    /// A change to the board's columns.
    case column(ColumnChange)
    /// New text for the comment with this event id (only its author may; see Change+Comments).
    case editComment(Int, EventID, String)
    case deleteComment(Int, EventID)
}

extension BoardState {
    /// The events that carry out `change`, validated against this state. A change that would
    /// change nothing (assigning someone already assigned) yields no events.
    public func events(for change: Change, actor: String, at time: Timestamp,
                       newID: () -> EventID = EventID.random) throws(BoardError) -> [Event] {
        var kinds: [(Int, EventKind)] = []
        switch change {
        case let .create(title, body, columnName, labels, assignees, priority):
            let trimmed = title.trimmingSpaces
            guard !trimmed.isEmpty else { throw .emptyTitle }
            let column = try resolveColumn(columnName ?? columns.first?.id ?? "backlog")
            let number = try nextNumber()
            kinds.append((number, .created(title: trimmed, body: body, column: column.id,
                                           rank: bottomRank(of: column.id), priority: priority)))
            for label in unique(labels) { kinds.append((number, .labelled(label))) }
            for user in unique(assignees) { kinds.append((number, .assigned(user))) }
        case let .retitle(number, title):
            let issue = try issue(number)
            let trimmed = title.trimmingSpaces
            guard !trimmed.isEmpty else { throw .emptyTitle }
            if trimmed != issue.title { kinds.append((number, .retitled(trimmed))) }
        case let .editBody(number, body):
            let issue = try issue(number)
            if body != issue.body { kinds.append((number, .bodyEdited(body))) }
        case let .move(number, to, rank):
            let issue = try issue(number)
            let column = try resolveColumn(to)
            let newRank = rank ?? (column.id == issue.column ? issue.rank : bottomRank(of: column.id, excluding: number))
            if column.id != issue.column || newRank != issue.rank {
                kinds.append((number, .moved(from: issue.column, to: column.id, rank: newRank)))
            }
        case let .assign(number, users):
            let issue = try issue(number)
            for user in unique(users) where !issue.assignees.contains(user) { kinds.append((number, .assigned(user))) }
        case let .unassign(number, users):
            let issue = try issue(number)
            for user in unique(users) where issue.assignees.contains(user) { kinds.append((number, .unassigned(user))) }
        case let .label(number, add, remove):
            let issue = try issue(number)
            for label in unique(add) where !issue.labels.contains(label) { kinds.append((number, .labelled(label))) }
            for label in unique(remove) where issue.labels.contains(label) { kinds.append((number, .unlabelled(label))) }
        case let .prioritise(number, priority):
            let issue = try issue(number)
            if priority != issue.priority { kinds.append((number, .prioritised(priority))) }
        case let .comment(number, text):
            _ = try issue(number)
            guard !text.trimmingSpaces.isEmpty else { throw .invalid("a comment needs some text") }
            kinds.append((number, .commented(text)))
        case let .close(number):
            let issue = try issue(number)
            guard closingColumn != nil else { throw .invalid("this board has no closing column") }
            if let closed = closing(issue) { kinds.append((number, closed)) }
        case let .reopen(number):
            let issue = try issue(number)
            if !issue.isOpen {
                let back = issue.columnBeforeClose.flatMap { column(named: $0) }
                    ?? columns.first { !$0.isClosing } ?? columns[0]
                kinds.append((number, .reopened(from: issue.column, to: back.id,
                                               rank: bottomRank(of: back.id, excluding: number))))
            }
        case let .lifecycle(number, step):
            kinds += try lifecycleKinds(number, step).map { (number, $0) }
        case let .setDue(number, date):
            if try issue(number).due != date { kinds.append((number, .dueSet(date))) }
        case let .snooze(number, date):
            if try issue(number).snooze?.until != date { kinds.append((number, .snoozed(date))) }
        case let .link(number, type, other):
            kinds += try linkEvents(number, type, other)
        case let .unlink(number, type, other):
            kinds += try unlinkEvents(number, type, other)
        case .column(let change):
            kinds = try columnKinds(for: change)
        case let .editComment(number, id, text):
            if let kind = try commentEdit(number, id, text: text, actor: actor) { kinds.append((number, kind)) }
        case let .deleteComment(number, id):
            kinds.append((number, try commentDeletion(number, id, actor: actor)))
        }
        return kinds.map { number, kind in
            // A change made after seeing an issue's latest event is stamped after it, even if
            // this machine's clock is behind, so it wins the field (see Issue.fold).
            let after = issues[number].map { Timestamp(milliseconds: $0.updated.milliseconds + 1) } ?? time
            return Event(id: newID(), at: max(time, after), actor: actor, issue: number, kind: kind)
        }
    }

    /// Turns `changes` into events and folds each into this state as it goes, so each change
    /// sees the ones before it (create, then label the new issue); returns the events. An event
    /// the fold would set aside fails the whole batch: a change is never reported saved that
    /// the board would not show. `seeing` is shown the state just before each change.
    public mutating func apply(_ changes: [Change], actor: String, at time: Timestamp,
                               seeing: (BoardState, Change) -> Void = { _, _ in }) throws(BoardError) -> [Event] {
        var events: [Event] = []
        for change in changes {
            seeing(self, change)
            let batch = try self.events(for: change, actor: actor, at: time)
            for event in batch {
                if let reason = apply(event) { throw .invalid("cannot save the change: \(reason)") }
            }
            events.append(contentsOf: batch)
        }
        return events
    }

    /// The event that closes `issue`: to the bottom of the first closing column. Nil if it is
    /// closed already or the board has no closing column.
    func closing(_ issue: Issue) -> EventKind? {
        guard issue.isOpen, let closing = closingColumn else { return nil }
        return .closed(from: issue.column, to: closing.id, rank: bottomRank(of: closing.id, excluding: issue.number))
    }

    /// The column named `name` (id or display name), or an error listing the columns.
    public func resolveColumn(_ name: String) throws(BoardError) -> Column {
        guard let column = column(named: name) else {
            throw .noSuchColumn(name, available: columns.map(\.id))
        }
        return column
    }

    private func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.map(\.trimmingSpaces).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The number a new issue gets: one more than the highest ever created. The log cannot
    /// write more than nine digits, so past that creating fails rather than report a number
    /// no one can see.
    public func nextNumber() throws(BoardError) -> Int {
        guard highestNumber < NumberedTable<Issue>.maximumNumber else {
            throw .invalid("this board has used every issue number up to #\(NumberedTable<Issue>.maximumNumber)")
        }
        return highestNumber + 1
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    public var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
