import BoardModel

extension Query {
    /// Whether `issue` satisfies every term.
    public func matches(_ issue: borrowing Issue, now: Timestamp = .now, staleAfterDays: Int = 14) -> Bool {
        withUnsafePointer(to: issue) { matches(at: $0, now: now, staleAfterDays: staleAfterDays) && !hidesWaiting($0, now: now) }
    }

    /// Whether the issue at `issue` satisfies every term. Scans of every issue use this: reading
    /// fields through the pointer borrows them, where passing an `Issue` from the table would
    /// copy it (retaining all seven of its strings and arrays) for each issue on each keystroke.
    /// `known[i]`, when not nil, holds term i's answer for every slot, worked out board-wide
    /// beforehand (free text through `SearchText`); `slot` is the issue's slot.
    func matches(at issue: UnsafePointer<Issue>, slot: Int = 0, known: [[Bool]?] = [],
                 now: Timestamp, staleAfterDays: Int) -> Bool {
        if !issue.pointee.isShownByDefault, !reveals(issue.pointee) { return false }
        return matchesTerms(at: issue, slot: slot, known: known, now: now, staleAfterDays: staleAfterDays)
    }

    /// Whether the issue at `issue` satisfies every term, hidden or not (see `matches(at:)`).
    func matchesTerms(at issue: UnsafePointer<Issue>, slot: Int, known: [[Bool]?], now: Timestamp, staleAfterDays: Int) -> Bool {
        for (index, term) in terms.enumerated() {
            let answer = index < known.count ? known[index]?[slot] : nil
            if (answer ?? term.matches(issue, now: now, staleAfterDays: staleAfterDays)) == term.negated { return false }
        }
        return true
    }

    /// Whether each slot satisfies every term, when `known` holds every term's answers (free
    /// text alone, typically); nil otherwise. A keystroke of the `/` filter then reads one flag
    /// per issue instead of asking each term (at a million issues, the terms' copies and
    /// optional arrays read per issue cost more than the search).
    func combinedAnswers(_ known: [[Bool]?]) -> [Bool]? {
        guard !terms.isEmpty, known.count == terms.count else { return nil }
        var combined: [Bool]?
        for (term, answers) in zip(terms, known) {
            guard let answers else { return nil }
            let holds = term.negated ? answers.map { !$0 } : answers
            combined = combined.map { zip($0, holds).map { $0 && $1 } } ?? holds
        }
        return combined
    }

    /// For each term, its answer for every issue of `state` if `searchText` (which must be
    /// `state`'s) can give it in one pass (free text that is ASCII), else nil.
    func knownAnswers(from searchText: SearchText?, in state: BoardState) -> [[Bool]?] {
        terms.map { term in
            guard term.isAnsweredBoardWide else { return nil }
            if case .blocked = term.condition { return QueryTerm.blockedAnswers(in: state) }
            guard let searchText, case .text(let needle) = term.condition else { return nil }
            return searchText.matches(needle, in: state)
        }
    }

    /// Whether a search text answers every term for every issue at once (`knownAnswers`): a
    /// projection then reads one flag an issue (`combinedAnswers`).
    var isAnsweredBoardWide: Bool {
        !terms.isEmpty && terms.allSatisfy(\.isAnsweredBoardWide)
    }

    /// The matching issues of `state`, in the query's order.
    ///
    /// Sorted as slots with their sort keys, then each issue copied once into its place:
    /// collecting copies and sorting those moved every issue (over 300 bytes) around and
    /// retained and released its strings at each step.
    public func run(on state: BoardState, now: Timestamp = .now, staleAfterDays: Int = 14) -> [Issue] {
        let known = knownAnswers(from: nil, in: state)
        var found: [(key: Int64, number: Int, slot: Int32)] = []
        state.issues.forEachPointer(nil) { slot, issue in
            if matches(at: issue, slot: slot, known: known, now: now, staleAfterDays: staleAfterDays),
               !hidesWaiting(issue, now: now) { found.append((sort.key(of: issue.pointee), issue.pointee.number, Int32(slot))) }
        }
        let descending = sort.descending
        found.sort { a, b in a.key != b.key ? (a.key < b.key) != descending : (a.number < b.number) != descending }
        // Every issue, in the order the board holds them (a whole board listed by number, with
        // nothing hidden): the board's own array, shared, not copied.
        if found.count == state.issues.count, found.indices.allSatisfy({ Int(found[$0].slot) == $0 }) {
            return state.issues.values
        }
        return state.issues.withValues { issues in found.map { issues[Int($0.slot)] } }
    }
}

extension QuerySort {
    /// The value this sort orders by (ties are broken by number).
    public func key(of issue: borrowing Issue) -> Int64 {
        switch key {
        case .id: Int64(issue.number)
        case .created: issue.created.milliseconds
        case .updated: issue.updated.milliseconds
        case .priority: Int64(issue.priority.order)
        // No due date sorts after every date.
        case .due: issue.due?.daysSinceEpoch ?? Int64.max
        case .duplicates: -Int64(issue.links.count { $0.type == .duplicatedBy })
        // Most reported first, as sort:priority puts the most urgent first.
        case .reporters: -Int64(issue.reporters.count)
        }
    }

    public func apply(_ issues: [Issue]) -> [Issue] {
        issues.sorted { a, b in
            let (ka, kb) = (key(of: a), key(of: b))
            return ka != kb ? (ka < kb) != descending : (a.number < b.number) != descending
        }
    }
}

extension QueryTerm {
    func matches(_ issue: UnsafePointer<Issue>, now: Timestamp, staleAfterDays: Int) -> Bool {
        switch condition {
        case .open:
            return issue.pointee.state == .open
        case .closed:
            return issue.pointee.state != .open
        case .stale:
            return issue.pointee.state == .open
                && now.milliseconds - issue.pointee.updated.milliseconds > Int64(staleAfterDays) * Timestamp.day
        case .untriaged:
            return issue.pointee.state == .open && (issue.pointee.assignees.isEmpty || issue.pointee.labels.isEmpty)
        case .assignee(nil):
            return issue.pointee.assignees.isEmpty
        case .assignee(let name?):
            return issue.pointee.assignees.contains { $0.caseInsensitiveEquals(name) }
        case .label(let label):
            return issue.pointee.labels.contains { $0.caseInsensitiveEquals(label) }
        case .column(let column):
            return issue.pointee.column.caseInsensitiveEquals(column)
        case .priority(let priority):
            return issue.pointee.priority == priority
        case .author(let author):
            return issue.pointee.author.caseInsensitiveEquals(author)
        case .reporter(let wanted):
            return issue.pointee.reporters.contains { Reporter.matches($0, wanted) }
        case .text(let needle):
            return issue.pointee.title.containsLowercased(needle) || issue.pointee.body.containsLowercased(needle)
        case .created(let bound):
            return bound.contains(issue.pointee.created)
        case .updated(let bound):
            return bound.contains(issue.pointee.updated)
        case .archived:
            return issue.pointee.isArchived
        case .overdue(let clock):
            return issue.pointee.isOverdue(clock)
        case .snoozed(let clock):
            return issue.pointee.isSnoozed(clock)
        case .resurfaced(let clock):
            return issue.pointee.isResurfaced(clock)
        case .due(let bound):
            return bound.contains(issue.pointee.due)
        case .mentions(let user):
            return issue.pointee.mentions(user)
        case .attention(let rules):
            return !rules.reasons(issue.pointee).isEmpty
        case .blocked, .parent, .hasDuplicates, .link:
            return matchesLink(issue.pointee)
        }
    }
}

extension String {
    /// Whether this text contains `needle` (already lowercased), ignoring case.
    ///
    /// Runs on every issue for every keystroke of the `/` filter. An ASCII needle can only match
    /// ASCII bytes (UTF-8 continuation bytes are all ≥ 0x80), so it is searched byte by byte with
    /// ASCII case folding and no allocation; only a needle with non-ASCII letters makes the text
    /// be lowercased first.
    func containsLowercased(_ needle: String) -> Bool {
        let search = TextSearch(Array(needle.utf8))
        let haystack = search.pin.allSatisfy({ $0 < 0x80 }) ? self : lowercased()
        return haystack.utf8.withContiguousBytes { search.firstIndex(in: $0) != nil }
    }
}

extension String.UTF8View {
    /// Calls `body` with the bytes, in place for a native string (no copy, no retain).
    @inline(__always)
    func withContiguousBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withContiguousStorageIfAvailable(body) ?? Array(self).withUnsafeBufferPointer(body)
    }
}

extension QueryTerm {
    /// Whether `knownAnswers` works this term out for every issue at once, given a search
    /// text: `is:blocked`, and free text the search text can search (ASCII).
    var isAnsweredBoardWide: Bool {
        switch condition {
        case .blocked: true
        case .text(let needle): SearchText.canSearch(needle)
        default: false
        }
    }
}
