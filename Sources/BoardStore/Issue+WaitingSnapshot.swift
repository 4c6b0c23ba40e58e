import BoardModel

/// The snapshot bytes of an issue's due date, snooze, wake and mentions (see `Waiting.swift`),
/// kept apart from the rest of the issue's encoding so that the fields of #17 stay one block.
extension Issue {
    func writeDatesAndMentions(to out: inout SnapshotWriter) {
        for stamp in [clocks.due, clocks.snooze] {
            out.int(stamp.at.milliseconds)
            out.fixed(stamp.id.value)
        }
        Self.write(due, to: &out)
        Self.write(snooze?.until, to: &out)
        out.strings(snooze.map { [$0.by] } ?? [])
        out.int(snooze?.at.milliseconds ?? 0)
        out.int(snooze?.touched?.milliseconds ?? -1)
        Self.write(woken?.until, to: &out)
        out.strings(woken.map { [$0.by, $0.kind] } ?? [])
        out.int(woken?.at.milliseconds ?? 0)
        out.strings(mentions.flatMap { [$0.user, $0.by] })
        for mention in mentions { out.int(mention.at.milliseconds) }
    }

    mutating func readDatesAndMentions(from reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        // Two plain reads, not a loop over key paths: that looked up generic metadata for each
        // of 100,000 issues, a tenth of opening a big board from its cache.
        func stamp() throws(SnapshotReader.Damaged) -> Stamp {
            Stamp(at: Timestamp(milliseconds: try reader.int()), id: EventID(try reader.fixed()))
        }
        clocks.due = try stamp()
        clocks.snooze = try stamp()
        due = try Self.readDate(from: &reader)
        let until = try Self.readDate(from: &reader)
        let snoozer = try reader.strings()
        let snoozedAt = Timestamp(milliseconds: try reader.int())
        let touched = try reader.int()
        if let until, let by = snoozer.first {
            snooze = Snooze(until: until, by: by, at: snoozedAt, touched: touched < 0 ? nil : Timestamp(milliseconds: touched))
        }
        let wokenUntil = try Self.readDate(from: &reader)
        let waker = try reader.strings()
        let wokenAt = Timestamp(milliseconds: try reader.int())
        if let wokenUntil, waker.count == 2 { woken = Wake(by: waker[0], at: wokenAt, until: wokenUntil, kind: waker[1]) }
        let people = try reader.strings()
        guard people.count % 2 == 0 else { throw SnapshotReader.Damaged() }
        guard !people.isEmpty else { return } // most issues: no mentions
        mentions = try stride(from: 0, to: people.count, by: 2).map { index throws(SnapshotReader.Damaged) in
            Mention(user: people[index], at: Timestamp(milliseconds: try reader.int()), by: people[index + 1])
        }
    }

    /// A date as its day number plus one, 0 for none.
    private static func write(_ date: CalendarDate?, to out: inout SnapshotWriter) {
        out.int(date.map { $0.daysSinceEpoch + 1 } ?? 0)
    }

    private static func readDate(from reader: inout SnapshotReader) throws(SnapshotReader.Damaged) -> CalendarDate? {
        let value = try reader.int()
        // Every date a parser makes lies in years 1–9999: a day an issue cannot keep is damage.
        guard value == 0 || Int32(exactly: value) != nil else { throw SnapshotReader.Damaged() }
        return value == 0 ? nil : CalendarDate(daysSinceEpoch: value - 1)
    }
}
