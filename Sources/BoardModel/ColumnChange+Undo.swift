/// Undo of column changes: the change that puts a column back, and the parts undo checks
/// before replaying it (that nobody changed the same thing since).
extension BoardState {
    /// The changes that undo `change`, from the state before it (nil: the column is unknown).
    func columnInverse(of change: ColumnChange) -> [Change]? {
        if case .add(let column, _) = change { return [.column(.remove(column.id))] }
        guard let column = column(named: change.column) else { return nil }
        let place = columnBefore(column.id).map(ColumnPosition.after) ?? .first
        switch change {
        case .add: return nil
        case .rename: return [.column(.rename(column.id, to: column.name))]
        case .move: return [.column(.move(column.id, to: place))]
        case .remove: return [.column(.add(column, at: place))]
        case .limit: return [.column(.limit(column.id, wip: column.wip))]
        case .setClosing: return [.column(.setClosing(column.id, column.isClosing))]
        }
    }
}

extension Change {
    /// The parts undo records for this change, seen just before it applies to `state`: a column
    /// change is one part about its column (by id), and a removal with `--to` also one
    /// placement part per issue it moves, after it, so that undo puts the column back first.
    public func undoParts(before state: BoardState) -> [(issue: Int, field: IssueField, change: Change)] {
        guard case .column(let change) = self else { return parts }
        guard let column = change.column(in: state) else { return [] }
        let canonical: ColumnChange = switch change {
        case .add: change
        case .rename(_, let name): .rename(column.id, to: name)
        case .move(_, let position): .move(column.id, to: position)
        case .remove(_, let to): .remove(column.id, to: to)
        case .limit(_, let wip): .limit(column.id, wip: wip)
        case .setClosing(_, let on): .setClosing(column.id, on)
        }
        var result: [(issue: Int, field: IssueField, change: Change)] = [(0, .column(column.id, change.aspect), .column(canonical))]
        if case .remove(_, let to?) = change {
            for issue in state.issues.values where issue.column == column.id {
                result.append((issue.number, .placement, .move(issue.number, to: to)))
            }
        }
        return result
    }
}

extension ColumnChange {
    /// The column as it stands in `state` (for an addition: the new one).
    func column(in state: BoardState) -> Column? {
        if case .add(let column, _) = self { return column }
        return state.column(named: column)
    }

    /// What of the column the change sets.
    var aspect: ColumnAspect {
        switch self {
        case .add, .remove: .existence
        case .rename: .name
        case .move: .place
        case .limit: .wip
        case .setClosing: .closing
        }
    }
}

/// One thing about a column that a change sets: what undo compares before putting it back.
public enum ColumnAspect: Hashable, Sendable {
    case existence, name, place, wip, closing

    /// The aspect's value for column `id` among `columns`, comparable between two states.
    public func value(of id: String, in columns: [Column]) -> String {
        guard let index = columns.firstIndex(where: { $0.id == id }) else { return "absent" }
        let column = columns[index]
        return switch self {
        case .existence: "present"
        case .name: column.name
        case .place: index == 0 ? "first" : "after " + columns[index - 1].id
        case .wip: column.wip.map(String.init) ?? "none"
        case .closing: column.isClosing ? "on" : "off"
        }
    }
}
