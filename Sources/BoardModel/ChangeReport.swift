/// What one save did, in words for the status line: every change it made, not only the last
/// ("#1 assigned chen, assigned ann"; "closed 12 issues; 1 was already closed").
public enum ChangeReport {
    /// `events` were written for `changes`; `state` is the board after them.
    public static func describe(_ allEvents: [Event], of changes: [Change], in state: BoardState) -> String {
        // Board-wide events (a column change) are about no issue: said in their own words.
        var parts = allEvents.filter { $0.issue == 0 }.map { $0.summary(in: state) }
        let events = allEvents.filter { $0.issue != 0 }
        var issues: [Int] = []
        for event in events where !issues.contains(event.issue) { issues.append(event.issue) }
        if issues.count == 1 {
            parts.append("#\(issues[0]) " + events.map { $0.summary(in: state) }.joined(separator: ", "))
        } else {
            // The same thing done to several issues is said once, with how many.
            var phrases: [Phrase] = []
            var issuesPerPhrase: [Phrase: [Int]] = [:]
            for event in events {
                let phrase = bulkPhrase(event, in: state)
                if issuesPerPhrase[phrase] == nil { phrases.append(phrase) }
                if issuesPerPhrase[phrase]?.contains(event.issue) != true { issuesPerPhrase[phrase, default: []].append(event.issue) }
            }
            for phrase in phrases {
                let numbers = issuesPerPhrase[phrase]!
                parts.append(phrase.lead + (numbers.count == 1 ? "#\(numbers[0])" : Plural.count(numbers.count, "issue")) + phrase.tail)
            }
        }
        let untouched = Set(changes.flatMap { $0.parts.map(\.issue) }).subtracting(issues)
        if !untouched.isEmpty {
            let count = untouched.count
            let verb = Plural.noun("was", count, plural: "were")
            if changes.allSatisfy({ if case .close = $0 { true } else { false } }) {
                parts.append("\(count) \(verb) already closed")
            } else if changes.allSatisfy({ if case .reopen = $0 { true } else { false } }) {
                parts.append("\(count) \(verb) already open")
            } else if let step = LifecycleStep.common(to: changes) {
                parts.append("\(count) \(verb) \(step.alreadyDone)")
            } else if !issues.isEmpty {
                parts.append("\(count) unchanged")
            }
        }
        return parts.joined(separator: "; ")
    }

    /// Words around the issues an event was about: "moved" … "to Doing".
    struct Phrase: Hashable {
        var lead: String
        var tail = ""
    }

    static func bulkPhrase(_ event: Event, in state: BoardState) -> Phrase {
        switch event.kind {
        case let .moved(from, to, _):
            from == to ? Phrase(lead: "reordered ", tail: " in " + state.columnName(to))
                : Phrase(lead: "moved ", tail: " to " + state.columnName(to))
        case .closed: Phrase(lead: "closed ")
        case .reopened: Phrase(lead: "reopened ")
        case .assigned(let user): Phrase(lead: "assigned \(user) to ")
        case .unassigned(let user): Phrase(lead: "unassigned \(user) from ")
        case .labelled(let label): Phrase(lead: "added label \(label) to ")
        case .unlabelled(let label): Phrase(lead: "removed label \(label) from ")
        case .prioritised(let priority): Phrase(lead: "set priority \(priority.rawValue) on ")
        case .commented: Phrase(lead: "commented on ")
        case .commentEdited: Phrase(lead: "edited a comment on ")
        case .commentDeleted: Phrase(lead: "deleted a comment on ")
        case .retitled: Phrase(lead: "retitled ")
        case .bodyEdited: Phrase(lead: "edited the description of ")
        case .created: Phrase(lead: "created ")
        case .lifecycle(let step): Phrase(lead: step.rawValue + " ")
        case .dueSet(let date): Phrase(lead: date.map { "set due \($0) on " } ?? "cleared the due date of ")
        case .snoozed(let date): Phrase(lead: date.map { "snoozed until \($0): " } ?? "woke ")
        case let .linked(type, other): Phrase(lead: "linked ", tail: ": \(type.rawValue) #\(other)")
        case let .unlinked(type, other): Phrase(lead: "unlinked ", tail: ": \(type.rawValue) #\(other)")
        case .columns, .renumbered, .imported, .column, .reported: Phrase(lead: event.summary(in: state) + " (", tail: ")")
        }
    }
}
