import BoardModel

extension BoardIndex {
    /// Each column's open issues that the board shows (neither archived nor deleted), from the
    /// counts the index keeps (`ColumnCounts`), as `BoardState.openCounts` counts them on the
    /// whole board: what `lanes columns` lists, without reading a single issue.
    public func openCounts() throws -> [String: Int] {
        // What the first screen makes once per index file (an index built before the builds made
        // them); if it cannot be made now (another writer holds the file), the board is read instead.
        do {
            try database.execute(BoardIndex.firstScreenIndex + "; " + ColumnCounts.create)
        } catch {
            throw IndexUnavailable(reason: "cannot make the column counts: \(error)")
        }
        let counts = try reading { try ColumnCounts.stored(in: database) ?? ColumnCounts.counted(in: database) }
        var open: [String: Int] = [:]
        for (key, count) in counts.counts where key.open { open[key.column, default: 0] += count }
        return open
    }
}
