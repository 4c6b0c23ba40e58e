import BoardModel

/// One whole read of the log, as the on-disk index is built from it: the folded board, where
/// each folded event's line starts, what the read covered and the earliest event it set aside as
/// dated ahead of the clock.
///
/// Why a value of its own: the full-screen board after a clone reads and folds the whole log to
/// draw its first frame; its index is then built from that same read, on another thread, after
/// the first frame (`EventLog.takeWholeRead`, `BoardIndex.build(_:environment:from:)`), instead
/// of the next command reading and folding the whole log again.
public struct WholeRead: @unchecked Sendable { // the board is a value: the building thread reads its own copy
    package let state: BoardState
    package let eventOffsets: [Int64]
    package let coverage: (device: UInt64, inode: UInt64, length: Int, endMark: [UInt8], nextLine: Int, version: Int?)
    package let earliestSetAsideAhead: Timestamp?
}

extension EventLog {
    /// The whole read this log was opened with (`open(_:collectingOffsets:progress:)`).
    package var wholeRead: WholeRead {
        WholeRead(state: state, eventOffsets: eventOffsets, coverage: coverage, earliestSetAsideAhead: earliestSetAsideAhead)
    }
}
