import BoardModel

/// What needs attention now and what happened since: the content of `lanes digest`, of the
/// board's "attention" view (`is:attention`) and of the status line on opening.
///
/// Pure and deterministic for a board, a person, a clock and a `since`: every list is sorted
/// by a total order, so the same board gives the same digest byte for byte.
public struct Digest: Sendable {
    /// Whose digest: one person, or the whole team (`nil`).
    public var person: String?
    public var since: Timestamp
    public var clock: DayClock

    public var overdue: [Issue] = []
    /// Due today or in the six days after (seven days in all).
    public var dueSoon: [Issue] = []
    public var resurfaced: [Issue] = []
    public var stale: [Issue] = []
    public var newUnassigned: [Issue] = []
    public var mentions: [MentionEntry] = []
    public var changes: [IssueChanges] = []
    /// With `person` nil: each person's open, overdue and stale counts (who carries what).
    public var people: [PersonLoad] = []

    public struct MentionEntry: Sendable {
        public var issue: Issue
        public var mention: Mention
    }

    public struct IssueChanges: Sendable {
        public var issue: Issue
        /// Who did what, oldest first: ("bob", "moved To do → Doing").
        public var lines: [(actor: String, summary: String)]
    }

    public struct PersonLoad: Sendable, Equatable {
        public var name: String
        public var open: Int
        public var overdue: Int
        public var stale: Int
    }

    /// Everything a digest says, for `person` (nil: everyone) since `since`.
    public init(state: BoardState, person: String?, since: Timestamp, clock: DayClock, staleAfterDays: Int) {
        self.person = person
        self.since = since
        self.clock = clock
        let rules = Rules(person: person, since: since, clock: clock, staleAfterDays: staleAfterDays)
        var loads: [String: PersonLoad] = [:]
        for number in state.issues.keys.sorted() {
            guard let issue = state.issues[number] else { continue }
            let reasons = rules.reasons(issue)
            if reasons.contains(.overdue) { overdue.append(issue) }
            if reasons.contains(.dueSoon) { dueSoon.append(issue) }
            if reasons.contains(.resurfaced) { resurfaced.append(issue) }
            if reasons.contains(.stale) { stale.append(issue) }
            if reasons.contains(.newUnassigned) { newUnassigned.append(issue) }
            for mention in rules.countedMentions(issue) {
                mentions.append(MentionEntry(issue: issue, mention: mention))
            }
            if person == nil, issue.isOpen, issue.isShownByDefault {
                for name in issue.assignees {
                    var load = loads[name] ?? PersonLoad(name: name, open: 0, overdue: 0, stale: 0)
                    load.open += 1
                    if issue.isOverdue(clock) { load.overdue += 1 }
                    if rules.isStale(issue) { load.stale += 1 }
                    loads[name] = load
                }
            }
        }
        overdue.sort { ($0.due!, $0.number) < ($1.due!, $1.number) }
        dueSoon.sort { ($0.due!, $0.number) < ($1.due!, $1.number) }
        stale.sort { ($0.updated, $0.number) < ($1.updated, $1.number) }
        people = loads.values.sorted { $0.name < $1.name }
        changes = Digest.changes(in: state, since: since, clock: clock) { issue in
            person.map { name in rules.isTheirs(issue) || issue.mentions(name) } ?? true
        }
    }

    /// Why an issue needs attention: the digest's sections, one rule each, shared with
    /// `is:attention` (the board's attention view).
    public enum Reason: Sendable { case overdue, dueSoon, resurfaced, stale, newUnassigned, mentioned }

    public struct Rules: Hashable, Sendable {
        public var person: String?
        public var since: Timestamp
        public var clock: DayClock
        public var staleAfterDays: Int

        public init(person: String?, since: Timestamp, clock: DayClock, staleAfterDays: Int) {
            self.person = person
            self.since = since
            self.clock = clock
            self.staleAfterDays = staleAfterDays
        }

        func isStale(_ issue: Issue) -> Bool {
            issue.isOpen && issue.updated.milliseconds < clock.now.milliseconds - Int64(staleAfterDays) * Timestamp.day
        }

        /// Assigned to the person (everyone's, for the team).
        func isTheirs(_ issue: Issue) -> Bool {
            person.map { name in issue.assignees.contains { $0.caseInsensitiveEquals(name) } } ?? true
        }

        func counts(_ mention: Mention) -> Bool {
            mention.at >= since && person.map { mention.user.caseInsensitiveEquals($0) } ?? true
        }

        /// The mentions of the person since `since` in `issue` (none in one put away).
        func countedMentions(_ issue: Issue) -> [Mention] {
            issue.isShownByDefault ? issue.mentions.filter(counts) : []
        }

        /// Every reason `issue` needs the person's attention now (empty: none). An issue still
        /// waiting needs nobody; a new unassigned issue needs everyone; an archived or deleted
        /// one was put away and needs nobody, as the board and `lanes list` leave it out.
        public func reasons(_ issue: Issue) -> Set<Reason> {
            var reasons = Set<Reason>()
            guard issue.isShownByDefault else { return reasons }
            if issue.isOpen, !issue.isSnoozed(clock) {
                let today = clock.today
                if isTheirs(issue), let due = issue.due {
                    if due < today { reasons.insert(.overdue) } else if due < today.adding(days: 7) { reasons.insert(.dueSoon) }
                }
                if isTheirs(issue), isStale(issue) { reasons.insert(.stale) }
                if issue.assignees.isEmpty, issue.created >= since { reasons.insert(.newUnassigned) }
            }
            if issue.isResurfaced(clock), isTheirs(issue) || person.map({ issue.snooze?.by.caseInsensitiveEquals($0) == true }) == true {
                reasons.insert(.resurfaced)
            }
            if !countedMentions(issue).isEmpty { reasons.insert(.mentioned) }
            return reasons
        }
    }

    /// Events since `since` (not in the future of the clock), grouped by issue in issue order.
    static func changes(in state: BoardState, since: Timestamp, clock: DayClock, including: (Issue) -> Bool) -> [IssueChanges] {
        var byIssue: [Int: [(actor: String, summary: String)]] = [:]
        // Newest first, stopping at `since`: a digest of one day reads one day of events.
        var index = state.events.count - 1
        while index >= 0 {
            let event = state.events[index]
            index -= 1
            guard event.at > clock.now || event.at >= since else { break }
            guard event.at <= clock.now, let issue = state.issues[event.issue], including(issue) else { continue }
            byIssue[event.issue, default: []].insert((event.actor, event.summary(in: state)), at: 0)
        }
        return byIssue.keys.sorted().map { IssueChanges(issue: state.issues[$0]!, lines: byIssue[$0]!) }
    }

    /// Whether anything needs attention (the changes aside).
    public var needsAttention: Bool {
        !(overdue.isEmpty && dueSoon.isEmpty && resurfaced.isEmpty && stale.isEmpty && newUnassigned.isEmpty && mentions.isEmpty)
    }

    /// The issues of the attention sections, each once, in section order: the "attention" view.
    public var attentionIssues: [Int] {
        var seen = Set<Int>()
        return (overdue + dueSoon + resurfaced + stale + newUnassigned + mentions.map(\.issue))
            .map(\.number).filter { seen.insert($0).inserted }
    }

    /// "3 overdue, 2 back from waiting, 1 mention": the status line on opening, or nil when
    /// nothing waits for this person today.
    public var openingSummary: String? {
        Digest.summary(overdue: overdue.count, resurfaced: resurfaced.count, mentions: mentions.count)
    }

    /// The same line without building a digest: the board's opening reads only the issues that
    /// have a due date, a snooze or a mention (a whole digest copies every issue, works out its
    /// day in the calendar and reads the changes since back from the log: on a 100,000-issue
    /// board that was half the time to the first frame).
    public static func openingSummary(state: BoardState, person: String?, since: Timestamp, clock: DayClock,
                                      staleAfterDays: Int) -> String? {
        let rules = Rules(person: person, since: since, clock: clock, staleAfterDays: staleAfterDays)
        var overdue = 0, resurfaced = 0, mentions = 0
        state.issues.forEachPointer(nil) { _, issue in
            guard issue.pointee.due != nil || issue.pointee.waiting != nil || !issue.pointee.mentions.isEmpty else { return }
            let reasons = rules.reasons(issue.pointee)
            if reasons.contains(.overdue) { overdue += 1 }
            if reasons.contains(.resurfaced) { resurfaced += 1 }
            mentions += rules.countedMentions(issue.pointee).count
        }
        return summary(overdue: overdue, resurfaced: resurfaced, mentions: mentions)
    }

    private static func summary(overdue: Int, resurfaced: Int, mentions: Int) -> String? {
        var parts: [String] = []
        if overdue > 0 { parts.append("\(overdue) overdue") }
        if resurfaced > 0 { parts.append("\(resurfaced) back from waiting") }
        if mentions > 0 { parts.append(Plural.count(mentions, "mention")) }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
