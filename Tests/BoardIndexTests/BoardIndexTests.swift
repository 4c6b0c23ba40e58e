import Foundation
import Synchronization
import Testing
@testable import BoardIndex
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// The index is derived and never believed: one from another board, a forged row or meta, a
/// truncated file and one a killed process left are rebuilt; a log that grew is caught up.
@Suite struct BoardIndexTests {
    /// A board with a few issues written through the log, and its index built.
    func boardWithIssues() throws -> IndexFixture {
        let fixture = try IndexFixture()
        let log = try EventLog.open(fixture.location, snapshots: .off)
        try log.commit([.create(title: "one", labels: ["bug"], assignees: ["Bob"]), .create(title: "two, see #1"),
                        .create(title: "three"), .move(1, to: "doing"), .comment(2, "about #3")], actor: "ann")
        let index = try fixture.open()
        #expect(index.rebuilds == 1)
        try fixture.checkpoint()
        return fixture
    }

    /// Runs SQL on the index file with no index open, as a hand edit or another program would.
    func edit(_ fixture: IndexFixture, _ sql: String) throws {
        let database = try SQLiteDatabase(path: fixture.indexPath, create: false)
        try database.execute(sql)
    }

    /// `assign` resolves names through the index: every spelling of a name, among assignees and
    /// authors, found by stepping through the spellings (a name assigned to 90,000 issues at 1M
    /// cost 50 ms when its every row was read).
    @Test func aNamesSpellingsAreFoundWithoutReadingEachOfItsIssues() throws {
        let fixture = try IndexFixture()
        let log = try EventLog.open(fixture.location, snapshots: .off)
        try log.commit([.create(title: "one", assignees: ["Bob"]), .create(title: "two", assignees: ["bob", "Zoë"]),
                        .create(title: "three", assignees: ["BOB"]), .create(title: "four", assignees: ["Bob"])], actor: "ann")
        try log.commit([.create(title: "five")], actor: "bOb")
        let index = try fixture.open()
        let resolved = try index.resolveUsers(["bob", "zoë", "@ANN", "nobody"], me: "ann")
        let fold = try EventLog.open(fixture.location, snapshots: .off).state
        let folded = fold.resolveUsers(["bob", "zoë", "@ANN", "nobody"], me: "ann")
        #expect(resolved.users == folded.users)
        #expect(resolved.unknown == folded.unknown)
        let plan = try index.database.statement("EXPLAIN QUERY PLAN " + BoardIndex.spellingsOfName).bind(.text("bob"))
        var steps: [String] = []
        while try plan.step() { steps.append(plan.text(3)) }
        #expect(steps.contains { $0.contains("COVERING INDEX assignees_by_spelling (name=? AND spelled>?)") }, "\(steps)")
    }

    @Test func aLogThatGrewIsCaughtUpWithoutARebuild() throws {
        let fixture = try boardWithIssues()
        let log = try EventLog.open(fixture.location, snapshots: .off)
        try log.commit([.create(title: "four #2"), .assign(4, ["ann"]), .close(1), .label(2, add: ["ui"], remove: [])], actor: "bob")
        let index = try fixture.open()
        #expect(index.rebuilds == 0)
        try fixture.expectMatchesFold(index)
    }

    @Test func anIndexFromAnotherBoardIsRebuilt() throws {
        let fixture = try boardWithIssues()
        let other = try IndexFixture()
        try EventLog.open(other.location, snapshots: .off).commit([.create(title: "elsewhere")], actor: "zoe")
        try FileManager.default.createDirectory(atPath: (other.indexPath as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixture.indexPath, toPath: other.indexPath)
        let index = try other.open()
        #expect(index.rebuilds == 1)
        try other.expectMatchesFold(index)
    }

    @Test(arguments: [
        "UPDATE issues SET rank = 99 WHERE number = 1",
        "UPDATE issues SET \"column\" = 'done' WHERE number = 2",
        "UPDATE issues SET data = (SELECT data FROM issues WHERE number = 3) WHERE number = 1",
        "UPDATE issues SET events = x'00' WHERE number = 3",
    ])
    func aForgedRowIsNotBelieved(sql: String) throws {
        let fixture = try boardWithIssues()
        try edit(fixture, sql)
        let index = try fixture.open()
        try fixture.expectMatchesFold(index)
        #expect(index.rebuilds == 1)
    }

    @Test(arguments: ["highest_number", "covered", "hidden_count", "event_count", "device"])
    func aForgedMetaIsNotBelieved(key: String) throws {
        let fixture = try boardWithIssues()
        try edit(fixture, "UPDATE meta SET value = value + 1 WHERE key = '\(key)'")
        let index = try fixture.open()
        #expect(index.rebuilds == 1)
        try fixture.expectMatchesFold(index)
    }

    @Test(arguments: [0, 100, 4096, 8192])
    func aTruncatedFileIsRebuilt(length: Int) throws {
        let fixture = try boardWithIssues()
        #expect(truncate(fixture.indexPath, off_t(length)) == 0)
        let index = try fixture.open()
        try fixture.expectMatchesFold(index)
    }

    @Test func aFileThatIsNoDatabaseIsReplaced() throws {
        let fixture = try boardWithIssues()
        try Data("not a database at all, but long enough to look like a header of one".utf8).write(to: URL(fileURLWithPath: fixture.indexPath))
        try fixture.expectMatchesFold(try fixture.open())
    }

    /// What a process killed between writing the meta and the rows would leave, if SQLite's
    /// transaction did not prevent it: the meta of a catch-up over the rows from before it.
    @Test func metaWithoutItsRowsIsRebuilt() throws {
        let fixture = try boardWithIssues()
        let before = try Data(contentsOf: URL(fileURLWithPath: fixture.indexPath))
        try EventLog.open(fixture.location, snapshots: .off).commit([.comment(1, "later"), .move(2, to: "review")], actor: "bob")
        _ = try fixture.open() // caught up: new rows and meta
        try fixture.checkpoint()
        let database = try SQLiteDatabase(path: fixture.indexPath, create: false)
        var meta: [(String, [UInt8], Int64, Bool)] = []
        let statement = try database.statement("SELECT key, value, typeof(value) = 'blob' FROM meta")
        while try statement.step() { meta.append((statement.text(0), statement.blob(1), statement.int(1), statement.int(2) == 1)) }
        try before.write(to: URL(fileURLWithPath: fixture.indexPath))
        let old = try SQLiteDatabase(path: fixture.indexPath, create: false)
        for (key, blob, integer, isBlob) in meta {
            try old.statement("UPDATE meta SET value = ? WHERE key = ?").bind(isBlob ? .blob(blob) : .integer(integer), .text(key)).run()
        }
        let index = try fixture.open()
        #expect(index.rebuilds == 1)
        try fixture.expectMatchesFold(index)
    }

    @Test func aTornTailIsNotCoveredUntilItsLineIsComplete() throws {
        let fixture = try boardWithIssues()
        var line: [UInt8] = []
        LineCodec.encode(Event(id: .random(), at: .now, actor: "bob", issue: 1, kind: .commented("finished later")), into: &line)
        try fixture.appendToLog(Array(line.dropLast(10)))
        let index = try fixture.open()
        #expect(index.meta.covered == fixture.log.count - (line.count - 10))
        try fixture.expectMatchesFold(index)
        try fixture.appendToLog(Array(line.suffix(10)))
        let again = try fixture.open()
        #expect(again.rebuilds == 0)
        try fixture.expectMatchesFold(again)
        #expect(try again.timeline(1).last?.kind == .commented("finished later"))
    }

    @Test func aWriteThroughTheIndexSetsATornTailAsideAsEventLogDoes() throws {
        let fixture = try boardWithIssues()
        try fixture.appendToLog(Array("2026-01-01T00:00:00Z bob #1 commented torn".utf8))
        let committed = try fixture.open().commit([.comment(1, "after the tear")], actor: "ann")
        #expect(committed.events.count == 1)
        let torn = String(decoding: fixture.directory.read("board/.lanes/torn"), as: UTF8.self)
        #expect(torn.contains("commented torn"))
        #expect(try EventLog.open(fixture.location, snapshots: .off).check().isEmpty)
        try fixture.expectMatchesFold(try fixture.open())
    }

    /// An event dated more than a day ahead is set aside by the fold, as a whole read does, and
    /// the index is rebuilt once the clock reaches it (`refold_at`).
    @Test func anEventDatedAheadIsSetAsideAndMarkedForARebuild() throws {
        let fixture = try boardWithIssues()
        let ahead = Timestamp(milliseconds: Timestamp.now.milliseconds + 3 * Timestamp.day)
        var line: [UInt8] = []
        LineCodec.encode(Event(id: .random(), at: ahead, actor: "bob", issue: 1, kind: .retitled("from the future")), into: &line)
        try fixture.appendToLog(line)
        let index = try fixture.open()
        #expect(index.meta.refoldAt == ahead.milliseconds)
        try fixture.expectMatchesFold(index)
    }

    /// Several processes catching up at once: each catch-up is one transaction under SQLite's
    /// write lock, with the meta read again inside it.
    @Test func severalReadersCatchingUpAtOnceAgree() throws {
        let fixture = try boardWithIssues()
        let log = try EventLog.open(fixture.location, snapshots: .off)
        for round in 0..<5 {
            try log.commit([.create(title: "round \(round)"), .comment(1, "round \(round) #2")], actor: "bob")
            let failures = Mutex(0)
            let (location, environment) = (fixture.location, fixture.environment)
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do { _ = try BoardIndex.open(location, environment: environment) } catch { failures.withLock { $0 += 1 } }
            }
            #expect(failures.withLock { $0 } == 0)
            try fixture.expectMatchesFold(try fixture.open())
        }
    }

    @Test func theIndexFileIsPrivateAndNeverALink() throws {
        let fixture = try boardWithIssues()
        var info = stat()
        #expect(lstat(fixture.indexPath, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(stat((fixture.indexPath as NSString).deletingLastPathComponent, &info) == 0 && info.st_mode & 0o777 == 0o700)
        let target = fixture.directory.file("elsewhere")
        try Data().write(to: URL(fileURLWithPath: target))
        try FileManager.default.removeItem(atPath: fixture.indexPath)
        try FileManager.default.createSymbolicLink(atPath: fixture.indexPath, withDestinationPath: target)
        #expect(throws: IndexUnavailable.self) { try fixture.open() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)).isEmpty)
    }
}
