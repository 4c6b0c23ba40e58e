import BoardModel
import BoardStore

extension BoardIndex {
    /// Reads the whole log with the board's one loader (`EventLog`: two cores, the fold) and
    /// writes the index afresh, inside the caller's transaction: until it commits, other
    /// processes see the old index, and a rebuild cut short leaves it. Returns the covered length.
    func rebuild() throws -> Int {
        rebuilds += 1
        let size = Int(POSIXFile.status(path: location.eventsPath)?.st_size ?? 0)
        let bar = ProgressBar(bytes: size)
        defer { bar.finish() }
        let log = try EventLog.open(location, collectingOffsets: true) { done, total in
            bar.show(BoardIndex.readingShare * Double(done) / Double(max(total, 1)))
        }
        let state = log.state
        let offsets = log.eventOffsets
        try database.execute(IndexSchema.dropAll)
        try database.execute(IndexSchema.create)
        let count = state.issues.count
        var written = 0
        for issue in state.issues.values {
            var timeline: [Int64] = []
            if let ends = state.timelineEnds[issue.number] {
                var index = Int(ends.first)
                while index >= 0, index < offsets.count {
                    timeline.append(offsets[index])
                    index = Int(state.nextInTimeline[index])
                }
            }
            try IssueRow(issue: issue, offsets: timeline).write(to: database, replacing: nil)
            written += 1
            if written % 4096 == 0 {
                bar.show(BoardIndex.readingShare + (1 - BoardIndex.readingShare) * Double(written) / Double(count))
            }
        }
        try PartialFold.writeMentionsAndKeys(of: state, to: database)
        let coverage = log.coverage
        var fresh = IndexMeta()
        fresh.board = head.board
        fresh.device = coverage.device
        fresh.inode = coverage.inode
        fresh.covered = coverage.length
        fresh.mark = coverage.endMark
        fresh.nextLine = coverage.nextLine
        fresh.logVersion = coverage.version ?? LineCodec.formatVersion
        fresh.take(state)
        fresh.refoldAt = log.earliestSetAsideAhead?.milliseconds ?? 0
        try fresh.write(to: database)
        meta = fresh
        return fresh.covered
    }

    /// The part of a rebuild's bar that reading the log takes (the rest is writing the index).
    private static let readingShare = 0.6
}
