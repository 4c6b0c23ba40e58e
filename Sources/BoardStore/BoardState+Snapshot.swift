import BoardModel

extension BoardState {
    /// The folded state without its events: what `init(snapshot:archive:)` needs to rebuild it,
    /// with the events left in the log and read through an archive when asked for.
    public func writeSnapshot(to out: inout SnapshotWriter) {
        out.columns(columns)
        out.landings(removedColumns)
        out.int(highestNumber)
        out.int(eventCount)
        out.strings(importedKeys.keys.sorted())
        for key in importedKeys.keys.sorted() { out.int(importedKeys[key]!) }
        out.int(issues.count)
        issues.forEachPointer(nil) { slot, pointer in
            let issue = pointer.pointee
            issue.writeSnapshotFields(to: &out)
            let ends = timelineEndsBySlot[slot]
            out.int(Int(ends.first))
            out.int(Int(ends.last))
            BoardState.writeLinks(issue.links, to: &out)
        }
        out.int32s(nextInTimeline.links)
        writeMentions(to: &out)
    }

    /// The state `writeSnapshot` wrote, its `events.count` events read from `archive`.
    /// Throws if the bytes are damaged or inconsistent (an index out of range, say): the caller
    /// then folds the log instead.
    public init(snapshot reader: inout SnapshotReader, archive: any EventArchive) throws(SnapshotReader.Damaged) {
        self.init(columns: try reader.columns())
        removedColumns = try reader.landings()
        highestNumber = try reader.count(atMost: NumberedTable<Issue>.maximumNumber)
        eventCount = try reader.count(atMost: Int(Int32.max))
        let keys = try reader.strings()
        for key in keys { importedKeys[key] = try reader.count(atMost: NumberedTable<Issue>.maximumNumber) }
        let issueCount = try reader.count(atMost: NumberedTable<Issue>.maximumNumber)
        // Each issue takes more than 32 bytes (a rank and four clocks alone): a count the bytes
        // left cannot hold is damage, refused before room is made for it.
        guard issueCount <= reader.remaining / 32 else { throw SnapshotReader.Damaged() }
        issues.reserveCapacity(issueCount, highestNumber: highestNumber)
        timelineEndsBySlot.reserveCapacity(issueCount)
        let eventTotal = archive.count
        reader.sharedLists = SharedStringLists()
        defer { reader.sharedLists = nil }
        func index() throws(SnapshotReader.Damaged) -> Int32 { Int32(try reader.count(atMost: eventTotal - 1)) }
        for count in 0..<issueCount {
            if count & 4095 == 4095 { reader.passedOnward() }
            let number = try reader.count(atMost: NumberedTable<Issue>.maximumNumber)
            // A number above the highest one would be handed out again to the next new issue.
            guard number <= highestNumber, issues.insert(Issue(placeholderFor: number), for: number) else {
                throw SnapshotReader.Damaged()
            }
            // Decoded in place, in the table: an `Issue` built apart and moved in was copied
            // field by field (a retain and a release of each) on the way, twice.
            var ends = TimelineEnds(first: 0, last: 0)
            var failure: SnapshotReader.Damaged?
            issues.modify(number) { issue in
                do throws(SnapshotReader.Damaged) {
                    try issue.readSnapshotFields(from: &reader)
                    ends = TimelineEnds(first: try index(), last: try index())
                    issue.links = try BoardState.readLinks(from: &reader)
                } catch {
                    failure = error
                }
                if !issue.isShownByDefault { hiddenCount += 1 }
            }
            if let failure { throw failure }
            timelineEndsBySlot.append(ends)
        }
        // Timelines are walked by index: every link must point forward, inside the archive.
        nextInTimeline = try reader.timelineLinks(count: eventTotal)
        mentions = try BoardState.readMentions(from: &reader)
        events = EventList(archive: archive)
    }
}

extension Issue {
    /// One issue's folded fields as the snapshot writes them (links and timeline apart).
    func writeSnapshotFields(to out: inout SnapshotWriter) {
        out.int(number)
        out.string(title)
        out.string(body)
        out.string(column)
        out.double(rank)
        out.strings(assignees)
        out.strings(labels)
        out.int(priority.order)
        out.string(author)
        out.int(created.milliseconds)
        out.int(updated.milliseconds)
        out.int(isOpen ? 0 : 1)
        out.strings(columnBeforeClose.map { [$0] } ?? [])
        out.strings(reporters)
        for stamp in [clocks.title, clocks.body, clocks.priority, clocks.placement] {
            out.int(stamp.at.milliseconds)
            out.fixed(stamp.id.value)
        }
        BoardState.writeLifecycle(lifecycle, to: &out)
        writeDatesAndMentions(to: &out)
    }

    /// The fields `writeSnapshotFields` wrote.
    init(snapshotFields reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        self.init(placeholderFor: try reader.count(atMost: NumberedTable<Issue>.maximumNumber))
        try readSnapshotFields(from: &reader)
    }

    /// Each priority at the place of its `order`.
    private static let prioritiesByOrder = Priority.allCases.sorted { $0.order < $1.order }

    /// An issue numbered `number` whose fields are all about to be read.
    init(placeholderFor number: Int) {
        self.init(number: number, title: "", body: "", column: "", rank: 0, priority: .none, author: "",
                  created: Timestamp(milliseconds: 0))
    }

    /// Reads the fields `writeSnapshotFields` wrote after the number into this issue.
    mutating func readSnapshotFields(from reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        func stamp() throws(SnapshotReader.Damaged) -> Stamp {
            Stamp(at: Timestamp(milliseconds: try reader.int()), id: EventID(try reader.fixed()))
        }
        storedTitle = try reader.text()
        storedBody = try reader.text()
        column = try reader.string()
        rank = try reader.double()
        assignees = try reader.sharedStrings()
        labels = try reader.sharedStrings()
        let order = try reader.count(atMost: Issue.prioritiesByOrder.count - 1)
        priority = Issue.prioritiesByOrder[order]
        author = try reader.string()
        created = Timestamp(milliseconds: try reader.int())
        updated = Timestamp(milliseconds: try reader.int())
        state = try reader.int() == 0 ? .open : .closed
        columnBeforeClose = try reader.strings().first
        reporters = try reader.sharedStrings()
        clocks = FieldClocks(try stamp())
        clocks.body = try stamp()
        clocks.priority = try stamp()
        clocks.placement = try stamp()
        lifecycle = try Lifecycle(snapshot: &reader)
        try readDatesAndMentions(from: &reader)
    }

    /// The whole folded issue, links included: the `data` of its row in the on-disk index.
    package func writeSnapshot(to out: inout SnapshotWriter) {
        writeSnapshotFields(to: &out)
        BoardState.writeLinks(links, to: &out)
    }

    /// The issue `writeSnapshot` wrote; throws if the bytes are damaged or not all used.
    package init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        try self.init(snapshotFields: &reader)
        links = try BoardState.readLinks(from: &reader)
        guard reader.isAtEnd else { throw SnapshotReader.Damaged() }
    }
}

extension SnapshotWriter {
    /// The board's columns (the snapshot's and the index's meta).
    package mutating func columns(_ columns: [Column]) {
        int(columns.count)
        for column in columns {
            string(column.id)
            string(column.name)
            int(column.isClosing ? 1 : 0)
            int(column.wip ?? -1)
        }
    }

    /// Removed columns' ids, each with where its issues went.
    package mutating func landings(_ removed: [String: String]) {
        strings(removed.keys.sorted())
        strings(removed.keys.sorted().map { removed[$0]! })
    }
}

extension SnapshotReader {
    package mutating func columns() throws(Damaged) -> [Column] {
        var columns: [Column] = []
        for _ in 0..<(try count(atMost: 10_000)) {
            columns.append(Column(id: try string(), name: try string(), isClosing: try int() == 1))
            let wip = try int()
            columns[columns.count - 1].wip = wip < 0 ? nil : Int(wip)
        }
        return columns
    }

    package mutating func landings() throws(Damaged) -> [String: String] {
        let removed = try strings(), landings = try strings()
        guard removed.count == landings.count else { throw Damaged() }
        return Dictionary(zip(removed, landings)) { first, _ in first }
    }
}
