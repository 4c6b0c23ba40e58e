extension Query {
    /// Whether `issue` satisfies every term.
    public func matches(_ issue: Issue, now: Timestamp = .now, staleAfterDays: Int = 14) -> Bool {
        for term in terms where term.matches(issue, now: now, staleAfterDays: staleAfterDays) == term.negated {
            return false
        }
        return true
    }

    /// The matching issues of `state`, in the query's order.
    public func run(on state: BoardState, now: Timestamp = .now, staleAfterDays: Int = 14) -> [Issue] {
        let found = state.issues.values.filter { matches($0, now: now, staleAfterDays: staleAfterDays) }
        return sort.apply(found)
    }
}

extension QuerySort {
    /// The value this sort orders by (ties are broken by number).
    public func key(of issue: Issue) -> Int64 {
        switch key {
        case .id: Int64(issue.number)
        case .created: issue.created.milliseconds
        case .updated: issue.updated.milliseconds
        case .priority: Int64(issue.priority.order)
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
    func matches(_ issue: Issue, now: Timestamp, staleAfterDays: Int) -> Bool {
        switch condition {
        case .open:
            return issue.isOpen
        case .closed:
            return !issue.isOpen
        case .stale:
            return issue.isOpen && now.milliseconds - issue.updated.milliseconds > Int64(staleAfterDays) * Timestamp.day
        case .untriaged:
            return issue.isOpen && (issue.assignees.isEmpty || issue.labels.isEmpty)
        case .assignee(nil):
            return issue.assignees.isEmpty
        case .assignee(let name?):
            return issue.assignees.contains { $0.caseInsensitiveEquals(name) }
        case .label(let label):
            return issue.labels.contains { $0.caseInsensitiveEquals(label) }
        case .column(let column):
            return issue.column.caseInsensitiveEquals(column)
        case .priority(let priority):
            return issue.priority == priority
        case .author(let author):
            return issue.author.caseInsensitiveEquals(author)
        case .text(let needle):
            return issue.title.containsLowercased(needle) || issue.body.containsLowercased(needle)
        case .created(let bound):
            return bound.contains(issue.created)
        case .updated(let bound):
            return bound.contains(issue.updated)
        }
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        self == other || lowercased() == other.lowercased()
    }

    /// Whether this text contains `needle` (already lowercased), ignoring case.
    ///
    /// Runs on every issue for every keystroke of the `/` filter. An ASCII needle can only match
    /// ASCII bytes (UTF-8 continuation bytes are all ≥ 0x80), so it is searched byte by byte with
    /// ASCII case folding and no allocation; only a needle with non-ASCII letters makes the text
    /// be lowercased first.
    func containsLowercased(_ needle: String) -> Bool {
        let haystack = needle.utf8.allSatisfy({ $0 < 0x80 }) ? self : lowercased()
        return haystack.utf8.withContiguousStorageIfAvailable { hay in
            needle.utf8.withContiguousStorageIfAvailable { pin in String.search(hay, pin) }
        }.flatMap { $0 } ?? Array(haystack.utf8).withUnsafeBufferPointer { hay in
            Array(needle.utf8).withUnsafeBufferPointer { String.search(hay, $0) }
        }
    }

    private static func search(_ hay: UnsafeBufferPointer<UInt8>, _ pin: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !pin.isEmpty else { return true }
        guard hay.count >= pin.count else { return false }
        @inline(__always) func fold(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte | 0x20 : byte }
        let first = pin[0]
        for start in 0...(hay.count - pin.count) where fold(hay[start]) == first {
            var matched = true
            for offset in 1..<pin.count where fold(hay[start + offset]) != pin[offset] {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }
}
