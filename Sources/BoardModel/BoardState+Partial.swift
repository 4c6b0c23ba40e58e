/// A board that holds only the issues a command touches, with the board-wide part of the fold
/// (columns, removed columns, the highest number, counts) complete: what the on-disk index
/// (`BoardIndex`) loads, so that a write or `show` on a board of a million issues folds its
/// events with `apply`, the one fold, without reading the others.
///
/// What the fold reads beyond the issues an event names must be held too: an issue's timeline
/// if a comment is looked up in it, every issue of a column a `column-removed` or
/// `column-closing` event changes, and the highest rank of each column among the issues not
/// held (`outsideRanks`), which `bottomRank` adds.
extension BoardState {
    package init(columns: [Column], removedColumns: [String: String], highestNumber: Int, eventCount: Int,
                 hiddenCount: Int, now: Timestamp = .now) {
        self.init(columns: columns, now: now)
        self.removedColumns = removedColumns
        self.highestNumber = highestNumber
        self.eventCount = eventCount
        self.hiddenCount = hiddenCount
        issues.holdsFew = true
    }

    /// Adds an issue as folded elsewhere, with its timeline if the caller needs it read back
    /// (`timelines`, comments); without one, later events still fold into the issue.
    package mutating func hold(_ issue: Issue, timeline: [Event]? = nil) {
        guard issues.insert(issue, for: issue.number) else { return }
        guard let timeline, !timeline.isEmpty else {
            timelineEndsBySlot.append(.notHeld)
            return
        }
        let first = Int32(events.count)
        for event in timeline {
            nextInTimeline.append(Int32(events.count + 1))
            events.append(event)
        }
        nextInTimeline[nextInTimeline.count - 1] = -1
        timelineEndsBySlot.append(TimelineEnds(first: first, last: Int32(events.count - 1)))
    }

    /// Records that `source`'s text names `target` (the index keeps the pairs in a table).
    package mutating func holdMention(from source: Int, to target: Int) {
        mentions.add(source, target)
    }

    /// Everyone named in `names` as `resolveUsers` sees them, given the board's users that
    /// match any of them ignoring case (`known`, any order): what a board that does not hold
    /// every issue passes instead of `knownUsers`.
    public static func resolveUsers(_ names: [String], me actor: String, known: [String]) -> (users: [String], unknown: [String]) {
        resolve(names, me: actor, known: known.sorted() + [actor])
    }
}
