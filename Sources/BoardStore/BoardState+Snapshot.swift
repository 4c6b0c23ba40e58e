import BoardModel

extension BoardState {
    /// The folded state without its events: what `init(snapshot:archive:)` needs to rebuild it,
    /// with the events left in the log and read through an archive when asked for.
    public func writeSnapshot(to out: inout SnapshotWriter) {
        out.int(columns.count)
        for column in columns {
            out.string(column.id)
            out.string(column.name)
            out.int(column.isClosing ? 1 : 0)
            out.int(column.wip ?? -1)
        }
        out.strings(removedColumns.keys.sorted())
        out.strings(removedColumns.keys.sorted().map { removedColumns[$0]! })
        out.int(highestNumber)
        out.int(eventCount)
        out.strings(importedKeys.keys.sorted())
        for key in importedKeys.keys.sorted() { out.int(importedKeys[key]!) }
        out.int(issues.count)
        issues.forEachPointer(nil) { _, pointer in
            let issue = pointer.pointee
            out.int(issue.number)
            out.string(issue.title)
            out.string(issue.body)
            out.string(issue.column)
            out.double(issue.rank)
            out.strings(issue.assignees)
            out.strings(issue.labels)
            out.int(issue.priority.order)
            out.string(issue.author)
            out.int(issue.created.milliseconds)
            out.int(issue.updated.milliseconds)
            out.int(issue.isOpen ? 0 : 1)
            out.strings(issue.columnBeforeClose.map { [$0] } ?? [])
            out.strings(issue.reporters)
            for stamp in [issue.clocks.title, issue.clocks.body, issue.clocks.priority, issue.clocks.placement] {
                out.int(stamp.at.milliseconds)
                out.fixed(stamp.id.value)
            }
            writeLifecycle(issue.lifecycle, to: &out)
            issue.writeDatesAndMentions(to: &out)
            let ends = timelineEnds[issue.number]!
            out.int(Int(ends.first))
            out.int(Int(ends.last))
            writeLinks(issue.links, to: &out)
        }
        out.int32s(nextInTimeline)
        writeMentions(to: &out)
    }

    /// The state `writeSnapshot` wrote, its `events.count` events read from `archive`.
    /// Throws if the bytes are damaged or inconsistent (an index out of range, say): the caller
    /// then folds the log instead.
    public init(snapshot reader: inout SnapshotReader, archive: any EventArchive) throws(SnapshotReader.Damaged) {
        let columnCount = try reader.count(atMost: 10_000)
        var columns: [Column] = []
        for _ in 0..<columnCount {
            columns.append(Column(id: try reader.string(), name: try reader.string(), isClosing: try reader.int() == 1))
            let wip = try reader.int()
            columns[columns.count - 1].wip = wip < 0 ? nil : Int(wip)
        }
        self.init(columns: columns)
        let removed = try reader.strings(), landings = try reader.strings()
        guard removed.count == landings.count else { throw SnapshotReader.Damaged() }
        removedColumns = Dictionary(zip(removed, landings)) { first, _ in first }
        highestNumber = try reader.count(atMost: NumberedTable<Issue>.maximumNumber)
        eventCount = try reader.count(atMost: Int(Int32.max))
        let keys = try reader.strings()
        for key in keys { importedKeys[key] = try reader.count(atMost: NumberedTable<Issue>.maximumNumber) }
        let issueCount = try reader.count(atMost: NumberedTable<Issue>.maximumNumber)
        issues.reserveCapacity(issueCount, highestNumber: highestNumber)
        timelineEnds.reserveCapacity(issueCount, highestNumber: highestNumber)
        let eventTotal = archive.count
        func index() throws(SnapshotReader.Damaged) -> Int32 { Int32(try reader.count(atMost: eventTotal - 1)) }
        func stamp() throws(SnapshotReader.Damaged) -> Stamp {
            Stamp(at: Timestamp(milliseconds: try reader.int()), id: EventID(try reader.fixed()))
        }
        for _ in 0..<issueCount {
            let number = try reader.count(atMost: NumberedTable<Issue>.maximumNumber)
            var issue = Issue(number: number, title: try reader.string(), body: try reader.string(), column: try reader.string(),
                              rank: try reader.double(), priority: .none, author: "", created: Timestamp(milliseconds: 0))
            issue.assignees = try reader.strings()
            issue.labels = try reader.strings()
            let order = try reader.count(atMost: Priority.allCases.count)
            guard let priority = Priority.allCases.first(where: { $0.order == order }) else { throw SnapshotReader.Damaged() }
            issue.priority = priority
            issue.author = try reader.string()
            issue.created = Timestamp(milliseconds: try reader.int())
            issue.updated = Timestamp(milliseconds: try reader.int())
            issue.state = try reader.int() == 0 ? .open : .closed
            issue.columnBeforeClose = try reader.strings().first
            issue.reporters = try reader.strings()
            issue.clocks = FieldClocks(try stamp())
            issue.clocks.body = try stamp()
            issue.clocks.priority = try stamp()
            issue.clocks.placement = try stamp()
            issue.lifecycle = try Lifecycle(snapshot: &reader)
            if !issue.isShownByDefault { hiddenCount += 1 }
            try issue.readDatesAndMentions(from: &reader)
            let ends = TimelineEnds(first: try index(), last: try index())
            issue.links = try BoardState.readLinks(from: &reader)
            // A number above the highest one would be handed out again to the next new issue.
            guard number <= highestNumber, issues.insert(issue, for: number), timelineEnds.insert(ends, for: number) else {
                throw SnapshotReader.Damaged()
            }
        }
        nextInTimeline = try reader.int32s()
        // Timelines are walked by index: every link must point forward, inside the archive.
        guard nextInTimeline.count == eventTotal else { throw SnapshotReader.Damaged() }
        for (index, next) in nextInTimeline.enumerated() where next != -1 && (Int(next) <= index || Int(next) >= eventTotal) {
            throw SnapshotReader.Damaged()
        }
        mentions = try BoardState.readMentions(from: &reader)
        events = EventList(archive: archive)
    }
}
