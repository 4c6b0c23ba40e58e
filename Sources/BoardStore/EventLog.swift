#if canImport(Glibc)
import Glibc
#endif
import BoardModel

/// A board's event log on disk, folded into an observable board.
///
/// The log only appends and reads lines; the board it folds them into (`board`) owns the
/// state, its version and which issues recent versions changed.
///
/// Readers never lock: they read up to the last complete line. Writers take the board lock,
/// catch up on what others appended, set aside a torn tail left by a crashed writer, turn their
/// changes into events against that fresh state, append the lines in one write and `fsync`
/// before reporting success. A failed write or sync is cut back off the file, so the log never
/// keeps a half-written line of ours.
public final class EventLog {
    public let location: BoardLocation
    /// The board folded from the log: every read and write of this log changes it in place.
    public let board: ObservableBoard
    /// The board now (`board.state`).
    public var state: BoardState { board.state }
    /// The board's version (`board.version`): increases whenever `state` changes (a commit,
    /// other writers' events, a reload), so views can cache what they derive from it.
    public var version: Int { board.version }
    /// Problems found in lines read so far: lines that do not decode and events the fold sets
    /// aside (`BoardState.apply`); they are skipped, never fatal.
    public private(set) var problems: [FileProblem] = []
    /// Why this board cannot be written, if it cannot (newer format, no permission).
    public private(set) var readOnlyReason: String?
    /// A read-only reason that outlasts reloads, set by `restrict(_:)`.
    private var restriction: String?

    /// Opens this log read-only for a reason that is not the file's (a viewer through the SSH
    /// gateway): every commit is refused with `reason`, and the full-screen board shows it and
    /// refuses every key that would write, as for a board the user cannot write.
    public func restrict(_ reason: String) {
        restriction = reason
        if readOnlyReason == nil { readOnlyReason = reason }
    }
    /// Bytes of a line after the last newline, seen without the lock: a writer in progress or
    /// a crashed writer's torn tail. The next write decides which, under the lock.
    public private(set) var pendingTail = 0
    /// A snapshot prepared by a full read, waiting for `writePendingSnapshot`.
    private var pendingSnapshot: (() -> Void)?
    /// Things the user should know about the board's files (world-writable, say).
    public private(set) var warnings: [String] = []
    /// The system calls used to change files (tests inject failures here).
    public var fileLayer = FileLayer.system
    /// Called when a writer has to wait for the lock, with the holder's pid if known.
    public var onLockWait: (Int?) -> Void = { _ in }
    /// Asked while a writer waits for the lock (the full-screen board polls its keys here); true
    /// gives up the wait and the commit fails, saving nothing. Nil waits as long as it takes.
    public var cancelsLockWait: (() -> Bool)?
    /// Whether opening reads `.lanes/cache` and writes a new one after reading the log whole.
    public let snapshots: SnapshotPolicy
    /// Set before a whole read (`open(_:collectingOffsets:progress:)`): where each folded
    /// event's line starts, for the on-disk index to keep per issue.
    package private(set) var eventOffsets: [Int64] = []
    private var collectsOffsets = false
    /// Set by `open(_:snapshots:keepingWholeRead:progress:)`: a whole read's offsets are kept
    /// (`keptOffsets`) until `takeWholeRead` hands them over.
    private var keepsWholeRead = false
    private var keptOffsets: [Int64]?
    /// The earliest time of an event read so far that the fold set aside as dated too far
    /// ahead of the clock: a later read, with a later clock, folds it (the index rebuilds then).
    package private(set) var earliestSetAsideAhead: Timestamp?
    /// Told how many bytes of the log a whole read has decoded so far, and of how many.
    private var progress: ((Int, Int) -> Void)?

    /// How a whole read cuts the log: from `shared` bytes on it is decoded on both cores, in
    /// windows of `window` bytes (`BackgroundDecode`); a smaller log takes less than a thread's
    /// start-up is worth. The windows are small enough that the folding thread waits at most
    /// one window's decode for the other core at the end, large enough that handing one over
    /// costs nothing against decoding it. (Tests lower both, so that a small log is read in
    /// many windows by the same code as a big one.)
    package var decodeWindows = (shared: 8 << 20, window: 2 << 20)
    /// Whether the last read started from the cache (else it read the log whole): a board read
    /// either way holds its events in the log, so only this tells the two apart.
    package private(set) var readFromCache = false
    private var reader: LogReader
    private var offset = 0
    private var identity: (device: UInt64, inode: UInt64)?
    /// The last bytes before `offset` as they were read: a file git replaced can reuse the old
    /// inode number, so the identity alone cannot tell that the lines before `offset` moved
    /// (a merge inserts the other clone's lines among ours).
    private var endMark: [UInt8] = []

    private init(location: BoardLocation, snapshots: SnapshotPolicy) {
        self.location = location
        self.snapshots = snapshots
        self.board = ObservableBoard(state: BoardState())
        self.reader = LogReader(path: location.eventsPath, nextLine: 1)
    }

    /// Opens an existing board. The personal board is created on first use.
    /// `keepingWholeRead`: if the log is read whole, keep that read for `takeWholeRead`.
    /// `progress` is told how many bytes of the log a whole read has decoded, of how many.
    public static func open(_ location: BoardLocation, snapshots: SnapshotPolicy = .standard, keepingWholeRead: Bool = false,
                            progress: ((Int, Int) -> Void)? = nil) throws(BoardError) -> EventLog {
        try createIfPersonal(location)
        let log = EventLog(location: location, snapshots: snapshots)
        log.keepsWholeRead = keepingWholeRead
        log.progress = progress
        try log.reload()
        log.progress = nil
        return log
    }

    /// The whole read this log was opened with, once (nil if it started from the cache, kept
    /// no offsets, or has changed since): for the index's first build (`WholeRead`). Take it
    /// before the board changes.
    public func takeWholeRead() -> WholeRead? {
        guard let offsets = keptOffsets else { return nil }
        keptOffsets = nil
        guard offsets.count == state.events.count else { return nil }
        return WholeRead(state: state, eventOffsets: offsets, coverage: coverage, earliestSetAsideAhead: earliestSetAsideAhead)
    }

    /// Reads the whole log of an existing board (never the snapshot) and keeps where each folded
    /// event's line starts (`eventOffsets`) instead of the events (`state.events` counts them;
    /// the timelines' chains are kept): how the on-disk index is built, with the one loader.
    package static func open(_ location: BoardLocation, collectingOffsets: Bool,
                             progress: ((Int, Int) -> Void)? = nil) throws(BoardError) -> EventLog {
        try createIfPersonal(location)
        let log = EventLog(location: location, snapshots: .off)
        log.collectsOffsets = collectingOffsets
        log.progress = progress
        try log.reload()
        log.progress = nil
        return log
    }

    /// Fails if there is no board at `location`, except the personal board, created on first use.
    package static func createIfPersonal(_ location: BoardLocation) throws(BoardError) {
        guard !location.exists else { return }
        if let reason = location.unreadableReason { throw .io(reason) }
        guard location.isPersonal else {
            throw .invalid("no board at \(location.root); run \"lanes init \(location.root)\" to create one")
        }
        try create(location)
    }

    /// What a whole read covered: the log's identity, the length of its complete lines, the
    /// bytes just before that end (see `endMark`), the next line's number and the header's
    /// format version.
    package var coverage: (device: UInt64, inode: UInt64, length: Int, endMark: [UInt8], nextLine: Int, version: Int?) {
        (identity?.device ?? 0, identity?.inode ?? 0, offset, endMark, reader.nextLine, reader.version)
    }

    /// Creates `.lanes/` with a header and the default columns. Fails if a board exists.
    /// With `shared`, the directory takes the group of the directory holding it, is
    /// group-writable, setgid (new files keep its group) and sticky, and every file is 0660, so
    /// a team on one host can all write it and nobody can replace someone else's file.
    public static func create(_ location: BoardLocation, columns: [Column] = Column.defaults,
                              actor: String = "lanes", shared: Bool = false, now: Timestamp = .now,
                              layer: FileLayer = .system) throws(BoardError) {
        if location.exists { throw .invalid("a board already exists at \(location.directory)") }
        let group = shared ? POSIXFile.status(path: location.root)?.st_gid : nil
        if group == 0 {
            throw .invalid("\(location.root) belongs to the group root, so a shared board there would be root's alone; "
                           + "give it the team's group first (chgrp TEAM \(location.root); see docs/sharing.md)")
        }
        do {
            try POSIXFile.makeDirectories(location.directory)
        } catch where shared {
            throw .io(error.description + " (an admin first makes the directory the team's: see docs/sharing.md)")
        }
        // Setgid: new files get the board's group. Sticky: members cannot delete or replace
        // each other's files (a `lock` swapped for a link to someone's file).
        if shared, let group, chown(location.directory, uid_t.max, group) != 0 || chmod(location.directory, 0o3770) != 0 {
            throw .io("cannot make \(location.directory) writable by its group: \(POSIXFile.errorText())")
        }
        var bytes = Array((LineCodec.header + "\n").utf8)
        LineCodec.encode(Event(id: .random(), at: now, actor: actor, issue: 0, kind: .columns(columns)), into: &bytes)
        let lock = try BoardLock(path: location.lockPath, shared: shared, onWait: { _ in })
        defer { withExtendedLifetime(lock) {} }
        if location.exists { throw .invalid("a board already exists at \(location.directory)") }
        // The .gitignore first: a board whose events file exists is complete.
        // (For boards kept in git: the lock and set-aside torn lines are this host's, not history.)
        try POSIXFile.writeAtomically(Array("lock\ntorn\ncache\ncache-key\n".utf8), to: Path.join(location.directory, ".gitignore"),
                                      mode: shared ? 0o660 : nil, layer: layer)
        try POSIXFile.writeAtomically(bytes, to: location.eventsPath, mode: shared ? 0o660 : nil, layer: layer)
    }

    /// Reads the board again: from its snapshot and the lines written since if there is a
    /// usable one (and `readingEverything` is false), else the whole log, writing a snapshot.
    public func reload(readingEverything: Bool = false) throws(BoardError) {
        pendingSnapshot = nil
        keptOffsets = nil
        // Let go of the old board before reading the new one, so a big board is never held
        // twice; a read that fails leaves the empty board its offset 0 describes.
        board.replace(with: BoardState())
        var state = BoardState()
        state.events.keepsEvents = !collectsOffsets
        problems = []
        earliestSetAsideAhead = nil
        readFromCache = false
        reader = LogReader(path: location.eventsPath, nextLine: 1)
        offset = 0
        pendingTail = 0
        let fd = try BoardFile.open(location.eventsPath, O_RDONLY)
        defer { close(fd) }
        let info = try POSIXFile.status(fd, path: location.eventsPath)
        identity = (UInt64(info.st_dev), UInt64(info.st_ino))
        let size = Int(info.st_size)
        var snapshotting = snapshots.enabled && !readingEverything && size >= snapshots.minimumBytes
        var cacheWarning: String?
        if snapshotting, POSIXFile.exists(location.snapshotPath) || POSIXFile.exists(location.snapshotKeyPath),
           GitTracking.tracksAny([location.snapshotPath, location.snapshotKeyPath], root: location.root) {
            snapshotting = false
            cacheWarning = "git tracks \(location.snapshotPath) or its key, so it is never used; run git rm --cached on them"
        }
        if snapshotting, let key = SnapshotKey.read(location),
           let (snapshot, coverage) = SnapshotFile.read(from: location.snapshotPath, log: fd, info: info,
                                                        logPath: location.eventsPath, key: key),
           size - coverage.offset <= snapshots.maximumTail {
            state = snapshot
            readFromCache = true
            reader = LogReader(path: location.eventsPath, nextLine: coverage.nextLine, version: coverage.version)
            offset = coverage.offset
            _ = try readTail(fd: fd, size: size, into: &state)
        } else {
            // A read that writes the cache hands its events over to a `LogArchive` once folded:
            // with the archive's descriptor in hand, it need not hold them while it folds (a
            // copy of each event, its pages and then freeing them all: a sixth of the fold at a
            // million issues).
            let archiveFD = snapshotting ? fcntl(fd, F_DUPFD_CLOEXEC, 0) : -1
            if archiveFD >= 0 { state.events.keepsEvents = false }
            let offsets: [Int64]
            do {
                offsets = try readWhole(fd: fd, size: size, into: &state, collectingOffsets: snapshotting || collectsOffsets)
            } catch {
                if archiveFD >= 0 { close(archiveFD) }
                throw error
            }
            if collectsOffsets { eventOffsets = offsets }
            if keepsWholeRead, snapshotting || collectsOffsets { keptOffsets = offsets }
            if archiveFD >= 0 {
                state.events = LogArchive.events(at: offsets, log: archiveFD, end: offset, path: location.eventsPath)
            }
            if snapshotting, problems.isEmpty, let version = reader.version, version <= LineCodec.formatVersion {
                // Best effort: the cache is derived, and a reader without write access simply has none.
                if let coverage = try? SnapshotFile.coverage(fd: fd, info: info, offset: offset, nextLine: reader.nextLine,
                                                             version: version, path: location.eventsPath) {
                    let (folded, location, layer) = (state, location, fileLayer)
                    pendingSnapshot = {
                        guard let key = try? SnapshotKey.readOrMake(location) else { return }
                        try? SnapshotFile.write(folded, offsets: offsets, coverage: coverage, to: location.snapshotPath,
                                                shared: location.isShared, key: key, layer: layer)
                    }
                    if !snapshots.writesAfterFirstFrame { writePendingSnapshot() }
                }
            }
        }
        board.replace(with: state)
        markEnd(fd)
        warnings = EventLog.permissionWarnings(info, location: location) + (cacheWarning.map { [$0] } ?? [])
        readOnlyReason = EventLog.writeRefusal(version: reader.version, location: location) ?? restriction
    }

    /// Why a log written in format `version` at `location` cannot be written here, if so.
    package static func writeRefusal(version: Int?, location: BoardLocation) -> String? {
        if let version, version > LineCodec.formatVersion {
            return "this board was written by a newer Lanes (format \(version)); opened read-only"
        }
        if access(location.eventsPath, W_OK) != 0 || access(location.directory, W_OK) != 0 {
            return "you cannot write to \(location.directory); opened read-only"
        }
        return nil
    }

    /// Decodes and folds the whole log; returns where each folded event's line starts if asked.
    /// A log of 8 MB or more is decoded on both cores (`BackgroundDecode`): this one decodes
    /// and folds its first window while another core decodes the windows after it, then folds
    /// them in order, decoding the next one itself whenever the one it needs is not ready.
    private func readWhole(fd: Int32, size: Int, into state: inout BoardState, collectingOffsets: Bool) throws(BoardError) -> [Int64] {
        state.reserveCapacity(events: size / 96)
        var offsets: [Int64] = []
        if collectingOffsets { offsets.reserveCapacity(size / 96) }
        // Only the complete lines are mapped: a writer may set a torn last line aside (cut it off
        // the file) while this reads, and a mapped page past the file's new end stops the
        // process (SIGBUS). The bytes after the last newline are the pending tail, as before.
        let complete = try EventLog.completeLength(fd, size: size, path: location.eventsPath)
        defer { pendingTail = size - complete }
        try POSIXFile.withMapped(fd, count: complete, path: location.eventsPath) { bytes throws(BoardError) in
            var setAside: [(offset: Int, reason: String)] = []
            defer { problems += EventLog.problems(setAside, in: bytes, firstLine: 1, path: location.eventsPath) }
            func fold(_ event: Event, at line: Int) {
                let folded = state.events.count
                if let reason = state.apply(event) {
                    setAside.append((line, reason))
                    noteSetAside(event, horizon: state.horizon)
                }
                if collectingOffsets, state.events.count > folded { offsets.append(Int64(line)) }
            }
            foldWindows(of: bytes, window: bytes.count >= decodeWindows.shared ? decodeWindows.window : nil, fold: fold)
        }
        return offsets
    }

    /// The length of the complete lines of the log open as `fd`, `size` bytes long: up to its
    /// last newline, found by reading back from the end.
    private static func completeLength(_ fd: Int32, size: Int, path: String) throws(BoardError) -> Int {
        var end = size
        while end > 0 {
            let start = max(0, end - 65_536)
            let block = try POSIXFile.read(fd, offset: start, count: end - start, path: path)
            if let newline = block.lastIndex(of: 10) { return start + newline + 1 }
            end = start
        }
        return 0
    }

    /// Decodes `bytes` (the whole log, from its header) in windows of whole lines, each one's
    /// pages handed back once parsed (so the mapped file does not add its size to the memory the
    /// board takes), and hands each event and where its line starts to `fold`, in order. With a
    /// `window`, every window after the first is decoded on both cores (`BackgroundDecode`);
    /// without, all of it here, in windows of 16 MB.
    private func foldWindows(of bytes: UnsafeBufferPointer<UInt8>, window: Int?, fold: (Event, Int) -> Void) {
        let own = window.map { BackgroundDecode.bounds(of: bytes, window: $0)[1] } ?? bytes.count
        let background = own < bytes.count
            ? BackgroundDecode(UnsafeBufferPointer(rebasing: bytes[own...]), path: location.eventsPath, window: window ?? own) : nil
        defer { background?.wait() } // never unmap under the other thread
        let ownWindow = window ?? 16 << 20
        var start = 0
        while start < own {
            var end = min(own, start + ownWindow)
            while end < own, bytes[end - 1] != 10 { end += 1 }
            absorb(reader.read(UnsafeBufferPointer(rebasing: bytes[start..<end])) { fold($0, start + $1) })
            POSIXFile.releasePages(of: bytes, before: end)
            start = end
            progress?(end, bytes.count)
        }
        guard let background else { return }
        let (chunk, lines) = background.drain(firstLine: reader.nextLine, { fold($0, own + $1) },
                                              windowDone: { progress?(own + $0, bytes.count) })
        reader.nextLine += lines
        absorb(chunk)
        POSIXFile.releasePages(of: bytes, before: bytes.count)
    }

    /// Reads what other writers appended since the last read. Returns the new events; reloads
    /// everything if the file was replaced (git pull, compaction) or shrank.
    @discardableResult
    public func refresh() throws(BoardError) -> [Event] {
        guard let info = POSIXFile.status(path: location.eventsPath) else {
            throw .io("cannot read \(location.eventsPath): the file is gone")
        }
        if let identity, identity != (UInt64(info.st_dev), UInt64(info.st_ino)) || Int(info.st_size) < offset {
            try reload()
            return []
        }
        guard Int(info.st_size) != offset + pendingTail else { return [] }
        let fd = try BoardFile.open(location.eventsPath, O_RDONLY)
        defer { close(fd) }
        guard endIsUnchanged(fd) else {
            try reload()
            return []
        }
        return try board.update(origin: .otherWriters) { state throws(BoardError) in
            try readTail(fd: fd, size: Int(info.st_size), into: &state)
        }
    }

    /// Appends the events for `changes` as one write. Returns the events written.
    /// `seeing` is shown the freshest state just before each change applies (undo works out
    /// from it what to put back).
    @discardableResult
    public func commit(_ changes: [Change], actor: String, now: Timestamp = .now,
                       seeing: (BoardState, Change) -> Void = { _, _ in }) throws(BoardError) -> [Event] {
        try commit { state throws(BoardError) in try state.apply(changes, actor: actor, at: now, seeing: seeing) }
    }

    /// The one way to write: under the lock, after catching up with other writers, `build`
    /// turns the freshest state into events, applying each one to the state as it goes; they
    /// are appended in one write and synced. If anything fails before the sync, the state is
    /// read back from disk.
    @discardableResult
    public func commit(building build: (inout BoardState) throws(BoardError) -> [Event]) throws(BoardError) -> [Event] {
        if let readOnlyReason { throw .readOnly(readOnlyReason) }
        let lock = try BoardLock(path: location.lockPath, shared: location.isShared, onWait: onLockWait,
                                 cancelled: cancelsLockWait)
        defer { withExtendedLifetime(lock) {} }
        let fd = try BoardFile.open(location.eventsPath, O_RDWR | O_APPEND)
        defer { close(fd) }
        let info = try POSIXFile.status(fd, path: location.eventsPath)
        if let identity, identity != (UInt64(info.st_dev), UInt64(info.st_ino)) || Int(info.st_size) < offset
            || !endIsUnchanged(fd) {
            try reload()
        }
        var size = Int(info.st_size)
        try board.update(origin: .otherWriters) { state throws(BoardError) in try readTail(fd: fd, size: size, into: &state) }
        if pendingTail > 0 {
            try setAsideTornTail(fd: fd, size: size)
            size = offset
        }

        let events: [Event]
        let eventsBefore = state.eventCount
        do {
            events = try board.update(origin: .thisProcess, build)
        } catch {
            if state.eventCount != eventsBefore { try reload() }
            throw error
        }
        guard !events.isEmpty else { return [] }
        var bytes: [UInt8] = []
        for event in events { LineCodec.encode(event, into: &bytes) }
        do {
            try EventLog.append(bytes, to: fd, endingAt: size, location: location, layer: fileLayer)
        } catch {
            try? reload()
            throw error
        }
        offset = size + bytes.count
        reader.nextLine += events.count
        markEnd(fd)
        return events
    }

    /// Appends `bytes` (whole lines) to the log open as `fd`, `size` bytes long, and syncs.
    /// Never leaves a partial line of ours behind: a failed write or sync is cut back to `size`;
    /// what was acknowledged before stays.
    package static func append(_ bytes: [UInt8], to fd: Int32, endingAt size: Int, location: BoardLocation,
                               layer: FileLayer) throws(BoardError) {
        do {
            try POSIXFile.writeAll(fd, bytes, path: location.eventsPath, layer: layer)
            try POSIXFile.sync(fd, path: location.eventsPath, layer: layer)
        } catch {
            _ = ftruncate(fd, off_t(size))
            _ = fsync(fd)
            throw error
        }
    }

    /// Writes the snapshot a full read prepared but left for later (`SnapshotPolicy
    /// .writesAfterFirstFrame`). Call it before changing the board: the snapshot shares the
    /// board's storage until written.
    public func writePendingSnapshot() {
        guard let write = pendingSnapshot else { return }
        pendingSnapshot = nil
        write()
    }

    /// A board anyone on the host can write can be rewritten by anyone; a shared board that
    /// anyone can read leaks the team's backlog; one without the sticky bit (made by an older
    /// `lanes init --shared`) lets members replace each other's files.
    package static func permissionWarnings(_ info: stat, location: BoardLocation) -> [String] {
        let mode = info.st_mode & 0o777
        let octal = "0" + String(mode, radix: 8)
        if mode & 0o002 != 0 {
            return ["\(location.eventsPath) is writable by everyone (mode \(octal)); run chmod o-w on it"]
        }
        if location.isShared, mode & 0o004 != 0 {
            return ["\(location.eventsPath) of a shared board is readable by everyone (mode \(octal)); run chmod o-r on it"]
        }
        if location.isShared, let directory = POSIXFile.status(path: location.directory), directory.st_mode & S_ISVTX == 0 {
            return ["\(location.directory) lets members delete and replace each other's files; its owner should run chmod +t on it"]
        }
        return []
    }

    /// Re-reads the whole file and returns every problem, including an incomplete last line.
    public func check() throws(BoardError) -> [FileProblem] {
        try reload(readingEverything: true)
        var all = problems.sorted { $0.line < $1.line }
        if pendingTail > 0 {
            all.append(FileProblem(file: location.eventsPath, line: reader.nextLine,
                                  message: "incomplete last line (\(pendingTail) bytes, a write cut short); it is set aside into \(location.tornPath) on the next write"))
        }
        return all
    }

    // MARK: - Private

    /// Folds the lines appended since the last read into `state` (the board's, in place, or a
    /// reload's own) and returns their events.
    private func readTail(fd: Int32, size: Int, into state: inout BoardState) throws(BoardError) -> [Event] {
        writePendingSnapshot() // before the state changes, while it still describes the covered bytes
        state.horizon = max(state.horizon, Timestamp(milliseconds: Timestamp.now.milliseconds + Timestamp.skew))
        guard size > offset else {
            pendingTail = 0
            return []
        }
        let bytes = try POSIXFile.read(fd, offset: offset, count: size - offset, path: location.eventsPath)
        var events: [Event] = []
        let firstLine = reader.nextLine
        var setAside: [(offset: Int, reason: String)] = []
        let chunk = bytes.withUnsafeBufferPointer { buffer in
            let chunk = reader.read(buffer) { event, start in
                if let reason = state.apply(event) {
                    setAside.append((start, reason))
                    noteSetAside(event, horizon: state.horizon)
                }
                events.append(event)
            }
            problems += EventLog.problems(setAside, in: buffer, firstLine: firstLine, path: location.eventsPath)
            return chunk
        }
        absorb(chunk)
        markEnd(fd)
        return events
    }

    private func noteSetAside(_ event: Event, horizon: Timestamp) {
        if event.at > horizon { earliestSetAsideAhead = min(earliestSetAsideAhead ?? event.at, event.at) }
    }

    /// The problems of events the fold could not apply, by where their lines start in `bytes`
    /// (ascending), with line numbers counted from `firstLine` at the start of `bytes`.
    private static func problems(_ setAside: [(offset: Int, reason: String)], in bytes: UnsafeBufferPointer<UInt8>,
                                 firstLine: Int, path: String) -> [FileProblem] {
        var line = firstLine, counted = 0
        return setAside.map { offset, reason in
            for byte in bytes[counted..<offset] where byte == 10 { line += 1 }
            counted = offset
            return FileProblem(file: path, line: line, message: reason + "; set aside (the board does not show it)")
        }
    }

    /// Remembers the bytes just before `offset` (see `endMark`).
    private func markEnd(_ fd: Int32) {
        endMark = EventLog.endMark(fd, before: offset, path: location.eventsPath)
    }

    /// Whether the bytes before `offset` are still the ones read: if not, the file was rewritten.
    private func endIsUnchanged(_ fd: Int32) -> Bool {
        EventLog.endMark(fd, before: offset, count: endMark.count, path: location.eventsPath) == endMark
    }

    /// The bytes of the log just before `offset` (at most `endMarkBytes`, or `count`): what
    /// tells a log that grew from one that was replaced (see `endMark`).
    package static func endMark(_ fd: Int32, before offset: Int, count: Int? = nil, path: String) -> [UInt8] {
        let count = min(offset, count ?? endMarkBytes)
        return (try? POSIXFile.read(fd, offset: offset - count, count: count, path: path)) ?? []
    }

    /// Enough of the last line (its text, and usually its random id and time) to tell it apart.
    private static let endMarkBytes = 512

    private func absorb(_ chunk: LogReader.Chunk) {
        problems.append(contentsOf: chunk.problems)
        offset += chunk.consumed
        pendingTail = chunk.incomplete
    }

    /// Moves the bytes after the last newline into `.lanes/torn` and cuts them off the log.
    /// Only called under the lock, when no live writer can be mid-line.
    private func setAsideTornTail(fd: Int32, size: Int) throws(BoardError) {
        let count = try EventLog.setAsideTornTail(fd: fd, from: offset, size: size, location: location, layer: fileLayer)
        problems.append(FileProblem(file: location.eventsPath, line: reader.nextLine,
                                   message: "torn last line (\(count) bytes) set aside into \(location.tornPath)"))
        pendingTail = 0
    }

    /// Moves the bytes of the log open as `fd` from `offset` to `size` into `.lanes/torn` and
    /// cuts them off; returns how many there were. Only under the lock.
    package static func setAsideTornTail(fd: Int32, from offset: Int, size: Int, location: BoardLocation,
                                         layer: FileLayer) throws(BoardError) -> Int {
        let tail = try POSIXFile.read(fd, offset: offset, count: size - offset, path: location.eventsPath)
        var record = Array("# set aside \(Timestamp.now.iso8601) from byte \(offset) of \(location.eventsPath)\n".utf8)
        record.append(contentsOf: tail)
        record.append(10)
        let torn = try BoardFile.open(location.tornPath, O_WRONLY | O_APPEND | O_CREAT, shared: location.isShared)
        defer { close(torn) }
        try POSIXFile.writeAll(torn, record, path: location.tornPath, layer: layer)
        try POSIXFile.sync(torn, path: location.tornPath, layer: layer)
        guard ftruncate(fd, off_t(offset)) == 0 else {
            throw .io("cannot cut the torn last line off \(location.eventsPath): \(POSIXFile.errorText())")
        }
        try POSIXFile.sync(fd, path: location.eventsPath)
        return tail.count
    }
}
