import BoardModel

/// Turns imported issues into events against the board's current state: skips issues already
/// imported (by source key), keeps original numbers where they are free, puts open issues in
/// their column (or the first) and closed ones in the closing column, and replays comments with
/// their original authors and times.
public enum ImportPlan {
    public struct Summary: Sendable {
        public var imported: [Int] = []
        public var skipped = 0
        public var renumbered = 0
        /// Links to issues that are neither in the file nor imported before.
        public var linksLeftOut = 0
        public init() {}
    }

    /// Original numbers are kept up to here; larger ones get the next free number, so that an
    /// import always leaves room for new issues below `NumberedTable.maximumNumber`.
    public static let highestKeptNumber = 99_999_999

    /// Folds the events into `state` as it goes (as `EventLog.commit(building:)` expects).
    /// `progress` is told how many issues are done, every 5,000 (for a terminal's status line).
    public static func events(for issues: [ImportedIssue], into state: inout BoardState, summary: inout Summary,
                              progress: (Int) -> Void = { _ in }) throws(BoardError) -> [Event] {
        var events: [Event] = []
        let firstColumn = state.columns.first { !$0.isClosing } ?? state.columns[0]
        // Bottom ranks tracked here: asking the state for each of 100,000 issues is quadratic.
        var bottom: [String: Double] = [:]
        func nextRank(_ column: String) -> Double {
            let rank = bottom[column] ?? state.bottomRank(of: column)
            bottom[column] = rank + 1
            return rank
        }
        var links = DeferredLinks()
        for (done, issue) in issues.enumerated() {
            if done > 0, done % 5000 == 0 { progress(done) }
            if let known = state.importedKeys[issue.key] {
                links.number(of: issue, is: known)
                summary.skipped += 1
                continue
            }
            var number = try state.nextNumber()
            if let wanted = issue.number, wanted > 0, wanted <= highestKeptNumber, !state.issues.contains(wanted) {
                number = wanted
            } else if issue.number != nil {
                summary.renumbered += 1
            }
            links.number(of: issue, is: number)
            let named = issue.column.flatMap { state.column(named: $0) }
            let column: Column = issue.isClosed ? (state.closingColumn ?? named ?? firstColumn) : (named.flatMap { $0.isClosing ? nil : $0 } ?? firstColumn)
            var time = issue.created.milliseconds
            func add(_ kind: EventKind, by actor: String, at: Int64? = nil) throws(BoardError) {
                let stamp = max(at ?? time, time)
                time = stamp
                let event = Event(id: .random(), at: Timestamp(milliseconds: stamp), actor: actor, issue: number, kind: kind)
                // A time far ahead (9999-12-31) would win every later edit: refuse the file instead.
                if let reason = state.apply(event) { throw .invalid("cannot import \(issue.key): \(reason); nothing was imported") }
                events.append(event)
            }
            if let replay = issue.replay, let first = replay.first, case .created = first.kind {
                // Replay the timeline as it was; the new number is this board's, the columns its own.
                for entry in replay {
                    guard entry.kind.linkTarget == nil else {
                        links.defer(entry, on: number)
                        continue
                    }
                    var kind = entry.kind
                    if case let .created(title, body, columnID, _, priority) = kind {
                        let target = state.column(named: columnID) ?? firstColumn
                        kind = .created(title: title, body: body, column: target.id, rank: nextRank(target.id), priority: priority)
                    }
                    try add(kind, by: entry.actor, at: entry.at.milliseconds)
                }
                if state.importedKeys[issue.key] == nil { try add(.imported(key: issue.key), by: issue.author) }
                summary.imported.append(number)
                continue
            }
            try add(.created(title: issue.title.trimmingSpaces.isEmpty ? "(untitled)" : issue.title, body: issue.body,
                         column: column.id, rank: nextRank(column.id), priority: issue.priority), by: issue.author)
            for label in issue.labels where !label.isEmpty { try add(.labelled(label), by: issue.author) }
            for user in issue.assignees where !user.isEmpty { try add(.assigned(user), by: issue.author) }
            for comment in issue.comments.sorted(by: { $0.at < $1.at }) {
                try add(.commented(comment.text), by: comment.author, at: comment.at.milliseconds)
            }
            // Last, at the source's updated time, so the issue's "updated" is the source's.
            try add(.imported(key: issue.key), by: issue.author, at: issue.updated?.milliseconds)
            summary.imported.append(number)
        }
        return events + (try links.events(into: &state, summary: &summary))
    }
}
