import BoardModel

/// The query words about links: `is:blocked`, `is:parent`, `has:duplicates`, `blocks:N`,
/// `blocked-by:N`, `parent:N`.
extension Query {
    static func linkCondition(key: String, value: String) throws(BoardError) -> QueryTerm.Condition {
        if key == "has" {
            guard value.lowercased() == "duplicates" else { throw .badQuery("unknown \"has:\(value)\"; use has:duplicates") }
            return .hasDuplicates
        }
        let number: Int
        do {
            number = try BoundedNumber.parse(value.hasPrefix("#") ? value.dropFirst() : Substring(value),
                                             in: 1...NumberedTable<Issue>.maximumNumber, what: "the issue in \"\(key):\(value)\"")
        } catch {
            throw .badQuery(error.description)
        }
        let type: LinkType = switch key {
        case "blocks": .blocks
        case "blocked-by": .blockedBy
        default: .childOf
        }
        return .link(type, number)
    }
}

extension QueryTerm {
    /// Whether `issue`'s own links satisfy this term. `is:blocked` also needs its blockers'
    /// state: every search works it out board-wide first (`blockedAnswers`), so this only
    /// says whether the issue has a blocker at all.
    func matchesLink(_ issue: borrowing Issue) -> Bool {
        switch condition {
        case .blocked: issue.links.contains { $0.type == .blockedBy }
        case .parent: issue.links.contains { $0.type == .parentOf }
        case .hasDuplicates: issue.links.contains { $0.type == .duplicatedBy }
        case let .link(type, number): issue.links.contains(IssueLink(type, number))
        default: false
        }
    }

    /// For each slot of `state`, whether an open issue blocks it. Only issues with links are
    /// looked at closer, so this costs one pass over the issues' link arrays and no text.
    static func blockedAnswers(in state: BoardState) -> [Bool] {
        var answers = [Bool](repeating: false, count: state.issues.count)
        state.issues.forEachPointer(nil) { slot, issue in
            guard !issue.pointee.links.isEmpty else { return }
            answers[slot] = issue.pointee.links.contains { $0.type == .blockedBy && state.issues[$0.issue]?.isOpen == true }
        }
        return answers
    }
}
