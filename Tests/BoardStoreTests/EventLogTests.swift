import Foundation
import Testing
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

@Suite struct EventLogTests {
    func makeBoard(_ dir: TemporaryDirectory) throws -> EventLog {
        let location = BoardLocation(root: dir.path)
        try EventLog.create(location)
        return try EventLog.open(location)
    }

    @Test func createCommitAndReopen() throws {
        let dir = TemporaryDirectory()
        let log = try makeBoard(dir)
        let events = try log.commit([.create(title: "first", labels: ["bug"])], actor: "ann")
        #expect(events.count == 2 && events[0].issue == 1)
        let again = try EventLog.open(log.location)
        #expect(again.state.issues[1]?.title == "first")
        #expect(again.state.issues[1]?.labels == ["bug"])
        #expect(again.problems.isEmpty)
        let text = String(decoding: dir.read(".lanes/events"), as: UTF8.self)
        #expect(text.hasPrefix("lanes-log 1\n"))
        #expect(text.split(separator: "\n").count == 4)
    }

    @Test func aFarFutureEventIsReportedByCheckAndDoesNotSilenceTheIssue() throws {
        let dir = TemporaryDirectory()
        let log = try makeBoard(dir)
        try log.commit([.create(title: "first")], actor: "ann")
        var bytes = dir.read(".lanes/events")
        LineCodec.encode(Event(id: EventID(7), at: Timestamp.parse("9999-12-31T23:59:59.999Z")!, actor: "import", issue: 1,
                               kind: .retitled("from 9999")), into: &bytes)
        LineCodec.encode(Event(id: EventID(8), at: .now, actor: "bob", issue: 5, kind: .commented("on nothing")), into: &bytes)
        dir.write(".lanes/events", bytes)
        let reopened = try EventLog.open(log.location)
        for change: Change in [.retitle(1, "edited"), .comment(1, "seen"), .label(1, add: ["bug"], remove: []), .close(1)] {
            #expect(try reopened.commit([change], actor: "ann").count == 1)
        }
        let again = try EventLog.open(log.location)
        let issue = try #require(again.state.issues[1])
        #expect(issue.title == "edited" && issue.labels == ["bug"] && !issue.isOpen)
        #expect(again.state.timelines[1]!.contains { $0.kind == .commented("seen") })
        let problems = try again.check()
        #expect(problems.map(\.line) == [4, 5])
        #expect(problems[0].message.contains("dated 9999-12-31T23:59:59.999Z, more than a day after this machine's clock; set aside"))
        #expect(problems[1].message.contains("#5 does not exist"))
    }

    /// A change the board would not show (here stamped past the allowed skew) is refused, not
    /// reported saved.
    @Test func aChangeThatWouldNotShowIsRefusedAndNothingIsWritten() throws {
        let dir = TemporaryDirectory()
        let log = try makeBoard(dir)
        try log.commit([.create(title: "first")], actor: "ann")
        let before = dir.read(".lanes/events")
        let far = Timestamp(milliseconds: Timestamp.now.milliseconds + 2 * Timestamp.day)
        #expect(throws: BoardError.self) { try log.commit([.comment(1, "too late")], actor: "ann", now: far) }
        #expect(dir.read(".lanes/events") == before)
        #expect(log.state.timelines[1]!.count == 1)
    }

    @Test func createRefusesAnExistingBoardAndOpenRefusesAMissingOne() throws {
        let dir = TemporaryDirectory()
        _ = try makeBoard(dir)
        #expect(throws: BoardError.self) { try EventLog.create(BoardLocation(root: dir.path)) }
        #expect(throws: BoardError.self) { try EventLog.open(BoardLocation(root: dir.path + "/nowhere")) }
    }

    @Test func personalBoardIsCreatedOnFirstUse() throws {
        let dir = TemporaryDirectory()
        let location = BoardLocation.personal(environment: ["XDG_DATA_HOME": dir.path])
        #expect(location.root == dir.path + "/lanes")
        let log = try EventLog.open(location)
        #expect(log.state.columns.map(\.id) == ["backlog", "todo", "doing", "review", "done"])
    }

    @Test func resolveFindsTheNearestBoardWalkingUp() throws {
        let dir = TemporaryDirectory()
        _ = try makeBoard(dir)
        try FileManager.default.createDirectory(atPath: dir.file("a/b/c"), withIntermediateDirectories: true)
        let found = BoardLocation.resolve(board: nil, environment: ["HOME": "/nonexistent"], workingDirectory: dir.file("a/b/c"))
        #expect(found.root == dir.path && !found.isPersonal)
        let explicit = BoardLocation.resolve(board: dir.file(".lanes"), environment: [:], workingDirectory: "/")
        #expect(explicit.root == dir.path)
        let fromEnv = BoardLocation.resolve(board: nil, environment: ["LANES_BOARD": dir.path], workingDirectory: "/")
        #expect(fromEnv.root == dir.path)
        let personal = BoardLocation.resolve(board: nil, environment: ["XDG_DATA_HOME": "/x"], workingDirectory: "/")
        #expect(personal.isPersonal && personal.root == "/x/lanes")
    }

    /// A crash mid-append leaves a partial last line. At every byte offset of the last event:
    /// earlier events load, the tail is reported, set aside on the next append, and the log is
    /// readable again afterwards.
    @Test func tornLastLineAtEveryOffsetIsSetAside() throws {
        let dir = TemporaryDirectory()
        let log = try makeBoard(dir)
        try log.commit([.create(title: "kept one"), .create(title: "kept two")], actor: "ann")
        let intact = dir.read(".lanes/events")
        try log.commit([.comment(2, "this comment is torn 日本語 🎉")], actor: "ann")
        let full = dir.read(".lanes/events")
        let lastLine = full[intact.count...]
        #expect(lastLine.last == 10)
        for cut in 1..<lastLine.count { // every offset that leaves a partial line
            dir.write(".lanes/events", Array(full[..<(intact.count + cut)]))
            try? FileManager.default.removeItem(atPath: dir.file(".lanes/torn"))
            let reopened = try EventLog.open(log.location)
            #expect(reopened.state.issues.count == 2)
            #expect(reopened.state.timelines[2]!.count == 1, "the torn comment is not applied (cut \(cut))")
            #expect(reopened.pendingTail == cut)
            let problems = try reopened.check()
            #expect(problems.count == 1 && problems[0].message.contains("incomplete last line"))

            try reopened.commit([.comment(1, "after the crash")], actor: "bob")
            let repaired = dir.read(".lanes/events")
            #expect(Array(repaired[..<intact.count]) == intact, "everything before the torn line is untouched")
            #expect(repaired.last == 10)
            let torn = dir.read(".lanes/torn")
            #expect(torn.count > cut && Array(torn.suffix(cut + 1).dropLast()) == Array(lastLine.prefix(cut)))
            let fresh = try EventLog.open(log.location)
            #expect(try fresh.check().isEmpty)
            #expect(fresh.state.timelines[1]!.last?.kind == .commented("after the crash"))
        }
    }

    @Test func badLinesAreReportedWithLineNumbersAndTheRestLoads() throws {
        let dir = TemporaryDirectory()
        let log = try makeBoard(dir)
        try log.commit([.create(title: "one")], actor: "ann")
        var bytes = dir.read(".lanes/events")
        bytes += Array("garbage line\n".utf8)
        bytes += Array("00000000000000aa\t2026-01-01T00:00:00.000Z\tann\t#1\tteleported\n".utf8)
        dir.write(".lanes/events", bytes)
        try log.commit([.create(title: "two")], actor: "ann")
        let reopened = try EventLog.open(log.location)
        #expect(reopened.state.issues.count == 2)
        let problems = try reopened.check()
        #expect(problems.map(\.line) == [4, 5])
        #expect(problems[0].description.hasPrefix(dir.path + "/.lanes/events:4: "))
        #expect(problems[1].message.contains("teleported"))
    }

    @Test func newerFormatIsReadOnly() throws {
        let dir = TemporaryDirectory()
        let log = try makeBoard(dir)
        try log.commit([.create(title: "one")], actor: "ann")
        var bytes = dir.read(".lanes/events")
        bytes.replaceSubrange(0..<11, with: Array("lanes-log 2".utf8))
        dir.write(".lanes/events", bytes)
        let reopened = try EventLog.open(log.location)
        #expect(reopened.readOnlyReason?.contains("newer") == true)
        #expect(reopened.state.issues[1]?.title == "one")
        #expect(throws: BoardError.self) { try reopened.commit([.create(title: "two")], actor: "ann") }
        #expect(dir.read(".lanes/events") == bytes, "never rewritten")
    }

    @Test func refreshReadsOnlyWhatOthersAppended() throws {
        let dir = TemporaryDirectory()
        let mine = try makeBoard(dir)
        let theirs = try EventLog.open(mine.location)
        try theirs.commit([.create(title: "from bob")], actor: "bob")
        let seen = try mine.refresh()
        #expect(seen.count == 1 && mine.state.issues[1]?.author == "bob")
        #expect(try mine.refresh().isEmpty)
        // A writer that has not refreshed still gets a fresh number under the lock.
        try mine.commit([.create(title: "from ann")], actor: "ann")
        try theirs.commit([.create(title: "bob again")], actor: "bob")
        #expect(theirs.state.issues.keys.sorted() == [1, 2, 3])
        try mine.refresh()
        #expect(mine.state.issues[3]?.title == "bob again")
    }

    @Test func parallelWritersInOneProcessNeverCollide() async throws {
        let dir = TemporaryDirectory()
        let location = try makeBoard(dir).location
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    let log = try! EventLog.open(location)
                    for n in 0..<25 { try! log.commit([.create(title: "w\(writer) n\(n)")], actor: "w\(writer)") }
                }
            }
        }
        let final = try EventLog.open(location)
        #expect(final.state.issues.count == 100)
        #expect(Set(final.state.issues.values.map(\.title)).count == 100)
        #expect(try final.check().isEmpty)
    }
}

/// What derived views update from: the issues each version changed.
@Suite struct ChangedIssuesTests {
    @Test func changedIssuesNamesWhatChangedSinceAVersion() throws {
        let dir = TemporaryDirectory()
        let location = BoardLocation(root: dir.path)
        try EventLog.create(location)
        let log = try EventLog.open(location)
        try log.commit([.create(title: "a"), .create(title: "b"), .create(title: "c")], actor: "ann")
        let start = log.version
        #expect(log.board.changedIssues(since: start) == [])
        try log.commit([.move(2, to: "doing")], actor: "ann")
        #expect(log.board.changedIssues(since: start) == [2])
        #expect(log.board.lastOrigin == .thisProcess)
        let other = try EventLog.open(location)
        try other.commit([.retitle(3, "c2"), .create(title: "d")], actor: "bob")
        try log.refresh()
        #expect(log.board.changedIssues(since: start) == [2, 3, 4], "others' writes count too")
        #expect(log.board.lastOrigin == .otherWriters)
        #expect(log.board.changedIssues(since: log.version + 1) == nil, "a version not reached yet")
        // A commit catches up with other writers first: their issues count too, as theirs.
        let beforeCatchUp = log.version
        try other.commit([.retitle(1, "a2")], actor: "bob")
        try log.commit([.retitle(2, "b2")], actor: "ann")
        #expect(log.version == beforeCatchUp + 2)
        #expect(log.board.changedIssues(since: beforeCatchUp) == [1, 2])
        #expect(log.board.changedIssues(since: beforeCatchUp + 1) == [2])
        try log.reload()
        #expect(log.board.lastOrigin == .reload)
        #expect(log.board.changedIssues(since: start) == nil, "nothing is known across a reload")
        let afterReload = log.version
        for n in 0..<70 { try log.commit([.comment(1, "c\(n)")], actor: "ann") }
        #expect(log.board.changedIssues(since: afterReload) == nil, "older than the versions kept")
        #expect(log.board.changedIssues(since: log.version - 3) == [1])
    }
}

/// A log of 8 MB or more is decoded in two halves on two cores; the board, the problems and
/// their line numbers must be exactly those of reading it line by line.
@Suite struct ParallelDecodeTests {
    @Test func aBigLogReadsTheSameInTwoHalvesAsLineByLine() throws {
        let dir = TemporaryDirectory()
        let location = BoardLocation(root: dir.path)
        try EventLog.create(location)
        var bytes = dir.read(".lanes/events")
        var random = SeededGenerator(seed: 14)
        var id: UInt64 = 1
        func add(_ issue: Int, _ kind: EventKind) {
            id += 1
            LineCodec.encode(Event(id: EventID(id), at: Timestamp(milliseconds: 1_780_000_000_000 + Int64(id)), actor: "user\(id % 7)",
                                   issue: issue, kind: kind), into: &bytes)
        }
        let body = String(repeating: "a realistic body with 日本語 and words ", count: 3)
        var number = 0
        var secondGarbage = false
        while bytes.count < 9 << 20 {
            number += 1
            add(number, .created(title: "Issue \(number)", body: body, column: "backlog", rank: Double(number), priority: .none))
            for _ in 0..<Int(random.next() % 6) {
                let target = 1 + Int(random.next() % UInt64(number))
                add(target, [EventKind.moved(from: "backlog", to: "doing", rank: 1), .commented("note"), .labelled("bug"),
                             .retitled("renamed \(id)")][Int(random.next() % 4)])
            }
            // One bad line in each half.
            if number == 1_000 || (bytes.count > 7 << 20 && !secondGarbage) {
                secondGarbage = number != 1_000
                bytes.append(contentsOf: Array("garbage line\n".utf8))
            }
        }
        bytes.append(contentsOf: Array("0123\ttorn".utf8))
        dir.write(".lanes/events", bytes)

        let log = try EventLog.open(location, snapshots: .off)
        var reference = BoardState()
        var reader = LogReader(path: location.eventsPath, nextLine: 1)
        let chunk = bytes.withUnsafeBufferPointer { reader.read($0) { event, _ in reference.apply(event) } }
        #expect(log.state.issues.values == reference.issues.values)
        #expect(Array(log.state.events) == Array(reference.events))
        #expect(log.problems == chunk.problems)
        #expect(log.problems.count == 2)
        #expect(log.pendingTail == chunk.incomplete && chunk.incomplete > 0)
        // And the cache written from it covers the same board.
        let cached = try EventLog.open(location, snapshots: SnapshotPolicy(minimumBytes: 0))
        #expect(cached.state.issues.values == reference.issues.values)
    }
}

/// Nothing inside `.lanes/` is opened through a link or unless it is a regular file: a member
/// of a shared board could otherwise point a teammate's writes at any file of theirs, or make
/// every `lanes` hang on a FIFO.
@Suite struct BoardFileTests {
    func board(_ dir: TemporaryDirectory) throws -> EventLog {
        let location = BoardLocation(root: dir.path)
        try EventLog.create(location)
        let log = try EventLog.open(location)
        try log.commit([.create(title: "first")], actor: "ann")
        return log
    }

    func message(_ body: () throws -> Void) -> String {
        do { try body() } catch { return "\(error)" }
        return "no error"
    }

    @Test(arguments: ["lock", "torn", "events"])
    func aSymlinkInsideTheBoardIsNeverFollowed(_ name: String) throws {
        let dir = TemporaryDirectory()
        let log = try board(dir)
        let target = dir.file("outside")
        dir.write("outside", Array("someone's file\n".utf8))
        if name == "events" { unlink(dir.file(".lanes/events")) }
        if name == "torn" { dir.write(".lanes/events", dir.read(".lanes/events") + Array("torn line".utf8)) }
        unlink(dir.file(".lanes/" + name))
        #expect(symlink(target, dir.file(".lanes/" + name)) == 0)
        let failure = message { try log.commit([.create(title: "second")], actor: "ann") }
        #expect(failure.contains(".lanes/\(name)") && failure.contains("symbolic link"), "\(failure)")
        #expect(dir.read("outside") == Array("someone's file\n".utf8))
        if name == "events" {
            #expect(message { _ = try EventLog.open(log.location) }.contains("symbolic link"), "reading never follows it either")
        }
    }

    @Test(arguments: ["lock", "torn", "events"])
    func aFIFOInsideTheBoardIsRefusedWithoutHanging(_ name: String) throws {
        let dir = TemporaryDirectory()
        let log = try board(dir)
        if name == "torn" { dir.write(".lanes/events", dir.read(".lanes/events") + Array("torn line".utf8)) }
        unlink(dir.file(".lanes/" + name))
        #expect(mkfifo(dir.file(".lanes/" + name), 0o600) == 0)
        let failure = message { try log.commit([.create(title: "second")], actor: "ann") }
        #expect(failure.contains(".lanes/\(name)") && failure.contains("not a regular file"), "\(failure)")
    }

    @Test(.enabled(if: getuid() == 0, "needs root to give a file another owner"))
    func aFileOfAnotherUserIsNotWritten() throws {
        let dir = TemporaryDirectory()
        let log = try board(dir)
        #expect(chmod(dir.path + "/.lanes", 0o777) == 0 && chown(dir.file(".lanes/lock"), 65534, 65534) == 0)
        let failure = message { try log.commit([.create(title: "second")], actor: "ann") }
        #expect(failure.contains(".lanes/lock") && failure.contains("belongs to user"), "\(failure)")
    }
}
