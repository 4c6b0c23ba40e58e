import BoardModel

extension BoardState {
    /// An issue's archived and deleted flags with their stamps, in the snapshot after its clocks.
    func writeLifecycle(_ lifecycle: Lifecycle, to out: inout SnapshotWriter) {
        out.int((lifecycle.isArchived ? 1 : 0) | (lifecycle.isDeleted ? 2 : 0))
        for stamp in [lifecycle.archivedStamp, lifecycle.deletedStamp] {
            out.int(stamp.at.milliseconds)
            out.fixed(stamp.id.value)
        }
    }
}

extension Lifecycle {
    /// What `writeLifecycle` wrote.
    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        let flags = try reader.count(atMost: 3)
        func stamp() throws(SnapshotReader.Damaged) -> Stamp {
            Stamp(at: Timestamp(milliseconds: try reader.int()), id: EventID(try reader.fixed()))
        }
        self.init(isArchived: flags & 1 != 0, isDeleted: flags & 2 != 0, archivedStamp: try stamp(), deletedStamp: try stamp())
    }
}
