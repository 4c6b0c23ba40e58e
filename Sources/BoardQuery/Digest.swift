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

        public init(name: String, open: Int, overdue: Int, stale: Int) {
            self.name = name
            self.open = open
            self.overdue = overdue
            self.stale = stale
        }

        mutating func add(_ other: PersonLoad) {
            open += other.open
            overdue += other.overdue
            stale += other.stale
        }
    }

    /// Everything a digest says, for `person` (nil: everyone) since `since`, from the whole board.
    public init(state: BoardState, person: String?, since: Timestamp, clock: DayClock, staleAfterDays: Int) {
        let rules = Rules(person: person, since: since, clock: clock, staleAfterDays: staleAfterDays)
        let issues = state.issues.keys.sorted().compactMap { state.issues[$0] }
        self.init(rules: rules, candidates: issues, people: person == nil ? Digest.loads(of: issues, rules) : [],
                  changes: Digest.changes(of: issues.filter { rules.touched($0) }, in: state, rules) { state.timelines[$0.number] ?? [] })
    }

    /// A digest from `candidates` (by number: every issue that may need attention; each is
    /// decided by `rules`), the team's loads (`loads(of:_:)` of every issue) and the changes
    /// since (`changes(of:in:_:timeline:)`): how the board's index makes one without reading
    /// every issue (`BoardIndex.digest`).
    public init(rules: Rules, candidates: [Issue], people: [PersonLoad], changes: [IssueChanges]) {
        person = rules.person
        since = rules.since
        clock = rules.clock
        for issue in candidates {
            let reasons = rules.reasons(issue)
            if reasons.contains(.overdue) { overdue.append(issue) }
            if reasons.contains(.dueSoon) { dueSoon.append(issue) }
            if reasons.contains(.resurfaced) { resurfaced.append(issue) }
            if reasons.contains(.stale) { stale.append(issue) }
            if reasons.contains(.newUnassigned) { newUnassigned.append(issue) }
            for mention in rules.countedMentions(issue) {
                mentions.append(MentionEntry(issue: issue, mention: mention))
            }
        }
        overdue.sort { ($0.due!, $0.number) < ($1.due!, $1.number) }
        dueSoon.sort { ($0.due!, $0.number) < ($1.due!, $1.number) }
        stale.sort { ($0.updated, $0.number) < ($1.updated, $1.number) }
        self.people = people
        self.changes = changes
    }

    /// Each person's open, overdue and stale issues among `issues` (those shown by default),
    /// by name: who carries what.
    public static func loads(of issues: some Sequence<Issue>, _ rules: Rules) -> [PersonLoad] {
        merged(issues.lazy.filter { $0.isOpen && $0.isShownByDefault }.flatMap { issue in
            let overdue = issue.isOverdue(rules.clock) ? 1 : 0, stale = rules.isStale(issue) ? 1 : 0
            return issue.assignees.map { PersonLoad(name: $0, open: 1, overdue: overdue, stale: stale) }
        })
    }

    /// `loads` by name, in name order (the same name counted in parts added up).
    public static func merged(_ loads: some Sequence<PersonLoad>) -> [PersonLoad] {
        var byName: [String: PersonLoad] = [:]
        for load in loads {
            byName[load.name, default: PersonLoad(name: load.name, open: 0, overdue: 0, stale: 0)].add(load)
        }
        return byName.values.sorted { $0.name < $1.name }
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

        /// An open issue last updated before this moment (milliseconds) is stale.
        public var staleBefore: Int64 { clock.now.milliseconds - Int64(staleAfterDays) * Timestamp.day }

        func isStale(_ issue: Issue) -> Bool {
            issue.isOpen && issue.updated.milliseconds < staleBefore
        }

        /// Assigned to the person (everyone's, for the team).
        func isTheirs(_ issue: Issue) -> Bool {
            person.map { name in issue.assignees.contains { $0.caseInsensitiveEquals(name) } } ?? true
        }

        func counts(_ mention: Mention) -> Bool {
            mention.at >= since && person.map { mention.user.caseInsensitiveEquals($0) } ?? true
        }

        /// Whether `issue` may have a change to report: an event since `since` (`updated` is
        /// its latest event's time).
        public func touched(_ issue: Issue) -> Bool { issue.updated >= since }

        /// Whether `event` is a change to report: since `since`, and not in the clock's future.
        func isReported(_ event: Event) -> Bool { event.at >= since && event.at <= clock.now }

        /// Whether the person's changes cover `issue`: theirs or naming them (everyone's for the team).
        func covers(_ issue: Issue) -> Bool {
            person.map { name in isTheirs(issue) || issue.mentions(name) } ?? true
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

    /// The changes since: for each of `touched` (by number: every issue with an event since,
    /// `Rules.touched`) that the digest covers, its events since `since` and not in the future
    /// of the clock, in log order. Read per issue from its timeline, so a digest of one day
    /// reads one day's issues; and an event merged in late (older than events before it in the
    /// log) is reported all the same.
    public static func changes(of touched: [Issue], in board: BoardState, _ rules: Rules,
                               timeline: (Issue) throws -> [Event]) rethrows -> [IssueChanges] {
        try touched.compactMap { issue in
            guard rules.covers(issue) else { return nil }
            let lines = try timeline(issue).filter(rules.isReported).map { (actor: $0.actor, summary: $0.summary(in: board)) }
            return lines.isEmpty ? nil : IssueChanges(issue: issue, lines: lines)
        }
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
