/// The board's own columns as events: turning a `ColumnChange` into events (validated against
/// the freshest state), folding `column-*` events, and where issues land when their column
/// was removed by another clone.
extension BoardState {
    // MARK: - Changes → events

    /// The events of a column change. Removing a column that holds issues needs `to`; each of
    /// its issues then gets a `moved` event, before the removal.
    func columnKinds(for change: ColumnChange) throws(BoardError) -> [(Int, EventKind)] {
        switch change {
        case let .add(column, position):
            let name = column.name.trimmingSpaces
            guard !name.isEmpty else { throw .invalid("a column needs a name") }
            try checkColumnID(column.id)
            if let clash = self.column(named: column.id) ?? self.column(named: name) {
                throw .invalid("a column \"\(clash.name)\" (id \(clash.id)) exists already")
            }
            var added = column
            added.name = name
            return [(0, .column(.added(added, after: try columnAfter(position, moving: nil))))]
        case let .rename(name, newName):
            let column = try resolveColumn(name)
            let trimmed = newName.trimmingSpaces
            guard !trimmed.isEmpty else { throw .invalid("a column needs a name") }
            if let clash = self.column(named: trimmed), clash.id != column.id {
                throw .invalid("a column \"\(clash.name)\" (id \(clash.id)) exists already")
            }
            return trimmed == column.name ? [] : [(0, .column(.renamed(column.id, name: trimmed)))]
        case let .move(name, position):
            let column = try resolveColumn(name)
            let after = try columnAfter(position, moving: column.id)
            return after == columnBefore(column.id) ? [] : [(0, .column(.moved(column.id, after: after)))]
        case let .remove(name, to):
            let column = try resolveColumn(name)
            guard columns.count > 1 else { throw .invalid("\(column.name) is the board's only column; add another first") }
            let held = issues.values.filter { $0.column == column.id }.sorted(by: BoardState.rankOrder)
            guard let to else {
                if held.isEmpty { return [(0, .column(.removed(column.id, to: nil)))] }
                throw .invalid("\(column.name) holds \(Plural.count(held.count, "issue")); "
                               + "move them with --to COLUMN (lanes columns remove \(column.id) --to COLUMN)")
            }
            let target = try resolveColumn(to)
            guard target.id != column.id else { throw .invalid("cannot move \(column.name)'s issues into itself") }
            var rank = bottomRank(of: target.id)
            var kinds: [(Int, EventKind)] = []
            for issue in held {
                kinds.append((issue.number, .moved(from: column.id, to: target.id, rank: rank)))
                rank += 1
            }
            return kinds + [(0, .column(.removed(column.id, to: target.id)))]
        case let .limit(name, wip):
            let column = try resolveColumn(name)
            if let wip { _ = try BoundedNumber.parse(String(wip), in: 0...ColumnLimits.maximumWIP, what: "a WIP limit") }
            return wip == column.wip ? [] : [(0, .column(.limited(column.id, wip: wip)))]
        case let .setClosing(name, on):
            let column = try resolveColumn(name)
            // Its closed issues would all reopen, with nowhere left to close them.
            if !on, column.isClosing, columns.filter(\.isClosing).count == 1,
               issues.values.contains(where: { $0.column == column.id && !$0.isOpen }) {
                throw .invalid("\(column.name) is the only closing column and closed issues are in it; make another closing first")
            }
            return on == column.isClosing ? [] : [(0, .column(.closing(column.id, on)))]
        }
    }

    /// An id for a new column called `name`: its words in lower case joined by `-`, with a
    /// number added if another column has it already.
    public func newColumnID(for name: String) -> String {
        var slug = ""
        for character in name.lowercased() {
            if character == "'" || character == "’" { continue } // "Won't fix" → wont-fix
            if character.isLetter || character.isNumber || character == "_" { slug.append(character) }
            else if !slug.isEmpty, slug.last != "-" { slug.append("-") }
        }
        while slug.last == "-" { slug.removeLast() }
        if slug.isEmpty { slug = "column" }
        var id = slug, suffix = 2
        while column(named: id) != nil { id = "\(slug)-\(suffix)"; suffix += 1 }
        return id
    }

    /// Ids are written in the log and typed in queries: one word, not `-` (the log's "none").
    func checkColumnID(_ id: String) throws(BoardError) {
        guard !id.isEmpty, id != "-", !id.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == ":" }) else {
            throw .invalid("a column id is one word without spaces or colons, not \"\(id)\"")
        }
    }

    /// The id of the column just before `id` (nil when it is first).
    func columnBefore(_ id: String) -> String? {
        guard let index = columns.firstIndex(where: { $0.id == id }), index > 0 else { return nil }
        return columns[index - 1].id
    }

    /// Where a column put at `position` goes, as the column it follows (nil: first), among the
    /// columns other than `moving`.
    func columnAfter(_ position: ColumnPosition, moving: String?) throws(BoardError) -> String? {
        let others = columns.filter { $0.id != moving }
        switch position {
        case .first: return nil
        case .last: return others.last?.id
        case .after(let name), .before(let name):
            let anchor = try resolveColumn(name)
            guard anchor.id != moving else { throw .invalid("a column cannot be placed next to itself") }
            if case .after = position { return anchor.id }
            let index = others.firstIndex { $0.id == anchor.id }!
            return index == 0 ? nil : others[index - 1].id
        }
    }

    // MARK: - Folding

    /// Applies one `column-*` event. Never refuses one: an event about a column another clone
    /// removed (or added under the same id) changes nothing, so merged logs check clean.
    mutating func apply(_ change: ColumnEvent) {
        let index = columns.firstIndex { $0.id == change.columnID }
        switch change {
        case let .added(column, after):
            guard index == nil else { return }
            removedColumns[column.id] = nil
            columns.insert(column, at: insertionIndex(after: after) ?? columns.count)
        case let .renamed(_, name):
            if let index { columns[index].name = name }
        case let .moved(_, after):
            guard let index, after != columns[index].id else { return }
            let column = columns.remove(at: index)
            columns.insert(column, at: insertionIndex(after: after) ?? index)
        case let .removed(id, to):
            guard let index, columns.count > 1 else { return }
            columns.remove(at: index)
            removedColumns[id] = to ?? ""
            relocateIssues(from: id)
        case let .limited(_, wip):
            if let index { columns[index].wip = wip }
        case let .closing(id, on):
            guard let index else { return }
            columns[index].isClosing = on
            for number in issues.keys where issues[number]?.column == id {
                issues.modify(number) { issue in
                    issue.state = on ? .closed : .open
                    issue.columnBeforeClose = nil
                }
            }
        }
    }

    /// The index a column following `after` takes (nil `after`: 0); nil if `after` is gone.
    private func insertionIndex(after: String?) -> Int? {
        guard let after else { return 0 }
        return columns.firstIndex { $0.id == after }.map { $0 + 1 }
    }

    /// Where an issue placed in `id` is: `id` itself while it exists, else the column its
    /// removal sent issues to (followed through later removals), else the first column.
    public func landingColumn(for id: String) -> String {
        var current = id
        for _ in 0..<64 {
            if columns.contains(where: { $0.id == current }) { return current }
            guard let next = removedColumns[current], !next.isEmpty else { break }
            current = next
        }
        return columns.first?.id ?? id
    }

    /// Moves the issues of a removed column where its removal says, at the bottom there.
    private mutating func relocateIssues(from id: String) {
        let numbers = issues.keys.filter { issues[$0]?.column == id }
        guard !numbers.isEmpty else { return }
        let target = landingColumn(for: id)
        let closing = isClosing(target)
        var rank = bottomRank(of: target)
        for number in numbers {
            issues.modify(number) { issue in
                issue.column = target
                issue.rank = rank
                issue.state = closing ? .closed : .open
                issue.columnBeforeClose = nil
            }
            rank += 1
        }
    }

    /// The event as it folds: an issue sent into a removed column (by a clone that had not
    /// seen the removal yet) lands where `landingColumn` says.
    func landed(_ event: Event) -> Event {
        guard !removedColumns.isEmpty else { return event }
        var event = event
        func land(_ id: String) -> String { removedColumns[id] == nil ? id : landingColumn(for: id) }
        switch event.kind {
        case let .created(title, body, column, rank, priority):
            event.kind = .created(title: title, body: body, column: land(column), rank: rank, priority: priority)
        case let .moved(from, to, rank): event.kind = .moved(from: from, to: land(to), rank: rank)
        case let .closed(from, to, rank): event.kind = .closed(from: from, to: land(to), rank: rank)
        case let .reopened(from, to, rank): event.kind = .reopened(from: from, to: land(to), rank: rank)
        default: break
        }
        return event
    }
}

extension BoardState {
    /// Open issues per column id (`lanes columns`, the count a WIP limit is about): the ones the
    /// board shows, so neither archived nor deleted ones.
    public var openCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for issue in issues.values where issue.isOpen && issue.isShownByDefault { counts[issue.column, default: 0] += 1 }
        return counts
    }
}
