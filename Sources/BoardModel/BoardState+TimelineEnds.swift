/// Where each issue's timeline starts and ends in the board's `events`, kept by the issue's slot
/// in `issues`.
///
/// The issues' table already maps a number to a slot, so the ends need neither a slot array nor
/// numbers of their own, as a second `NumberedTable` kept them: 12 MB less at a million issues.
/// Every issue the table holds has its entry, appended as the issue is inserted.
extension BoardState {
    package struct TimelineEnds: Sendable {
        package var first: Int32
        package var last: Int32
        package init(first: Int32, last: Int32) { self.first = first; self.last = last }

        /// The entry of an issue held without its timeline (a board holding only some issues,
        /// `BoardState+Partial`): its later events are folded into it but not chained.
        package static let notHeld = TimelineEnds(first: -1, last: -1)
        package var isHeld: Bool { first >= 0 }
    }

    /// The ends of issue `number`'s timeline, if the board holds it with its timeline.
    package var timelineEnds: TimelineEndsByNumber { TimelineEndsByNumber(issues: issues, ends: timelineEndsBySlot) }

    /// `timelineEndsBySlot` read by issue number.
    package struct TimelineEndsByNumber: Sendable {
        let issues: NumberedTable<Issue>
        let ends: [TimelineEnds]

        package subscript(number: Int) -> TimelineEnds? {
            guard let slot = issues.slot(of: number), slot < ends.count, ends[slot].isHeld else { return nil }
            return ends[slot]
        }
    }
}
