#if canImport(Glibc)
import Glibc
#endif
import BoardModel
import BoardStore

/// Writing through the index, with `EventLog.commit`'s discipline: under the board lock, catch
/// up with other writers, set a torn tail aside, turn the changes into events against a state
/// holding only the issues they touch, append them in one write and sync (a failed write is
/// cut back), then fold them into the index in the same process.
extension BoardIndex {
    /// The result of a commit: the events written and the state they were folded into (the
    /// touched issues, for describing them).
    public struct Committed {
        public var events: [Event]
        public var state: BoardState
    }

    /// Commits `changes` as `actor`. Throws `BoardError` as `EventLog.commit` does (a board
    /// that cannot be written, with `restriction` a reason of the caller's, such as a viewer's;
    /// a lock wait given up; a change that cannot be made) and `IndexUnavailable` when the
    /// index cannot be used, before anything was written. Only `Change`s whose issues are
    /// named in them can be planned here (`Change.touchedIssue`); `link` and column changes
    /// need the whole board.
    public func commit(_ changes: [Change], actor: String, now: Timestamp = .now, restriction: String? = nil,
                       onLockWait: @escaping (Int?) -> Void = { _ in }) throws -> Committed {
        try BoardIndex.usable { try commitChecked(changes, actor: actor, now: now, restriction: restriction, onLockWait: onLockWait) }
    }

    private func commitChecked(_ changes: [Change], actor: String, now: Timestamp, restriction: String?,
                               onLockWait: @escaping (Int?) -> Void) throws -> Committed {
        var numbers = Set<Int>(), timelines = Set<Int>()
        for change in changes {
            guard let touched = change.touchedIssue else {
                throw IndexUnavailable(reason: "this change needs the whole board")
            }
            if let number = touched.number { numbers.insert(number) }
            if touched.needsTimeline, let number = touched.number { timelines.insert(number) }
        }
        if let reason = EventLog.writeRefusal(version: head.version, location: location) ?? restriction {
            throw BoardError.readOnly(reason)
        }
        let lock = try BoardLock(path: location.lockPath, shared: location.isShared, onWait: onLockWait)
        defer { withExtendedLifetime(lock) {} }
        let fd = try BoardFile.open(location.eventsPath, O_RDWR | O_APPEND)
        defer { close(fd) }
        var size = try synchronize(fd)
        let length = Int(try POSIXFile.status(fd, path: location.eventsPath).st_size)
        if length > size { _ = try EventLog.setAsideTornTail(fd: fd, from: size, size: length, location: location, layer: .system) }
        let before = meta

        var fold = try reading {
            try PartialFold(meta: meta, database: database, numbers: numbers, timelines: timelines, log: fd,
                            logPath: location.eventsPath)
        }
        let events = try fold.state.apply(changes, actor: actor, at: now)
        guard !events.isEmpty else { return Committed(events: [], state: fold.state) }
        var bytes: [UInt8] = []
        for event in events {
            fold.record(event, at: Int64(size + bytes.count))
            LineCodec.encode(event, into: &bytes)
        }
        try EventLog.append(bytes, to: fd, endingAt: size, location: location, layer: .system)
        size += bytes.count

        // Saved. The index is derived: if folding the new lines in fails, the next open does it.
        let folded = try? database.transaction { () throws -> Bool in
            // Another process may have folded these lines, or rebuilt, meanwhile.
            guard let current = try IndexMeta.read(from: database), current == before else { return false }
            var updated = current
            updated.covered = size
            updated.mark = EventLog.endMark(fd, before: size, path: location.eventsPath)
            updated.nextLine += events.count
            try fold.write(to: database, meta: &updated)
            meta = updated
            return true
        }
        if folded == false { _ = try? synchronize(fd) }
        return Committed(events: events, state: fold.state)
    }
}

extension Change {
    /// The one issue a change touches (nil for a new issue) and whether planning it reads that
    /// issue's timeline (a comment's author and text), or nil if the change needs more of the
    /// board than one issue (links walk the graph, column changes move many issues).
    var touchedIssue: (number: Int?, needsTimeline: Bool)? {
        switch self {
        case .create: (nil, false)
        case .retitle(let number, _), .editBody(let number, _), .move(let number, _, _), .assign(let number, _),
             .unassign(let number, _), .label(let number, _, _), .prioritise(let number, _), .comment(let number, _),
             .close(let number), .reopen(let number), .setDue(let number, _), .snooze(let number, _):
            (number, false)
        case .editComment(let number, _, _), .deleteComment(let number, _): (number, true)
        case .lifecycle, .link, .unlink, .column: nil
        }
    }
}
