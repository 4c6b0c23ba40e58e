import BoardModel

/// The columns `lanes init --columns "Triage,In progress,Done" [--closing NAME]…` asks for.
enum InitColumns {
    /// The last column closes issues unless `--closing` names others (several are allowed).
    static func columns(_ list: String?, closing: [String]) throws(BoardError) -> [Column] {
        guard let list else {
            guard closing.isEmpty else { throw .invalid("--closing names one of --columns; give --columns too") }
            return Column.defaults
        }
        var board = BoardState(columns: [])
        var columns: [Column] = []
        for name in list.split(separator: ",").map(\.trimmingSpaces) where !name.isEmpty {
            if let clash = board.column(named: name) { throw .invalid("--columns names \"\(clash.name)\" twice") }
            columns.append(Column(id: board.newColumnID(for: name), name: name))
            board = BoardState(columns: columns)
        }
        guard !columns.isEmpty else { throw .invalid("--columns needs at least one column name") }
        if closing.isEmpty { columns[columns.count - 1].isClosing = true }
        for name in closing {
            let column = try board.resolveColumn(name)
            columns[columns.firstIndex { $0.id == column.id }!].isClosing = true
        }
        return columns
    }
}
