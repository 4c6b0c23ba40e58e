/// Links between issues: the rules a new link must keep, and how link events fold into both
/// issues they join.
extension BoardState {
    /// The events of `.link(number, type, other)`: one `linked` event in the forward form, on
    /// the issue the link starts from; none if the link is already there. A link to a missing
    /// issue, to itself, or one that would close a cycle of `blocks` or `parent-of` is refused.
    /// A duplicate is also closed, with a comment pointing at the original, so triage sees one
    /// open issue per problem.
    func linkEvents(_ number: Int, _ type: LinkType, _ other: Int) throws(BoardError) -> [(Int, EventKind)] {
        _ = try issue(number)
        _ = try issue(other)
        guard number != other else { throw .invalid("#\(number) cannot be linked to itself") }
        let (source, forward, target) = type.isForward ? (number, type, other) : (other, type.inverse, number)
        if issues[source]!.links.contains(IssueLink(forward, target)) { return [] }
        if forward.refusesCycles, let path = path(from: target, to: source, along: forward) {
            let cycle = ([source] + path).map { "#\($0)" }.joined(separator: " → ")
            throw .invalid("#\(source) \(forward.rawValue) #\(target) would make a cycle: \(cycle)")
        }
        guard forward == .duplicates else { return [(source, .linked(forward, target))] }
        return [(source, .linked(forward, target)), (source, .commented("Duplicate of #\(target)"))]
            + (closing(issues[source]!).map { [(source, $0)] } ?? [])
    }

    /// The events of `.unlink(number, type, other)`: none if the link is not there. The other
    /// issue need not exist any more.
    func unlinkEvents(_ number: Int, _ type: LinkType, _ other: Int) throws(BoardError) -> [(Int, EventKind)] {
        let issue = try issue(number)
        guard issue.links.contains(IssueLink(type, other)) else { return [] }
        return type.isForward ? [(number, .unlinked(type, other))] : [(other, .unlinked(type.inverse, number))]
    }

    /// The issues from `start` to `end` following `type` links forward (`start` first, `end`
    /// last), or nil if `end` cannot be reached. Breadth first, so the cycle named is a shortest one.
    func path(from start: Int, to end: Int, along type: LinkType) -> [Int]? {
        var cameFrom: [Int: Int] = [start: start]
        var queue = [start]
        var next = 0
        while next < queue.count {
            let current = queue[next]
            next += 1
            if current == end {
                var path = [end]
                while path[0] != start { path.insert(cameFrom[path[0]]!, at: 0) }
                return path
            }
            for link in issues[current]?.links ?? [] where link.type == type && cameFrom[link.issue] == nil {
                cameFrom[link.issue] = current
                queue.append(link.issue)
            }
        }
        return nil
    }

    /// Why a link event cannot be folded (its other issue is missing, or is the issue itself), if so.
    func linkProblem(_ event: Event) -> String? {
        guard case let .linked(_, target) = event.kind else { return nil }
        if target == event.issue { return "links #\(target) to itself" }
        return issues.contains(target) ? nil : "links to #\(target), which does not exist"
    }

    /// Folds what an event adds besides its own issue's fields: a link on both of its issues,
    /// and the issues its text names.
    mutating func foldLinksAndMentions(_ event: Event) {
        switch event.kind {
        case let .linked(type, target), let .unlinked(type, target):
            let adding = if case .linked = event.kind { true } else { false }
            issues.modify(event.issue) { $0.setLink(IssueLink(type, target), present: adding) }
            issues.modify(target) { $0.setLink(IssueLink(type.inverse, event.issue), present: adding) }
        case let .created(title, body, _, _, _):
            mentions.record(from: event.issue, text: title)
            mentions.record(from: event.issue, text: body)
        case .retitled(let text), .bodyEdited(let text), .commented(let text):
            mentions.record(from: event.issue, text: text)
        default:
            break
        }
    }
}

extension Issue {
    /// Adds or removes one link (each link is held once).
    mutating func setLink(_ link: IssueLink, present: Bool) {
        if present {
            if !links.contains(link) { links.append(link) }
        } else {
            links.removeAll { $0 == link }
        }
    }

    /// The issues this one links to with `type`, from this side.
    public func linked(_ type: LinkType) -> [Int] {
        links.compactMap { $0.type == type ? $0.issue : nil }
    }
}

extension Event {
    /// Every issue this event changes: its own, and for a link the other issue too (what
    /// derived views must update).
    public var touchedIssues: [Int] {
        kind.linkTarget.map { [issue, $0] } ?? [issue]
    }
}

extension EventKind {
    /// The other issue of a link event.
    public var linkTarget: Int? {
        switch self {
        case .linked(_, let other), .unlinked(_, let other): other
        default: nil
        }
    }

    /// The same link event pointing at `number` instead (a merge renumbered its other issue).
    public func linking(to number: Int) -> EventKind {
        switch self {
        case .linked(let type, _): .linked(type, number)
        case .unlinked(let type, _): .unlinked(type, number)
        default: self
        }
    }
}

extension BoardState {
    /// Cycles of `blocks` or `parent-of` links, each once (as `#1 → #2 → #1`): writers refuse
    /// them, but two clones can each add half of one offline and meet in a merge. `lanes check`
    /// names them so someone can unlink one.
    public var linkCycles: [String] {
        var seen = Set<Set<Int>>()
        var cycles: [String] = []
        for number in issues.keys.sorted() {
            for link in issues[number]!.links where link.type.refusesCycles {
                guard let path = path(from: link.issue, to: number, along: link.type), seen.insert(Set(path)).inserted else { continue }
                cycles.append("#\(number) " + path.map { "\(link.type.rawValue) #\($0)" }.joined(separator: " "))
            }
        }
        return cycles
    }
}

extension Change {
    /// The part of linking a duplicate that closes it, so undo reopens it too.
    var duplicateClosing: [(issue: Int, field: IssueField, change: Change)] {
        switch self {
        case let .link(number, .duplicates, _), let .link(_, .duplicatedBy, number): [(number, .placement, .close(number))]
        default: []
        }
    }
}
