import BoardModel

/// What the `/` filter reads of every issue on every keystroke, by slot, in contiguous arrays:
/// its number, whether it is hidden by default (archived, deleted) or has a snooze, and when it
/// was last updated if it is open (for the stale count).
///
/// An `Issue` is over 300 bytes, with these fields far apart: reading them from 100,000 issues
/// on every keystroke cost a cache miss or two per issue, even when free text was answered from
/// `SearchText` without touching an issue (the archive and waiting tests doubled a first
/// character's time). Kept with `IssueOrder`, per board version, and updated with it.
struct IssueFacts: Equatable, Sendable {
    /// Archived or deleted: shown only to a query that `reveals` it.
    static let hidden: UInt8 = 1
    /// Has a snooze: hidden while it waits, unless the query asks for waiting issues.
    static let snoozed: UInt8 = 2

    private(set) var numbers = CompactNumbers()
    private(set) var flags: [UInt8] = []
    /// The last update's time for an open issue, `Int64.max` for a closed one (never stale).
    private(set) var openUpdated: [Int64] = []

    init(state: BoardState) {
        numbers.reserveCapacity(state.issues.count)
        flags.reserveCapacity(state.issues.count)
        openUpdated.reserveCapacity(state.issues.count)
        state.issues.forEachPointer(nil) { _, issue in
            numbers.append(issue.pointee.number)
            flags.append(Self.flags(of: issue))
            openUpdated.append(Self.openUpdated(of: issue))
        }
    }

    /// These facts after the issues numbered `changed` were created or changed in `state`
    /// (slots past the old end are read too, whatever `changed` says).
    func updating(_ changed: Set<Int>, in state: BoardState) -> IssueFacts {
        var updated = self
        let known = numbers.count
        let slots = changed.compactMap { state.issues.slot(of: $0) }.filter { $0 < known } + Array(known..<max(known, state.issues.count))
        state.issues.withValues { issues in
            guard let base = issues.baseAddress else { return }
            for slot in slots {
                let issue = UnsafePointer(base + slot)
                let values = (issue.pointee.number, Self.flags(of: issue), Self.openUpdated(of: issue))
                if slot < known {
                    (updated.numbers[slot], updated.flags[slot], updated.openUpdated[slot]) = values
                } else {
                    updated.numbers.append(values.0)
                    updated.flags.append(values.1)
                    updated.openUpdated.append(values.2)
                }
            }
        }
        return updated
    }

    private static func flags(of issue: UnsafePointer<Issue>) -> UInt8 {
        (issue.pointee.isShownByDefault ? 0 : hidden) | (issue.pointee.snooze == nil ? 0 : snoozed)
    }

    private static func openUpdated(of issue: UnsafePointer<Issue>) -> Int64 {
        issue.pointee.state == .open ? issue.pointee.updated.milliseconds : Int64.max
    }
}
