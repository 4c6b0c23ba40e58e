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
    /// named in them can be planned here (`Change.touchedIssues`; a link that refuses cycles
    /// also holds every issue its target reaches, `cycleWalk`); column changes need the whole board.
    public func commit(_ changes: [Change], actor: String, now: Timestamp = .now, restriction: String? = nil,
                       onLockWait: @escaping (Int?) -> Void = { _ in }) throws -> Committed {
        try BoardIndex.usable { try commitChecked(changes, actor: actor, now: now, restriction: restriction, onLockWait: onLockWait) }
    }

    private func commitChecked(_ changes: [Change], actor: String, now: Timestamp, restriction: String?,
                               onLockWait: @escaping (Int?) -> Void) throws -> Committed {
        var numbers = Set<Int>(), timelines = Set<Int>()
        for change in changes {
            guard let touched = change.touchedIssues else {
                throw IndexUnavailable(reason: "this change needs the whole board")
            }
            numbers.formUnion(touched.numbers)
            if touched.needsTimeline { timelines.formUnion(touched.numbers) }
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
        // A change that reads timelines (a comment's edit or deletion) is never planned on the
        // build's fold: it holds no events, only where their lines start. It names nobody, so
        // the index's rows (and their timelines read back from the log) plan it, as below.
        if timelines.isEmpty, var whole = takeBuiltFrom(ifItFolds: size) {
            // After a clone: planned on the board the build folded whole, whose names are not in
            // the index yet. The index is left behind the new lines; the next open completes it
            // and folds them in (`synchronize`), as it would another writer's.
            let events = try whole.apply(changes, actor: actor, at: now)
            try append(events, to: fd, at: size)
            return Committed(events: events, state: whole)
        }
        let before = meta

        var fold = try reading {
            try PartialFold(meta: meta, database: database, numbers: numbers.union(try cycleWalk(changes)), timelines: timelines,
                            log: fd, logPath: location.eventsPath)
        }
        let events = try fold.state.apply(changes, actor: actor, at: now)
        guard !events.isEmpty else { return Committed(events: [], state: fold.state) }
        size += try append(events, to: fd, at: size) { event, offset in fold.record(event, at: offset) }

        // Saved. The index is derived: if folding the new lines in fails, the next open does it.
        let folded = try? database.transaction { () throws -> Bool in
            // Another process may have folded these lines, or rebuilt, meanwhile.
            guard let current = try IndexMeta.read(from: database), current == before else { return false }
            var updated = current
            updated.covered = size
            updated.mark = EventLog.endMark(fd, before: size, path: location.eventsPath)
            updated.logChanged = IndexMeta.changeTime(try POSIXFile.status(fd, path: location.eventsPath))
            updated.nextLine += events.count
            try fold.write(to: database, meta: &updated)
            meta = updated
            return true
        }
        if folded == false { _ = try? synchronize(fd) }
        return Committed(events: events, state: fold.state)
    }

    /// Appends `events` to the log open as `fd`, whose complete lines end at `size` (one write,
    /// synced, cut back on failure), telling `placed` where each event's line starts; returns
    /// the bytes written.
    @discardableResult
    private func append(_ events: [Event], to fd: Int32, at size: Int,
                        placed: (Event, Int64) -> Void = { _, _ in }) throws -> Int {
        guard !events.isEmpty else { return 0 }
        var bytes: [UInt8] = []
        for event in events {
            placed(event, Int64(size + bytes.count))
            LineCodec.encode(event, into: &bytes)
        }
        try EventLog.append(bytes, to: fd, endingAt: size, location: location, layer: .system)
        return bytes.count
    }

    /// The board this open's build folded (`builtFrom`), once, if it is the fold of the log
    /// as it is now: the index still covers what the build read (`size`, checked against the
    /// log by `synchronize` under the lock) and that is what the read covered. Another
    /// writer's lines since then are folded into the index, not into that board: nil then.
    private func takeBuiltFrom(ifItFolds size: Int) -> BoardState? {
        guard let read = builtFrom else { return nil }
        builtFrom = nil
        let coverage = read.coverage
        guard meta.covered == size, coverage.length == size, coverage.device == meta.device,
              coverage.inode == meta.inode, coverage.endMark == meta.mark else { return nil }
        return read.state
    }

    /// The issues a link that refuses cycles (`blocks`, `parent-of`) reaches from its target
    /// along its type: planning it looks for a path back to its source (`BoardState.path`), so
    /// every issue on such a path must be held. Read from the index's rows: as many issues as
    /// that part of the graph holds, never the board.
    private func cycleWalk(_ changes: [Change]) throws -> Set<Int> {
        var reached = Set<Int>()
        for case let .link(number, type, other) in changes {
            let (forward, target) = type.isForward ? (type, other) : (type.inverse, number)
            guard forward.refusesCycles, reached.insert(target).inserted else { continue }
            var queue = [target]
            while let current = queue.popLast() {
                for link in try row(current)?.issue.links ?? [] where link.type == forward && reached.insert(link.issue).inserted {
                    queue.append(link.issue)
                }
            }
        }
        return reached
    }
}

extension Change {
    /// The issues a change touches (none for a new issue) and whether planning it reads their
    /// timelines (a comment's author and text), or nil if the change needs more of the board
    /// than the issues it names (column changes move many issues).
    var touchedIssues: (numbers: [Int], needsTimeline: Bool)? {
        switch self {
        case .create: ([], false)
        case .retitle(let number, _), .editBody(let number, _), .move(let number, _, _), .assign(let number, _),
             .unassign(let number, _), .label(let number, _, _), .prioritise(let number, _), .comment(let number, _),
             .close(let number), .reopen(let number), .setDue(let number, _), .snooze(let number, _), .lifecycle(let number, _):
            ([number], false)
        case .link(let number, _, let other), .unlink(let number, _, let other): ([number, other], false)
        case .editComment(let number, _, _), .deleteComment(let number, _): ([number], true)
        case .column: nil
        }
    }
}
