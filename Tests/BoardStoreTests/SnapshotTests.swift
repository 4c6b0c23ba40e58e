import Foundation
import Testing
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// The snapshot cache (`.lanes/cache`) must never change what a board is: a board opened
/// through it equals the fold of the full log, whatever happened to the cache or the log.
@Suite struct SnapshotTests {
    /// Snapshots for any size of log, so small test boards exercise them.
    static let always = SnapshotPolicy(minimumBytes: 0, maximumTail: 1 << 20)

    /// A board with every kind of event, from several actors, over many issues.
    func populate(_ log: EventLog, issues: Int, seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        try log.commit((1...issues).map { n in
            .create(title: pick(["Login fails", "日本語 title", "emoji 🎉", "tab\there"]) + " \(n)", body: pick(["", "body\nline two"]),
                    column: pick(["backlog", "todo", "doing"]), labels: [pick(["bug", "ui"])], assignees: [pick(["ann", "bob"])])
        }, actor: "ann")
        let base = log.state.highestNumber - issues
        for round in 0..<(issues * 3) {
            let number = base + 1 + Int(random.next() % UInt64(issues))
            let change: Change = pick([
                .move(number, to: pick(["todo", "review", "doing"])), .comment(number, "comment \(round)"),
                .label(number, add: [pick(["p1", "p2"])], remove: ["bug"]), .assign(number, ["cy"]),
                .unassign(number, ["ann"]), .prioritise(number, pick(Priority.allCases)), .retitle(number, "retitled \(round)"),
                .close(number), .reopen(number), .editBody(number, "edited \(round) after #\(number - 1)"),
                // Due dates, snoozes (woken by another's change) and mentions are folded fields too.
                .setDue(number, pick([nil, CalendarDate(daysSinceEpoch: 20_600)])),
                .snooze(number, pick([nil, CalendarDate(daysSinceEpoch: 20_700)])), .comment(number, "cc @bob \(round)"),
                .link(number, pick(LinkType.allCases), base + 1 + Int(random.next() % UInt64(issues))),
                .unlink(number, pick(LinkType.allCases), base + 1 + Int(random.next() % UInt64(issues))),
            ])
            _ = try? log.commit([change], actor: pick(["ann", "bob", "cy"]))
        }
    }

    func expectSameBoard(_ cached: EventLog, _ location: BoardLocation, _ comment: Comment) throws {
        let full = try EventLog.open(location, snapshots: .off)
        #expect(cached.state.columns == full.state.columns, comment)
        #expect(cached.state.issues.values == full.state.issues.values, comment)
        #expect(cached.state.issues.keys == full.state.issues.keys, comment)
        #expect(cached.state.highestNumber == full.state.highestNumber, comment)
        #expect(cached.state.eventCount == full.state.eventCount, comment)
        #expect(cached.state.importedKeys == full.state.importedKeys, comment)
        #expect(cached.state.mentions == full.state.mentions, comment)
        #expect(Array(cached.state.events) == Array(full.state.events), comment)
        for number in full.state.issues.keys {
            #expect(cached.state.timelines[number] == full.state.timelines[number], comment)
        }
    }

    /// How many of its events a board read from the cache covers (0 if it read the log whole).
    func fromCache(_ log: EventLog) -> Int { log.readFromCache ? log.state.events.archive?.count ?? 0 : 0 }
    /// How many of its events a board reads back from the log (all of them, either way it was read).
    func archived(_ log: EventLog) -> Int { log.state.events.archive?.count ?? 0 }

    /// A fresh board in `dir` with `issues` populated issues, read without a cache.
    func board(in dir: TemporaryDirectory, issues: Int, seed: UInt64) throws -> BoardLocation {
        let location = BoardLocation(root: dir.path)
        try EventLog.create(location)
        try populate(try EventLog.open(location, snapshots: .off), issues: issues, seed: seed)
        return location
    }

    @Test func aBoardOpenedThroughItsSnapshotEqualsTheFoldOfTheLog() throws {
        let dir = TemporaryDirectory()
        let location = try board(in: dir, issues: 40, seed: 1)
        #expect(!FileManager.default.fileExists(atPath: location.snapshotPath), "no snapshot unless the policy allows")

        let first = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(FileManager.default.fileExists(atPath: location.snapshotPath), "the first open reads the log whole and writes the snapshot…")
        #expect(fromCache(first) == 0 && archived(first) == first.state.events.count, "…and then holds no event: each is read back from the log")
        try expectSameBoard(first, location, "right after the whole read")

        let second = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(fromCache(second) == first.state.events.count, "the second open starts from the snapshot")
        try expectSameBoard(second, location, "right after the snapshot")

        // Others write after the snapshot: the tail is folded on top of it.
        try populate(try EventLog.open(location, snapshots: .off), issues: 10, seed: 2)
        let third = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(fromCache(third) == fromCache(second))
        try expectSameBoard(third, location, "snapshot plus a tail")

        // Writing through a board opened from the snapshot, and reading others' writes live.
        try populate(third, issues: 5, seed: 3)
        try expectSameBoard(third, location, "after writing through it")
        #expect(try third.check().isEmpty)
    }

    /// Lines the fold set aside (unreadable, or about no issue) between the events: the whole
    /// read keeps no event, and each is read back from its own line, not a neighbour's.
    @Test func aWholeReadKeepsNoEventEvenPastLinesItSetAside() throws {
        let dir = TemporaryDirectory()
        let location = try board(in: dir, issues: 12, seed: 6)
        dir.write(".lanes/events", dir.read(".lanes/events") + Array("garbage line\n".utf8)
                  + Array("00000000000000aa\t2026-01-01T00:00:00.000Z\tann\t#99\tcommented\tnobody\n".utf8))
        try populate(try EventLog.open(location, snapshots: .off), issues: 4, seed: 7)
        let opened = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(fromCache(opened) == 0 && archived(opened) == opened.state.events.count)
        try expectSameBoard(opened, location, "past set-aside lines")
        #expect(try opened.check().count == 2)
    }

    /// A board opened from its cache leaves each description longer than a small string in the
    /// cache file and reads it back when asked: right after, once the file is replaced by a new
    /// cache or deleted (its own descriptor), and as empty text, not a crash, if cut in place.
    @Test func descriptionsAreReadBackFromTheCache() throws {
        let dir = TemporaryDirectory()
        let location = try board(in: dir, issues: 30, seed: 8)
        let long = String(repeating: "a description longer than a small string, ", count: 3)
        let log = try EventLog.open(location, snapshots: .off)
        try log.commit([.create(title: "long", body: long), .create(title: "short", body: "short")], actor: "ann")
        _ = try EventLog.open(location, snapshots: SnapshotTests.always) // writes the cache
        let cached = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(cached.readFromCache)
        let number = cached.state.highestNumber - 1
        func stored(_ issue: BoardModel.Issue) -> Bool { if case .stored = issue.storedBody { true } else { false } }
        #expect(stored(cached.state.issues[number]!) && !stored(cached.state.issues[number + 1]!))
        #expect(cached.state.issues[number]!.body == long && cached.state.issues[number + 1]!.body == "short")
        try expectSameBoard(cached, location, "descriptions read back")

        // A new cache renamed over it, then none at all: the descriptions still read back.
        try log.commit([.comment(number, "more")], actor: "bob")
        _ = try EventLog.open(location, snapshots: SnapshotPolicy(minimumBytes: 0, maximumTail: 0)) // a tail: read whole, a new cache
        try FileManager.default.removeItem(atPath: location.snapshotPath)
        #expect(cached.state.issues[number]!.body == long)

        // Edited through the board: held from then on.
        try cached.commit([.editBody(number, "new body")], actor: "ann")
        #expect(cached.state.issues[number]!.body == "new body" && !stored(cached.state.issues[number]!))

        // A cache cut short in place under an open board: empty descriptions, no crash.
        _ = try EventLog.open(location, snapshots: SnapshotTests.always)
        let reopened = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(reopened.readFromCache)
        #expect(truncate(location.snapshotPath, 10) == 0)
        #expect(reopened.state.issues.values.allSatisfy { !stored($0) || $0.body.isEmpty })
    }

    /// Titles longer than a small string stay in the cache file too (79 MB of heap strings at a
    /// million issues, of which a screen shows a few dozen), read back when asked; a retitle
    /// through the board holds the new one.
    @Test func titlesAreReadBackFromTheCache() throws {
        let dir = TemporaryDirectory()
        let location = try board(in: dir, issues: 10, seed: 10)
        let long = "a title longer than a small string: 日本語 🎉"
        let log = try EventLog.open(location, snapshots: .off)
        try log.commit([.create(title: long, body: ""), .create(title: "short", body: "")], actor: "ann")
        _ = try EventLog.open(location, snapshots: SnapshotTests.always) // writes the cache
        let cached = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(cached.readFromCache)
        let number = cached.state.highestNumber - 1
        func stored(_ issue: BoardModel.Issue) -> Bool { if case .stored = issue.storedTitle { true } else { false } }
        #expect(stored(cached.state.issues[number]!) && !stored(cached.state.issues[number + 1]!))
        #expect(cached.state.issues[number]!.title == long && cached.state.issues[number + 1]!.title == "short")
        try expectSameBoard(cached, location, "titles read back")

        let retitled = "a new title, long enough to be stored"
        try cached.commit([.retitle(number, retitled)], actor: "bob")
        #expect(cached.state.issues[number]!.title == retitled && !stored(cached.state.issues[number]!))
        try expectSameBoard(cached, location, "after a retitle")
    }

    /// A board opened from its cache leaves each event's line start and timeline link in the
    /// cache file (84 MB at a million issues) and reads them back when a timeline is asked for:
    /// right after, with events folded since (an issue's last cached event gains a successor),
    /// once the file is replaced by a new cache and deleted (its own descriptors), and, cut short
    /// in place, as timelines that end early, never a crash or a loop.
    @Test func lineStartsAndTimelineLinksAreReadBackFromTheCache() throws {
        let dir = TemporaryDirectory()
        let location = try board(in: dir, issues: 30, seed: 9)
        _ = try EventLog.open(location, snapshots: SnapshotTests.always) // writes the cache
        let cached = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(cached.readFromCache)
        func storesLineStarts(_ log: EventLog) -> Bool {
            guard let archive = log.state.events.archive as? LogArchive, case .stored = archive.offsets else { return false }
            return true
        }
        #expect(storesLineStarts(cached) && cached.state.nextInTimeline.heldCount == 0, "none held in memory")
        try expectSameBoard(cached, location, "line starts and links read back")

        let numbers = cached.state.issues.keys
        try cached.commit(numbers.map { .comment($0, "later on #\($0)") }, actor: "bob")
        #expect(cached.state.nextInTimeline.heldCount == 2 * numbers.count, "a new link each, and each cached last event relinked")
        try expectSameBoard(cached, location, "events folded on top of the cache")

        _ = try EventLog.open(location, snapshots: SnapshotPolicy(minimumBytes: 0, maximumTail: 0)) // read whole, a new cache
        try FileManager.default.removeItem(atPath: location.snapshotPath)
        try expectSameBoard(cached, location, "the cache file replaced, then removed")

        _ = try EventLog.open(location, snapshots: SnapshotTests.always)
        let reopened = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(reopened.readFromCache && storesLineStarts(reopened))
        #expect(truncate(location.snapshotPath, 10) == 0)
        for number in numbers {
            // (Its first event is read back from the log, at the line start read before the cut.)
            let timeline = reopened.state.timelines[number]
            #expect(timeline?.count == 1, "#\(number): the first event only, its link gone")
        }
    }

    @Test func aDamagedStaleOrForeignSnapshotIsIgnored() throws {
        let dir = TemporaryDirectory()
        let location = try board(in: dir, issues: 30, seed: 4)
        _ = try EventLog.open(location, snapshots: SnapshotTests.always)
        let good = dir.read(".lanes/cache")
        #expect(good.count > 100)

        var random = SeededGenerator(seed: 5)
        var damaged: [(String, [UInt8])] = [("empty", []), ("half", Array(good.prefix(good.count / 2))),
                                            ("one byte short", Array(good.dropLast())), ("garbage", (0..<4096).map { _ in UInt8(random.next() % 256) })]
        for _ in 0..<40 {
            var flipped = good
            flipped[Int(random.next() % UInt64(good.count))] ^= UInt8(1 + random.next() % 255)
            damaged.append(("a flipped byte", flipped))
        }
        for (what, bytes) in damaged {
            dir.write(".lanes/cache", bytes)
            let log = try EventLog.open(location, snapshots: SnapshotTests.always)
            try expectSameBoard(log, location, "\(what)")
        }

        // The log replaced by a new file (as a git pull writes the merged log). Starting with the
        // same bytes plus others' newer events, the cache still holds: it is used.
        dir.write(".lanes/cache", good)
        let original = dir.read(".lanes/events")
        var lines = original.split(separator: 10, omittingEmptySubsequences: true).map(Array.init)
        func replaceLog(_ bytes: [UInt8]) {
            dir.write(".lanes/events.new", bytes)
            #expect(rename(dir.file(".lanes/events.new"), dir.file(".lanes/events")) == 0)
        }
        let other = try EventLog.open(BoardLocation(root: dir.path), snapshots: .off)
        let extra = try other.state.events(for: .comment(1, "from the other clone"), actor: "bob", at: .now)
        replaceLog(original + extra.flatMap { LineCodec.encode($0) })
        let pulled = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(fromCache(pulled) > 0, "a new file with the same covered bytes keeps its cache")
        try expectSameBoard(pulled, location, "pulled log")

        // A new file whose covered bytes differ in the middle (an offline clone's older events
        // merged in): not used.
        dir.write(".lanes/cache", good)
        lines.swapAt(lines.count / 2, lines.count / 2 + 1)
        replaceLog(lines.flatMap { $0 + [10] })
        let merged = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(fromCache(merged) == 0, "different covered bytes: the cache is not used")
        try expectSameBoard(merged, location, "reordered log")

        // The covered bytes edited in place (same file, same size).
        _ = try EventLog.open(location, snapshots: SnapshotTests.always) // a fresh snapshot
        let handle = try #require(FileHandle(forUpdatingAtPath: dir.file(".lanes/events")))
        let events = dir.read(".lanes/events")
        let lastLine = events.dropLast().lastIndex(of: 10)! + 1
        try handle.seek(toOffset: UInt64(events.count - 40))
        try handle.write(contentsOf: Data("X".utf8))
        try handle.close()
        _ = lastLine
        let edited = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(fromCache(edited) == 0, "edited covered bytes invalidate the snapshot")
        try expectSameBoard(edited, location, "edited log")
    }

    /// The cache is decoded while its checksum is computed on the other core: a cache changed
    /// where it still decodes (a title's letter) must be refused all the same.
    @Test func aCacheChangedWhereItStillDecodesIsNotBelieved() throws {
        let dir = TemporaryDirectory()
        let location = try board(in: dir, issues: 20, seed: 7)
        try EventLog.open(location, snapshots: .off).commit([.create(title: "Zebra crossing", body: "")], actor: "ann")
        _ = try EventLog.open(location, snapshots: SnapshotTests.always)
        var cache = dir.read(".lanes/cache")
        let title = Array("Zebra crossing".utf8)
        let at = try #require((0...(cache.count - title.count)).first { Array(cache[$0..<($0 + title.count)]) == title })
        cache[at] = UInt8(ascii: "Y")
        dir.write(".lanes/cache", cache)
        let log = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(fromCache(log) == 0, "the changed cache is not used")
        #expect(log.state.issues.values.contains { $0.title == "Zebra crossing" })
        #expect(!log.state.issues.values.contains { $0.title == "Yebra crossing" })
        try expectSameBoard(log, location, "changed title in the cache")
    }

    @Test func aLongTailMeansAFreshSnapshot() throws {
        let dir = TemporaryDirectory()
        let location = try board(in: dir, issues: 20, seed: 6)
        let policy = SnapshotPolicy(minimumBytes: 0, maximumTail: 2_000)
        _ = try EventLog.open(location, snapshots: policy)
        try populate(try EventLog.open(location, snapshots: .off), issues: 20, seed: 7)
        let past = try EventLog.open(location, snapshots: policy)
        #expect(fromCache(past) == 0, "more than maximumTail written since: read whole")
        let next = try EventLog.open(location, snapshots: policy)
        #expect(fromCache(next) == past.state.events.count, "and the new snapshot covers it all")
        try expectSameBoard(next, location, "fresh snapshot")
    }
}

extension SnapshotTests {
    /// On a shared board anyone in the group can plant a symlink where the cache's temporary
    /// file will be: writing the cache must replace it, not write through it.
    @Test func writingTheCacheNeverFollowsAPlantedSymlink() throws {
        let dir = TemporaryDirectory()
        let location = try board(in: dir, issues: 10, seed: 8)
        dir.write("victim", Array("precious\n".utf8))
        #expect(symlink(dir.file("victim"), location.snapshotPath + ".tmp-\(getpid())") == 0)
        _ = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(dir.read("victim") == Array("precious\n".utf8))
        #expect(fromCache(try EventLog.open(location, snapshots: SnapshotTests.always)) > 0, "the cache was still written")
    }
}

extension SnapshotTests {
    /// The cache is best effort: a full disk or an I/O error while writing it (at any write or
    /// at the rename) leaves the board open and right, and no cache or temporary file behind.
    @Test(arguments: [FaultPlan.Operation.write, .shortWrite, .rename])
    func aFailedCacheWriteLeavesTheBoardRightAndNoCache(_ operation: FaultPlan.Operation) throws {
        let dir = TemporaryDirectory()
        let location = try board(in: dir, issues: 20, seed: 9)
        let log = try EventLog.open(location, snapshots: SnapshotTests.always)
        for failAt in [1, 2, 3] {
            try? FileManager.default.removeItem(atPath: location.snapshotPath)
            let plan = FaultPlan(operation, failAt: failAt, errorCode: ENOSPC)
            log.fileLayer = plan.layer
            try log.reload()
            #expect(plan.fired || failAt > 1, "the first write and the rename are always reached")
            if plan.fired {
                #expect(!FileManager.default.fileExists(atPath: location.snapshotPath), "\(operation) #\(failAt)")
            }
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: location.directory).filter { $0.contains(".tmp-") }
            #expect(leftovers.isEmpty, "\(leftovers)")
            try expectSameBoard(log, location, "\(operation) #\(failAt)")
        }
    }
}

extension SnapshotTests {
    /// A process killed while writing the cache leaves `cache.tmp-PID`; the next cache write
    /// removes it once that process is gone, and never touches a live writer's.
    @Test func abandonedTemporariesAreRemoved() throws {
        let dir = TemporaryDirectory()
        let location = try board(in: dir, issues: 5, seed: 10)
        let gone = location.snapshotPath + ".tmp-2147483000" // above any pid_max: no such process
        let live = location.snapshotPath + ".tmp-1" // init is always alive
        for path in [gone, live] { FileManager.default.createFile(atPath: path, contents: Data("partial".utf8)) }
        _ = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(!FileManager.default.fileExists(atPath: gone))
        #expect(FileManager.default.fileExists(atPath: live))
    }
}

extension SnapshotTests {
    /// The full-screen board draws first and writes the cache after; a change made before that
    /// writes the cache first, so it still describes exactly the bytes it covers.
    @Test func aDeferredCacheIsWrittenWhenAskedOrBeforeTheBoardChanges() throws {
        let dir = TemporaryDirectory()
        let location = try board(in: dir, issues: 10, seed: 13)
        var later = SnapshotTests.always
        later.writesAfterFirstFrame = true

        let drawn = try EventLog.open(location, snapshots: later)
        #expect(!FileManager.default.fileExists(atPath: location.snapshotPath), "not before the first frame")
        drawn.writePendingSnapshot()
        #expect(FileManager.default.fileExists(atPath: location.snapshotPath))
        try expectSameBoard(try EventLog.open(location, snapshots: SnapshotTests.always), location, "written when asked")

        try FileManager.default.removeItem(atPath: location.snapshotPath)
        let changed = try EventLog.open(location, snapshots: later)
        try changed.commit([.comment(1, "before the first frame")], actor: "ann")
        #expect(FileManager.default.fileExists(atPath: location.snapshotPath), "written before the change")
        let reopened = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(fromCache(reopened) > 0)
        try expectSameBoard(reopened, location, "cache plus the change as tail")
    }
}

/// A derived file is never believed over the log it claims to describe: not when the log was
/// redacted in place, not when the cache was made (or forged) elsewhere, not when git tracks it.
extension SnapshotTests {
    /// A same-length redaction in the middle of the log, written back into the same file: the
    /// two ends still match, every byte in between does not.
    @Test func aSameLengthRedactionInPlaceIsNoticed() throws {
        let dir = TemporaryDirectory()
        let location = try board(in: dir, issues: 30, seed: 14)
        try EventLog.open(location, snapshots: .off).commit([.create(title: "db password is swordfish")], actor: "ann")
        try populate(try EventLog.open(location, snapshots: .off), issues: 30, seed: 15)
        let cached = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(cached.state.issues.values.contains { $0.title == "db password is swordfish" })

        let events = dir.read(".lanes/events")
        let secret = Array("swordfish".utf8)
        let at = try #require((0...(events.count - secret.count)).first { Array(events[$0..<($0 + secret.count)]) == secret })
        #expect(at > SnapshotFile.checkedBytes && at < events.count - SnapshotFile.checkedBytes, "in the middle")
        let handle = try #require(FileHandle(forUpdatingAtPath: dir.file(".lanes/events")))
        try handle.seek(toOffset: UInt64(at))
        try handle.write(contentsOf: Data("XXXXXXXXX".utf8))
        try handle.close()

        let reopened = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(fromCache(reopened) == 0, "the cache no longer describes the log")
        #expect(!reopened.state.issues.values.contains { $0.title.contains("swordfish") })
        #expect(reopened.state.issues.values.contains { $0.title == "db password is XXXXXXXXX" })
        try expectSameBoard(reopened, location, "redacted log")
    }

    /// A cache made elsewhere (committed and cloned, copied in) carries checksums anyone can
    /// recompute, and any board at all: without this host's key it is never read.
    @Test func aCacheForgedOrMadeElsewhereIsNeverBelieved() throws {
        let dir = TemporaryDirectory()
        let location = try board(in: dir, issues: 20, seed: 16)
        _ = try EventLog.open(location, snapshots: SnapshotTests.always) // this host's key and cache
        let hostKey = try #require(SnapshotKey.read(location))

        // A board no event describes, with correct checksums of the real log.
        let real = try EventLog.open(location, snapshots: .off)
        var forged = real.state
        forged.issues.modify(1) { $0.title = "a title no event contains" }
        let log = dir.read(".lanes/events")
        let offsets = log.indices.dropLast().filter { log[$0] == 10 }.dropFirst().map { Int64($0 + 1) }
        let fd = open(location.eventsPath, O_RDONLY)
        defer { close(fd) }
        var info = stat()
        fstat(fd, &info)
        let coverage = try SnapshotFile.coverage(fd: fd, info: info, offset: log.count, nextLine: offsets.count + 2,
                                                 version: 1, path: location.eventsPath)
        func plant(sealedWith key: [UInt8]) throws -> EventLog {
            try SnapshotFile.write(forged, offsets: offsets, coverage: coverage, to: location.snapshotPath, shared: false, key: key)
            return try EventLog.open(location, snapshots: SnapshotTests.always)
        }
        let elsewhere = try plant(sealedWith: (0..<16).map { _ in UInt8.random(in: 0...255) })
        #expect(fromCache(elsewhere) == 0, "another host's key: not read")
        #expect(elsewhere.state.issues[1]?.title != "a title no event contains")
        try expectSameBoard(elsewhere, location, "forged elsewhere")
        // The same file sealed with this host's key would be read: the seal is what keeps it out.
        #expect(try plant(sealedWith: hostKey).state.issues[1]?.title == "a title no event contains")
    }

    /// A cache in git came from whoever committed it: never read, even if it checks out.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "needs git"))
    func aCacheThatGitTracksIsNeverRead() throws {
        let dir = TemporaryDirectory()
        let location = try board(in: dir, issues: 20, seed: 17)
        _ = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(fromCache(try EventLog.open(location, snapshots: SnapshotTests.always)) > 0, "untracked: used")
        let git = "git -C \(dir.path) -c user.name=t -c user.email=t@example.com"
        let committed = Process.launchedProcess(launchPath: "/bin/sh", arguments: [
            "-c", "git init -q \(dir.path) && \(git) add -f .lanes && \(git) commit -qm board",
        ])
        committed.waitUntilExit()
        #expect(committed.terminationStatus == 0)
        let opened = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(fromCache(opened) == 0, "tracked by git: never read")
        #expect(opened.warnings.contains { $0.contains("git tracks") }, "\(opened.warnings)")
        try expectSameBoard(opened, location, "tracked cache")
    }
}

extension SnapshotTests {
    /// The seal is SipHash-2-4 as published (the reference implementation's test vectors).
    @Test func sipHashMatchesTheReferenceVectors() {
        let key = (0..<16).map { UInt8($0) }
        #expect(SipHash.hash([], key: key) == 0x726f_db47_dd0e_0e31)
        #expect(SipHash.hash((0..<15).map { UInt8($0) }, key: key) == 0xa129_ca61_49be_45e5)
        #expect(SipHash.hash((0..<8).map { UInt8($0) }, key: key) == 0x93f5_f579_9a93_2462)
    }
}
