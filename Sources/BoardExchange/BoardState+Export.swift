import BoardModel

extension BoardState {
    /// The issues `lanes export` writes, by number: archived ones too (they are still the
    /// board's), deleted ones only when asked (`--include-deleted`).
    public func exportedIssues(includingDeleted: Bool) -> [Issue] {
        issues.keys.sorted().compactMap { number in
            issues[number].flatMap { includingDeleted || !$0.isDeleted ? $0 : nil }
        }
    }
}
