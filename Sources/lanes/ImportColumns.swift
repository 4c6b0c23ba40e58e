import BoardModel
import Screen

/// The columns `lanes import --map-status S=C` names: each must exist, or be created with
/// `--create-columns`, before anything is imported (an issue never lands in a column by accident).
enum ImportColumns {
    /// The mapped statuses whose column the board does not have, sorted by status.
    static func missing(_ statusMap: [String: String], on board: BoardState) -> [(status: String, column: String)] {
        statusMap.filter { board.column(named: $0.value) == nil }.map { ($0.key, $0.value) }.sorted { $0.status < $1.status }
    }

    /// The error for `missing` columns without `--create-columns`.
    static func refusal(_ missing: [(status: String, column: String)]) -> BoardError {
        let list = missing.map { "\"\($0.status)\" (→ \($0.column))" }.joined(separator: ", ")
        return .invalid("no column for \(Plural.noun("status", missing.count, plural: "statuses")) \(list); "
                        + "add --create-columns or lanes columns add; nothing was imported")
    }

    /// Adds the missing columns to `state` (before the first closing column), returning their events.
    static func create(_ missing: [(status: String, column: String)], in state: inout BoardState, actor: String) throws(BoardError) -> [Event] {
        var events: [Event] = []
        for name in Set(missing.map(\.column)).sorted() where state.column(named: name) == nil {
            let position = state.closingColumn.map { ColumnPosition.before($0.id) } ?? .last
            let batch = try state.events(for: .column(.add(Column(id: state.newColumnID(for: name), name: name), at: position)),
                                         actor: actor, at: .now)
            state.apply(batch)
            events += batch
        }
        return events
    }
}
