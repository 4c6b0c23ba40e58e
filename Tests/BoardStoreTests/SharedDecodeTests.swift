import Foundation
import Testing
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// A whole read decoded on both cores (`BackgroundDecode`: windows of lines taken by whichever
/// thread is free, folded in log order on one) must fold exactly what one thread folds line by
/// line: the same board field by field, the same events in the same order, the same timeline
/// chains, the same problems on the same lines, the same line starts — on logs as several
/// writers and their merges leave them.
@Suite struct SharedDecodeTests {
    static let seeds: [UInt64] = [3, 17, 2026]
    /// Windows of one line each, of a few lines, and of many.
    static let windows = [1, 300, 4_000]

    /// A log of `count` events from four writers whose clocks disagree, appended in runs (so a
    /// merge's older events come after newer ones): issues created twice under one number,
    /// events about issues that do not exist, links to themselves and to missing issues,
    /// column sets replaced and columns added, removed (issues then sent into them), made
    /// closing; archives, deletions, imported keys reused, snoozes woken by others, `@` and
    /// `#` mentions; lines that do not decode, blank and comment lines, events dated past the
    /// clock, and a torn last line.
    func randomLog(seed: UInt64, events count: Int) -> [UInt8] {
        var random = SeededGenerator(seed: seed)
        func below(_ n: Int) -> Int { Int(random.next() % UInt64(max(1, n))) }
        func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
        let writers = ["ann", "bob", "cy", "dee"]
        let base: Int64 = 1_780_000_000_000
        var clocks = writers.map { _ in base - Int64(random.next() % 20) * 3_600_000 }
        var columnIDs = ["backlog", "todo", "doing", "done"]
        var highest = 0
        var bytes = Array((LineCodec.header + "\n").utf8)
        var written = 0
        while written < count {
            let writer = below(writers.count)
            for _ in 0..<(1 + below(12)) where written < count {
                clocks[writer] += Int64(1 + below(600_000))
                // A few events from a clock far ahead: set aside by the fold.
                let at = below(150) == 0 ? Int64(Date().timeIntervalSince1970 * 1000) + 3 * 86_400_000 : clocks[writer]
                let some = 1 + below(highest + 3) // now and then one that does not exist
                let text = pick(["plain words", "cc @\(pick(writers)) about #\(some)", "see #\(below(highest + 5)), C#9 and &#38;",
                                 "@ann.", "long " + String(repeating: "text ", count: below(40)), "日本語 #\(some) 🎉"])
                var number = some
                let kind: EventKind
                switch below(30) {
                case 0..<5:
                    // Mostly the next number; sometimes one another writer took already.
                    number = below(8) == 0 && highest > 0 ? 1 + below(highest) : highest + 1
                    highest = max(highest, number)
                    kind = .created(title: "issue \(number) " + text, body: pick(["", text]), column: pick(columnIDs + ["gone"]),
                                    rank: Double(below(1000)), priority: pick(Priority.allCases))
                case 5: kind = .retitled(text)
                case 6: kind = .bodyEdited(text)
                case 7, 8: kind = .moved(from: pick(columnIDs), to: pick(columnIDs + ["gone"]), rank: Double(below(1000)))
                case 9: kind = .assigned(pick(writers))
                case 10: kind = .unassigned(pick(writers))
                case 11: kind = .labelled(pick(["bug", "ui", "p1"]))
                case 12: kind = .unlabelled(pick(["bug", "ui"]))
                case 13: kind = .prioritised(pick(Priority.allCases))
                case 14, 15: kind = .commented(text)
                case 16: kind = .closed(from: pick(columnIDs), to: pick(columnIDs), rank: Double(below(1000)))
                case 17: kind = .reopened(from: pick(columnIDs), to: pick(columnIDs), rank: Double(below(1000)))
                case 18: kind = .imported(key: "gh-\(below(20))")
                case 19: kind = .lifecycle(pick(LifecycleStep.allCases))
                case 20: kind = .dueSet(pick([nil, CalendarDate(daysSinceEpoch: Int64(20_600 + below(30)))]))
                case 21: kind = .snoozed(pick([nil, CalendarDate(daysSinceEpoch: Int64(20_700 + below(30)))]))
                case 22: kind = .linked(pick(LinkType.allCases), pick([number, 1 + below(highest + 3)]))
                case 23: kind = .unlinked(pick(LinkType.allCases), 1 + below(highest + 3))
                case 24: kind = .reported(pick(writers) + "@example.com")
                case 25: kind = .commentDeleted(EventID(random.next()))
                case 26:
                    number = 0
                    let id = "c\(below(6))"
                    switch below(6) {
                    case 0: kind = .column(.added(Column(id: id, name: id.uppercased()), after: pick([nil] + columnIDs.map(Optional.some))))
                    case 1: kind = .column(.removed(pick(columnIDs), to: pick([nil] + columnIDs.map(Optional.some))))
                    case 2: kind = .column(.closing(pick(columnIDs), below(2) == 0))
                    case 3: kind = .column(.renamed(pick(columnIDs), name: "Renamed \(below(9))"))
                    case 4: kind = .column(.moved(pick(columnIDs), after: pick([nil] + columnIDs.map(Optional.some))))
                    default: kind = .column(.limited(pick(columnIDs), wip: pick([nil, 3])))
                    }
                    if case .added = kind.columnEvent { columnIDs.append(id) }
                case 27:
                    number = 0
                    let kept = columnIDs.filter { _ in below(3) > 0 }
                    kind = .columns(kept.map { Column(id: $0, name: $0, isClosing: $0 == "done") })
                default: kind = .commented("plain")
                }
                LineCodec.encode(Event(id: EventID(random.next()), at: Timestamp(milliseconds: at), actor: writers[writer],
                                       issue: number, kind: kind), into: &bytes)
                written += 1
                switch below(60) {
                case 0: bytes += Array("this is not an event\n".utf8)
                case 1: bytes += [10]
                case 2: bytes += Array("# a comment line\n".utf8)
                default: break
                }
            }
        }
        if below(2) == 0 { bytes += Array("2026-11-30T10:00:00.000Z ann 0123".utf8) } // torn: no newline
        return bytes
    }

    func board(_ bytes: [UInt8], in dir: TemporaryDirectory) throws -> BoardLocation {
        let location = BoardLocation(root: dir.path)
        try EventLog.create(location)
        dir.write(".lanes/events", bytes)
        return location
    }

    /// Everything a read leaves: the board field by field and what the log says about the file.
    func expectSame(_ read: EventLog, _ reference: EventLog, _ comment: Comment) {
        let (a, b) = (read.state, reference.state)
        #expect(a.columns == b.columns, comment)
        #expect(a.issues.keys == b.issues.keys, comment)
        for number in b.issues.keys where a.issues[number] != b.issues[number] {
            Testing.Issue.record("#\(number) differs: \(String(describing: a.issues[number])) against \(String(describing: b.issues[number])); \(comment)")
        }
        #expect(a.highestNumber == b.highestNumber && a.eventCount == b.eventCount && a.hiddenCount == b.hiddenCount, comment)
        #expect(a.importedKeys == b.importedKeys && a.removedColumns == b.removedColumns, comment)
        #expect(a.mentions == b.mentions, comment)
        #expect(Array(a.events) == Array(b.events), comment)
        #expect(a.nextInTimeline.links == b.nextInTimeline.links, comment)
        #expect(b.issues.keys.allSatisfy { a.timelineEnds[$0]?.first == b.timelineEnds[$0]?.first && a.timelineEnds[$0]?.last == b.timelineEnds[$0]?.last && a.timelines[$0] == b.timelines[$0] }, comment)
        #expect(read.problems == reference.problems, comment)
        #expect(read.coverage.length == reference.coverage.length && read.coverage.nextLine == reference.coverage.nextLine, comment)
        #expect(read.pendingTail == reference.pendingTail, comment)
    }

    @Test(arguments: seeds)
    func aReadDecodedOnBothCoresFoldsWhatOneThreadFolds(_ seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let location = try board(randomLog(seed: seed, events: 2_500), in: dir)
        // The reference: one thread, line by line (a log this small is never shared out).
        let reference = try EventLog.open(location, snapshots: .off)
        #expect(reference.state.issues.count > 50 && reference.problems.count > 20, "the log exercises the fold")
        // The plain fold of the decoded lines, without the log's reader around it.
        var plain = BoardState()
        var reader = LogReader(path: location.eventsPath, nextLine: 1)
        let bytes = dir.read(".lanes/events")
        _ = bytes.withUnsafeBufferPointer { reader.read($0) { event, _ in plain.apply(event) } }
        #expect(plain.issues.values == reference.state.issues.values && Array(plain.events) == Array(reference.state.events))
        for window in SharedDecodeTests.windows {
            let read = try EventLog.open(location, snapshots: .off)
            read.decodeWindows = (shared: 0, window: window)
            try read.reload()
            expectSame(read, reference, "seed \(seed), windows of \(window) bytes")
        }
    }

    @Test(arguments: seeds)
    func theIndexsReadDecodedOnBothCoresKeepsTheSameLineStarts(_ seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let location = try board(randomLog(seed: seed, events: 1_500), in: dir)
        let reference = try EventLog.open(location, collectingOffsets: true)
        #expect(reference.eventOffsets.count == reference.state.events.count)
        for window in SharedDecodeTests.windows {
            let read = try EventLog.open(location, collectingOffsets: true)
            read.decodeWindows = (shared: 0, window: window)
            try read.reload()
            #expect(read.eventOffsets == reference.eventOffsets, "seed \(seed), windows of \(window) bytes")
            #expect(read.state.eventCount == reference.state.eventCount && read.state.issues.values == reference.state.issues.values)
            #expect(read.state.nextInTimeline.links == reference.state.nextInTimeline.links && read.problems == reference.problems)
        }
    }

    /// The read that writes the cache only counts its events while it folds (they go to the
    /// archive, read back from the log): the board it leaves, its events read back, is what a
    /// read holding every event folded.
    @Test(arguments: seeds)
    func aReadWritingTheCacheReadsBackWhatAReadHoldingEveryEventFolded(_ seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let location = try board(randomLog(seed: seed, events: 1_500), in: dir)
        let reference = try EventLog.open(location, snapshots: .off)
        let always = SnapshotPolicy(minimumBytes: 0, maximumTail: 1 << 20)
        for window in SharedDecodeTests.windows {
            try? FileManager.default.removeItem(atPath: location.snapshotPath)
            let read = try EventLog.open(location, snapshots: always)
            read.decodeWindows = (shared: 0, window: window)
            try? FileManager.default.removeItem(atPath: location.snapshotPath)
            try read.reload()
            #expect(!read.readFromCache && read.state.events.held.isEmpty, "seed \(seed): every event archived, none held")
            expectSame(read, reference, "seed \(seed), windows of \(window) bytes")
        }
    }
}

private extension EventKind {
    var columnEvent: ColumnEvent? { if case .column(let event) = self { event } else { nil } }
}
