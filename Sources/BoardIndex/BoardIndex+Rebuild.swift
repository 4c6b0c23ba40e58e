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
        database.finishStatements()
        try database.execute(IndexSchema.dropAll)
        try database.execute(IndexSchema.create)
        // Room for the whole index while it is written: a small cache spills pages of the
        // column and name indexes to the WAL and reads them back, over and over.
        try database.execute("PRAGMA cache_size = -262144")
        defer { try? database.execute("PRAGMA cache_size = -2000") }
        let count = state.issues.count
        var written = 0
        var assignees: [(String, Int, String)] = [], labels: [(String, Int, String)] = [], users = Set<String>()
        for issue in state.issues.values {
            var timeline: [Int64] = []
            if let ends = state.timelineEnds[issue.number] {
                var index = Int(ends.first)
                while index >= 0, index < offsets.count {
                    timeline.append(offsets[index])
                    index = Int(state.nextInTimeline[index])
                }
            }
            _ = try IssueRow(issue: issue, offsets: timeline).writeRow(to: database)
            for name in issue.assignees { assignees.append((name.lowercased(), issue.number, name)) }
            for label in issue.labels { labels.append((label.lowercased(), issue.number, label)) }
            users.insert(issue.author)
            written += 1
            if written % 4096 == 0 {
                bar.show(BoardIndex.readingShare + (1 - BoardIndex.readingShare) * Double(written) / Double(count))
            }
        }
        // In the order of their keys: appending to a B-tree beats inserting all over it.
        for (_, number, name) in assignees.sorted(by: { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }) {
            try IssueRow.insertAssignee(name, number, into: database)
        }
        for (_, number, label) in labels.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            try IssueRow.insertLabel(label, number, into: database)
        }
        for name in users.sorted(by: { ($0.lowercased(), $0) < ($1.lowercased(), $1) }) { try IssueRow.insertUser(name, into: database) }
        try PartialFold.writeMentionsAndKeys(of: state, to: database)
        try database.execute(IndexSchema.indexes)
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

    /// Builds the free-text index (`issue_text`, FTS5 trigram) if it is not built yet: a
    /// rebuild leaves it out (at 100,000 issues it costs seconds that `add` after a clone
    /// should not pay), and from here on every write keeps it. Call it before a query that
    /// searches text.
    public func indexText() throws {
        try BoardIndex.usable {
            try repairing {
                guard !meta.textIndexed else { return }
                try database.transaction {
                    guard var current = try IndexMeta.read(from: database) else { throw IndexDamaged() }
                    guard !current.textIndexed else {
                        meta = current
                        return
                    }
                    try database.execute("DELETE FROM issue_text")
                    let statement = try database.statement("SELECT \(IssueRow.selected) FROM issues")
                    while try statement.step() { try IssueRow(statement).writeText(to: database) }
                    current.textIndexed = true
                    try current.write(to: database)
                    meta = current
                }
            }
        }
    }
}
