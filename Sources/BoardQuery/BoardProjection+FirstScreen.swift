import Foundation
import BoardModel

/// The board view's projection for the first screen of a board that is still loading, made
/// from what the on-disk index counts (each column's cards, stale and waiting issues, the
/// board's total) and the few issues it holds: the first cards of each column in rank order.
///
/// Each lane's `issues` has its true length (the header's count and "↓ N more" read it), but
/// only the first cards are real numbers: the places after them hold 0, a number no issue
/// has, and the first screen (a board view, not scrolled) never reaches them. The whole
/// board's projection replaces it as soon as the log is read.
extension BoardProjection {
    /// One column of the first screen.
    public struct FirstScreenLane: Sendable {
        public var column: Column
        /// The first cards, in rank order.
        public var cards: [Int]
        /// Cards in the column (issues shown by default that do not wait).
        public var count: Int
        public var staleCount: Int
        public var waitingCount: Int

        public init(column: Column, cards: [Int], count: Int, staleCount: Int, waitingCount: Int) {
            self.column = column
            self.cards = cards
            self.count = count
            self.staleCount = staleCount
            self.waitingCount = waitingCount
        }
    }

    /// The first screen of the unfiltered board without swimlanes; `total` is the board's
    /// issues shown by default.
    public init(firstScreen lanes: [FirstScreenLane], total: Int) {
        self.lanes = lanes.map { lane in
            var shown = Lane(column: lane.column, issues: ProjectedIssues(lane.cards + Array(repeating: 0, count: max(0, lane.count - lane.cards.count))))
            shown.staleCount = lane.staleCount
            shown.waitingCount = lane.waitingCount
            return shown
        }
        list = ProjectedIssues(lanes.flatMap(\.cards))
        self.total = total
    }

    /// Whether the unfiltered board hides `issue` as waiting (snoozed) at `now`, in `zone`:
    /// what the whole board's projection decides for it.
    public static func waitsOnFirstScreen(_ issue: Issue, now: Timestamp, zone: TimeZone) -> Bool {
        withUnsafePointer(to: issue) { Query.everything.hidesWaiting($0, now: now, zone: zone) }
    }
}
