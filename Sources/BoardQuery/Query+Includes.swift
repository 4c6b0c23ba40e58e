import BoardModel

extension Query {
    /// Whether `issue` is one of `run`'s results, decided from the issue alone: for results read
    /// one by one from the on-disk index, where no whole board is in memory.
    ///
    /// The one term that looks beyond the issue, `is:blocked` (an *open* issue blocks it), asks
    /// `isOpen` about each of its blockers; `run` answers it board-wide (`blockedAnswers`) with
    /// the same rule, so the two agree issue for issue.
    public func includes(_ issue: borrowing Issue, now: Timestamp = .now, staleAfterDays: Int = 14,
                         isOpen: (Int) -> Bool) -> Bool {
        withUnsafePointer(to: issue) { pointer in
            let known: [[Bool]?] = terms.contains(where: { $0.condition == .blocked }) ? terms.map { term in
                guard term.condition == .blocked else { return nil }
                return [pointer.pointee.links.contains { $0.type == .blockedBy && isOpen($0.issue) }]
            } : []
            return matches(at: pointer, slot: 0, known: known, now: now, staleAfterDays: staleAfterDays)
                && !hidesWaiting(pointer, now: now)
        }
    }
}
