import Foundation
import Testing
@testable import BoardIndex
@testable import BoardModel
@testable import BoardStore
@testable import LanesApp
import LanesTestSupport
import Screen

/// The full-screen board's first frame drawn from the index before the board is read
/// (`FirstScreen`, `BoardIndex.firstScreen`) must be the frame the session draws once it is.
@Suite struct FirstScreenTests {
    let directory = TemporaryDirectory()
    var location: BoardLocation { BoardLocation(root: directory.file("board")) }
    var environment: [String: String] { ["XDG_CACHE_HOME": directory.file("cache"), "HOME": directory.path] }
    let now = Timestamp.now

    init() throws {
        try FileManager.default.createDirectory(atPath: directory.file("board"), withIntermediateDirectories: true)
        try EventLog.create(location, now: Timestamp(milliseconds: now.milliseconds - 40 * Timestamp.day))
    }

    /// 90 issues over the columns, a month old or fresh: archived, deleted, closed, snoozed into
    /// next week (waiting), labelled, assigned, prioritised, one blocked by an open issue.
    func seed() throws {
        let log = try EventLog.open(location, snapshots: .off)
        let old = Timestamp(milliseconds: now.milliseconds - 30 * Timestamp.day)
        let columns = ["backlog", "todo", "doing", "review", "done"]
        try log.commit((1...90).map { .create(title: "Card \($0) 日本語", column: columns[$0 * 7 % 5],
                                             labels: $0 % 4 == 0 ? ["bug"] : []) }, actor: "ann", now: old)
        let today = DayClock(now: now).today
        try log.commit([.assign(3, ["bob"]), .prioritise(4, .high), .close(5), .lifecycle(6, .archived),
                        .lifecycle(7, .deleted), .snooze(8, today.adding(days: 7)), .snooze(12, today.adding(days: 3)),
                        .link(9, .blockedBy, 10), .move(11, to: "todo", rank: -1), .comment(13, "fresh")]
                       + (20...40).map { .comment($0, "recent") }, actor: "bob", now: now)
    }

    func firstScreen(width: Int, height: Int, index: BoardIndex) -> CellGrid? {
        let configuration = Configuration(rcFiles: [], environment: ["LANG": "C.UTF-8"], board: index.boardState)
        guard let (state, projection) = index.firstScreen(cardsPerColumn: FirstScreen.cardsPerColumn(height: height), now: now,
                                                          zone: .current, staleAfterDays: configuration.settings.staleAfterDays)
        else { return nil }
        return FirstScreen(state: state, projection: projection, configuration: configuration, actor: "ann",
                           boardName: location.name, readOnlyReason: nil, warnings: [], greeting: nil,
                           width: width, height: height, now: now)?.frame()
    }

    func sessionFrame(width: Int, height: Int) throws -> CellGrid {
        let log = try EventLog.open(location)
        let configuration = Configuration(rcFiles: [], environment: ["LANG": "C.UTF-8"], board: log.state)
        let session = BoardSession(log: log, screen: MemoryScreen(width: width, height: height), configuration: configuration,
                                   actor: "ann", now: { now })
        return session.frame()
    }

    @Test func theFirstScreenFromTheIndexIsTheSessionsFirstFrame() throws {
        try seed()
        let index = try BoardIndex.open(location, environment: environment)
        for (width, height) in [(200, 50), (80, 24), (100, 12), (40, 8)] {
            let first = try #require(firstScreen(width: width, height: height, index: index), "\(width)x\(height)")
            let session = try sessionFrame(width: width, height: height)
            #expect(first.text == session.text, "\(width)x\(height)")
        }
        // What the frame shows: the counts without the archived, deleted and waiting issues.
        let text = try #require(firstScreen(width: 200, height: 50, index: index)).text
        #expect(text.contains("waiting"))
        #expect(text.contains("stale"))
        #expect(text.contains("88 issues"))
    }

    @Test func anotherWritersLinesBeforeTheBoardIsReadAreOnTheSessionsFrame() throws {
        try seed()
        let index = try BoardIndex.open(location, environment: environment)
        let first = try #require(firstScreen(width: 120, height: 30, index: index))
        // Another writer, after the first screen was drawn and before the board is read.
        let other = try EventLog.open(location)
        try other.commit([.create(title: "Written meanwhile", column: "backlog"), .move(1, to: "done", rank: -5)], actor: "cy", now: now)
        let session = try sessionFrame(width: 120, height: 30)
        #expect(!first.text.contains("Written meanwhile"))
        #expect(session.text.contains("89 issues") && first.text.contains("88 issues"))
        #expect(session.text != first.text)
        // And the next first screen, its index caught up, shows it as the session does.
        let caughtUp = try #require(BoardIndex.openIfCurrent(location, environment: environment))
        #expect(try #require(firstScreen(width: 120, height: 30, index: caughtUp)).text == session.text)
    }

    @Test func anIndexThatIsMissingStaleOrForeignIsNotUsedAndNotRebuilt() throws {
        try seed()
        #expect(BoardIndex.openIfCurrent(location, environment: environment) == nil, "no index yet: none is built")
        #expect(!FileManager.default.fileExists(atPath: IndexFile(for: location, xdg: XDGDirectories(environment: environment)).path))
        _ = try BoardIndex.open(location, environment: environment)
        #expect(BoardIndex.openIfCurrent(location, environment: environment) != nil)

        // The log replaced by another file (a git pull): the index would be rebuilt, so it is not used.
        let path = location.eventsPath
        let bytes = directory.read("board/.lanes/events")
        try Data(bytes).write(to: URL(fileURLWithPath: path + ".new"))
        #expect(rename(path + ".new", path) == 0)
        #expect(BoardIndex.openIfCurrent(location, environment: environment) == nil)
        let rebuilt = try BoardIndex.open(location, environment: environment)
        #expect(rebuilt.rebuilds == 1, "openIfCurrent left the rebuild to the next command")
        #expect(BoardIndex.openIfCurrent(location, environment: environment) != nil)

        // The last line the index covers edited in place (same length, same file).
        var edited = bytes
        let at = try #require(edited.lastIndex(of: UInt8(ascii: "r")))
        edited[at] = UInt8(ascii: "R")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seek(toFileOffset: 0)
        handle.write(Data(edited))
        try handle.close()
        #expect(BoardIndex.openIfCurrent(location, environment: environment) == nil)

        // Another board's index under this board's name.
        let other = TemporaryDirectory()
        let otherLocation = BoardLocation(root: other.path)
        try EventLog.create(otherLocation)
        let otherEnvironment = ["XDG_CACHE_HOME": other.file("cache"), "HOME": other.path]
        _ = try BoardIndex.open(otherLocation, environment: otherEnvironment)
        let mine = IndexFile(for: location, xdg: XDGDirectories(environment: environment)).path
        let theirs = IndexFile(for: otherLocation, xdg: XDGDirectories(environment: otherEnvironment)).path
        try SQLiteDatabase(path: theirs, create: false).execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for suffix in ["", "-wal", "-shm"] { unlink(mine + suffix) }
        try FileManager.default.copyItem(atPath: theirs, toPath: mine)
        #expect(BoardIndex.openIfCurrent(location, environment: environment) == nil)
    }
}
