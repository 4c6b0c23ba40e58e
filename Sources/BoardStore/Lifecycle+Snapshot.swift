import BoardModel

extension BoardState {
    /// An issue's archived and deleted flags, in the snapshot after its clocks: one byte of
    /// flags, then only the stamps some event set (most issues were never archived or deleted,
    /// so a big board's cache grows by a byte per issue).
    static func writeLifecycle(_ lifecycle: Lifecycle, to out: inout SnapshotWriter) {
        let stamps = [lifecycle.archivedStamp, lifecycle.deletedStamp]
        var flags = (lifecycle.isArchived ? 1 : 0) | (lifecycle.isDeleted ? 2 : 0)
        for (bit, stamp) in zip([4, 8], stamps) where stamp != Lifecycle.unset { flags |= bit }
        out.int(flags)
        for (bit, stamp) in zip([4, 8], stamps) where flags & bit != 0 {
            out.int(stamp.at.milliseconds)
            out.fixed(stamp.id.value)
        }
    }
}

extension Lifecycle {
    /// What `writeLifecycle` wrote.
    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        let flags = try reader.count(atMost: 15)
        func stamp(if bit: Int) throws(SnapshotReader.Damaged) -> Stamp {
            guard flags & bit != 0 else { return Lifecycle.unset }
            return Stamp(at: Timestamp(milliseconds: try reader.int()), id: EventID(try reader.fixed()))
        }
        self.init(isArchived: flags & 1 != 0, isDeleted: flags & 2 != 0, archivedStamp: try stamp(if: 4), deletedStamp: try stamp(if: 8))
    }
}
