import BoardModel

extension ImportPlan {
    /// Links in a replayed timeline name issues by the file's numbers, and the other issue may
    /// come later in the file or get a new number here: they are kept until every issue is in,
    /// then written with this board's numbers.
    struct DeferredLinks {
        /// The file's number → this board's, for every issue of the file.
        private var numbers: [Int: Int] = [:]
        private var pending: [(issue: Int, entry: ImportedIssue.ReplayedEvent)] = []

        mutating func number(of issue: ImportedIssue, is number: Int) {
            if let original = issue.number { numbers[original] = number }
        }

        mutating func `defer`(_ entry: ImportedIssue.ReplayedEvent, on issue: Int) {
            pending.append((issue, entry))
        }

        /// The link events, folded into `state`; a link to an issue the file does not hold is
        /// left out and counted.
        func events(into state: inout BoardState, summary: inout Summary) throws(BoardError) -> [Event] {
            var events: [Event] = []
            for (issue, entry) in pending {
                guard let target = entry.kind.linkTarget.flatMap({ numbers[$0] }) else {
                    summary.linksLeftOut += 1
                    continue
                }
                let event = Event(id: .random(), at: entry.at, actor: entry.actor, issue: issue, kind: entry.kind.linking(to: target))
                if let reason = state.apply(event) { throw .invalid("cannot import a link of #\(issue): \(reason); nothing was imported") }
                events.append(event)
            }
            return events
        }
    }
}
