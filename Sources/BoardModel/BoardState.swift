/// The board as the fold of its events: columns, issues and each issue's timeline.
///
/// A plain value so that folding a million events costs no observation or locking overhead;
/// `ObservableBoard` holds it and publishes each batch once, for the run loop to observe.
public struct BoardState: Sendable {
    public internal(set) var columns: [Column]
    public package(set) var issues = NumberedTable<Issue>()
    /// Every event folded into an issue, in log order: the board's own timeline.
    public package(set) var events = EventList()
    /// For each entry of `events`, the index of the same issue's next event (-1 at the end).
    /// Chaining through one array costs no allocation per issue, unlike an array per timeline.
    package var nextInTimeline = TimelineChain()
    /// Each issue's first and last event in `events`, by its slot in `issues` (read by number
    /// through `timelineEnds`).
    package var timelineEndsBySlot: [TimelineEnds] = []

    /// Issue timelines by number: `timelines[42]` is #42's events in order.
    public var timelines: Timelines { Timelines(state: self) }
    /// The highest issue number ever created; the next issue gets one more.
    public package(set) var highestNumber = 0
    public package(set) var eventCount = 0
    /// Issues brought in by `lanes import`, by their source key.
    public package(set) var importedKeys: [String: Int] = [:]
    /// How many issues are archived or deleted (not shown by default).
    public package(set) var hiddenCount = 0
    /// Which issues name which in their text (`#12`), kept as the events are folded.
    public package(set) var mentions = MentionIndex()
    /// Removed columns' ids, each with the column its issues went to ("" for the first column).
    public package(set) var removedColumns: [String: String] = [:]
    /// For a state holding only some issues (`BoardState+Partial.swift`): the highest rank in
    /// each column among the issues it does not hold, so a rank "at the bottom" is the board's.
    package var outsideRanks: [String: Double] = [:]

    /// The latest time an event may carry to be folded: the clock plus `Timestamp.skew`.
    /// Later events are set aside. `EventLog` moves it on to the clock before each read and write.
    public var horizon: Timestamp

    public init(columns: [Column] = Column.defaults, now: Timestamp = .now) {
        self.columns = columns
        self.horizon = Timestamp(milliseconds: now.milliseconds + Timestamp.skew)
    }

    /// The column with this id or display name, case-insensitively.
    public func column(named name: String) -> Column? {
        let lower = name.lowercased()
        return columns.first { $0.id.lowercased() == lower } ?? columns.first { $0.name.lowercased() == lower }
    }

    public func columnName(_ id: String) -> String {
        columns.first { $0.id == id }?.name ?? id
    }

    public func isClosing(_ columnID: String) -> Bool {
        columns.first { $0.id == columnID }?.isClosing ?? false
    }

    /// The first closing column (where `close` sends issues).
    public var closingColumn: Column? { columns.first { $0.isClosing } }

    public static func rankOrder(_ a: Issue, _ b: Issue) -> Bool {
        a.rank != b.rank ? a.rank < b.rank : a.number < b.number
    }

    /// A rank after every issue in the column.
    public func bottomRank(of column: String, excluding number: Int? = nil) -> Double {
        var highest = max(0, outsideRanks[column] ?? 0)
        for issue in issues.values where issue.column == column && issue.number != number {
            highest = max(highest, issue.rank)
        }
        return (highest + 1).rounded(.down)
    }

    /// Everyone who appears on the board: authors, assignees and actors, sorted.
    public var knownUsers: [String] {
        var users = Set<String>()
        for issue in issues.values {
            users.insert(issue.author)
            users.formUnion(issue.assignees)
        }
        return users.sorted()
    }

    public var knownLabels: [String] {
        var labels = Set<String>()
        for issue in issues.values { labels.formUnion(issue.labels) }
        return labels.sorted()
    }

    /// Folds one event into the state, or returns why it cannot: it is about an issue that does
    /// not exist, it is a second `created` for a number already taken, or it is dated past
    /// `horizon`. Such an event changes nothing and stays in the log (which is never rejected
    /// for it); `EventLog` reports it as a problem of its line, and writers refuse to save one.
    @discardableResult
    public mutating func apply(_ event: Event) -> String? {
        eventCount += 1
        guard event.at <= horizon else {
            return "dated \(event.at.iso8601), more than a day after this machine's clock"
        }
        if case .columns(let newColumns) = event.kind {
            if !newColumns.isEmpty { columns = newColumns }
            return nil
        }
        if case .column(let change) = event.kind {
            apply(change)
            events.append(event) // in the board's timeline (the activity view), in no issue's
            nextInTimeline.append(-1)
            return nil
        }
        // Landed only if a column was ever removed: a copy of every event (its strings retained
        // and released again) was a twentieth of the fold for boards that never remove one.
        return removedColumns.isEmpty ? applyToIssue(event, landed: event) : applyToIssue(event, landed: landed(event))
    }

    /// `apply` for an event about one issue; `folded` is `event` with its column landed
    /// (`landed(_:)`): the issue takes `folded`, the timeline keeps `event`.
    private mutating func applyToIssue(_ event: Event, landed folded: Event) -> String? {
        let number = event.issue
        if case let .created(title, body, column, rank, priority) = folded.kind {
            guard number > 0, number <= NumberedTable<Issue>.maximumNumber else {
                return "#\(number) is beyond the highest issue number (\(NumberedTable<Issue>.maximumNumber))"
            }
            guard !issues.contains(number) else { return "#\(number) was already created" }
            var issue = Issue(number: number, title: title, body: body, column: column, rank: rank,
                              priority: priority, author: event.actor, created: event.at)
            issue.clocks = FieldClocks(Stamp(at: event.at, id: event.id))
            if isClosing(column) { issue.state = .closed }
            issue.foldMentions(event)
            issues.insert(issue, for: number)
            let index = Int32(events.count)
            events.append(event)
            nextInTimeline.append(-1)
            timelineEndsBySlot.append(TimelineEnds(first: index, last: index))
            highestNumber = max(highestNumber, number)
            foldLinksAndMentions(event)
            return nil
        }
        // Mutate in place through the dictionary's storage: copying the issue out and back in
        // would copy its label and assignee arrays on every event.
        guard issues.contains(number) else { return "#\(number) does not exist (no created before it)" }
        if case .imported(let key) = event.kind { importedKeys[key] = number }
        if let reason = linkProblem(event) { return reason }
        let index = Int32(events.count)
        events.append(event)
        nextInTimeline.append(-1)
        if let slot = issues.slot(of: number), timelineEndsBySlot[slot].isHeld {
            nextInTimeline[Int(timelineEndsBySlot[slot].last)] = index
            timelineEndsBySlot[slot].last = index
        }
        let columns = columns
        var shownChange = 0
        issues.modify(number) { issue in
            let wasShown = issue.isShownByDefault
            issue.fold(folded, columns: columns)
            if issue.isShownByDefault != wasShown { shownChange = wasShown ? 1 : -1 }
        }
        hiddenCount += shownChange
        foldLinksAndMentions(event)
        return nil
    }

    public mutating func apply(_ events: some Sequence<Event>) {
        for event in events { apply(event) }
    }

    /// Makes room for about `count` more events and `issues` more issues (a loader knows
    /// roughly how many lines it has). Room never used costs address space, not memory; tables
    /// grown by doubling instead were copied again and again into fresh pages.
    public mutating func reserveCapacity(events count: Int, issues: Int = 0) {
        events.reserveCapacity(events.held.count + count)
        nextInTimeline.reserveCapacity(nextInTimeline.count + count)
        if issues > 0 {
            self.issues.reserveCapacity(self.issues.count + issues, highestNumber: 0)
            timelineEndsBySlot.reserveCapacity(timelineEndsBySlot.count + issues)
        }
    }

    /// The issue, or a `noSuchIssue` error (`deletedIssue` if it was deleted).
    public func issue(_ number: Int) throws(BoardError) -> Issue {
        guard let issue = issues[number] else { throw .noSuchIssue(number) }
        guard !issue.isDeleted else { throw .deletedIssue(number) }
        return issue
    }
}

extension Issue {
    /// Applies one event about this issue. A single-valued field takes the event's value only
    /// if the event is newer (time, then id) than the one that last set it, so two people
    /// editing one field at once end with the same value everywhere; both stay in the timeline.
    mutating func fold(_ event: Event, columns: [Column]) {
        func isClosing(_ id: String) -> Bool { columns.first { $0.id == id }?.isClosing ?? false }
        let stamp = Stamp(at: event.at, id: event.id)
        // Through `inout`, not a key path: reading and writing through a `WritableKeyPath`
        // went through the runtime's key path code on every edit (a twentieth of the fold).
        func wins(_ clock: inout Stamp) -> Bool {
            guard clock < stamp else { return false }
            clock = stamp
            return true
        }
        updated = max(updated, event.at)
        foldWaiting(event)
        foldMentions(event)
        switch event.kind {
        case .columns, .created, .column:
            return
        case .retitled(let newTitle):
            if wins(&clocks.title) { title = newTitle }
        case .bodyEdited(let newBody):
            if wins(&clocks.body) { body = newBody }
        case let .moved(from, to, newRank):
            guard wins(&clocks.placement) else { return }
            column = to
            rank = newRank
            if isClosing(to), isOpen {
                state = .closed
                columnBeforeClose = from
            } else if !isClosing(to), !isOpen {
                state = .open
                columnBeforeClose = nil
            }
        case .assigned(let user):
            if !assignees.contains(user) { assignees.append(user) }
        case .unassigned(let user):
            assignees.removeAll { $0 == user }
        case .labelled(let label):
            if !labels.contains(label) { labels.append(label) }
        case .unlabelled(let label):
            labels.removeAll { $0 == label }
        case .prioritised(let newPriority):
            if wins(&clocks.priority) { priority = newPriority }
        case .commented, .renumbered, .imported, .commentEdited, .commentDeleted, .linked, .unlinked:
            break
        case .lifecycle(let step):
            lifecycle.apply(step, stamp: stamp)
        case .dueSet(let date):
            if wins(&clocks.due) { due = date }
        case .snoozed(let date):
            if wins(&clocks.snooze) { snooze = date.map { Snooze(until: $0, by: event.actor, at: event.at) } }
        case .reported(let reporter):
            addReporter(reporter)
        case let .closed(from, to, newRank):
            guard wins(&clocks.placement) else { return }
            state = .closed
            column = to
            rank = newRank
            columnBeforeClose = from
        case let .reopened(_, to, newRank):
            guard wins(&clocks.placement) else { return }
            state = .open
            column = to
            rank = newRank
            columnBeforeClose = nil
        }
    }
}

/// Read access to issue timelines, walking the chain of one issue's events.
public struct Timelines: Sendable {
    let state: BoardState

    public subscript(number: Int) -> [Event]? {
        guard let ends = state.timelineEnds[number] else { return nil }
        var result: [Event] = []
        var index = Int(ends.first)
        while index >= 0 {
            result.append(state.events[index])
            index = Int(state.nextInTimeline[index])
        }
        return result
    }
}
