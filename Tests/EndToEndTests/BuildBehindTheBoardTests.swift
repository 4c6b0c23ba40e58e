import BoardStore
import Foundation
import Synchronization
import Testing
@testable import BoardIndex

/// The full-screen board after a clone builds the index from its own whole read, on another
/// thread, behind its first frame (`BoardSession.afterFirstFrame`, `WholeRead`,
/// `BoardIndex.build(_:environment:from:)`). Whatever happens between that read and the end of
/// the build (a change in the session, another writer's lines, the person quitting, another
/// `lanes` opening the board) must leave an index whose every answer is the fold of the whole
/// log, never one that believes the read covers more or less than it did.
///
/// What must happen *during* the build is held there, not raced: the test holds the write lock
/// of the board's index file (`HeldIndexLock`), which every build takes first, so the build
/// waits (SQLite's busy wait) until the test lets it go.
@Suite struct BuildBehindTheBoardTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }
    var indexDirectory: String { scratch.path + "/.cache/lanes/index" }
    /// A cache "directory" that is a file: a `lanes` given it has no index and reads the board whole.
    var whole: [String: String] { ["XDG_CACHE_HOME": scratch.path + "/not-a-directory"] }

    /// A board of 1,600 issues with long descriptions, as after a clone: no index, no cache. Its
    /// log (about 4.7 MB) is past the size from which the full-screen board keeps its whole read
    /// and builds the index from it (`SnapshotPolicy.minimumBytes`, 4 MB: a smaller board's next
    /// command builds it); few issues keep each whole read the test compares with short.
    func bigBoard() throws {
        _ = FileManager.default.createFile(atPath: scratch.path + "/not-a-directory", contents: Data())
        #expect(try lanes.run(["init"]).status == 0)
        try scratch.appendIssues(1_600, paragraphs: 40)
        #expect(logSize >= 4 << 20)
    }

    var logSize: Int { ((try? FileManager.default.attributesOfItem(atPath: scratch.path + "/.lanes/events"))?[.size] as? Int) ?? 0 }

    func builds() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: indexDirectory)) ?? []).filter { $0.contains("-build-") }
    }

    /// The meta of the index the board's commands read, if it has one.
    func meta() -> IndexMeta? {
        guard let name = (try? FileManager.default.contentsOfDirectory(atPath: indexDirectory))?
            .first(where: { $0.hasSuffix(".sqlite") && !$0.contains("-build-") }),
            let database = try? SQLiteDatabase(path: indexDirectory + "/" + name, create: false) else { return nil }
        return (try? IndexMeta.read(from: database)) ?? nil
    }

    /// Each command through the index prints what it prints from the whole board.
    func expectIndexedEqualsWhole(_ commands: [[String]], _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for arguments in commands {
            let indexed = try lanes.run(arguments), read = try lanes.run(arguments, extraEnvironment: whole)
            #expect(indexed.status == 0 && indexed.status == read.status, "\(label): \(arguments): \(indexed.stderr)", sourceLocation: sourceLocation)
            #expect(indexed.stdout == read.stdout, "\(label): \(arguments)", sourceLocation: sourceLocation)
        }
    }

    /// The full-screen board on `bigBoard`, its first frame drawn, its index build held; with
    /// `tornTail`, the log ends in half a line (a writer killed mid-line) when the board reads it.
    func boardOpenWithItsBuildHeld(tornTail: Bool = false) throws -> (HeldIndexLock, Tmux) {
        try bigBoard()
        if tornTail {
            let handle = try #require(FileHandle(forWritingAtPath: scratch.path + "/.lanes/events"))
            handle.seekToEndOfFile()
            handle.write(Data("1fff000000000001\t2026-11-21T10:00:00.000Z\tann\t#2\tcommented\thalf a li".utf8))
            try handle.close()
        }
        let held = try HeldIndexLock(board: scratch.path, environment: lanes.environment)
        let tmux = try lanes.inTmux(width: 100, height: 20)
        _ = try tmux.waitFor("the first frame") { $0.contains("Issue 1") }
        return (held, tmux)
    }

    static let commands = [
        ["list", "--format", "json"], ["list", "assignee:bob", "label:late", "--format", "csv"], ["list", "column:todo"],
        ["show", "1", "--format", "json"], ["show", "5", "--format", "json"],
    ]

    /// While the build waits: the person moves a card in the session (`L`), another writer
    /// (with no index of its own) adds an issue and comments on one. Then the build goes on
    /// from the read made before all that: the index it leaves holds every one of those
    /// lines, each once, and every command through it prints what the whole board gives. Also
    /// when the read ended in a torn line, which the other writer sets aside before it appends.
    @Test(.enabled(if: Tmux.available), arguments: [false, true])
    func changesMadeWhileTheBoardBuildsItsIndexAreInTheIndexOnce(tornTail: Bool) throws {
        let (held, tmux) = try boardOpenWithItsBuildHeld(tornTail: tornTail)
        defer { held.release() }
        let read = logSize
        // Another writer, after the session's read.
        #expect(try lanes.run(["add", "from another writer", "--assign", "bob", "--label", "late"], extraEnvironment: whole).stdout == "#1601\n")
        #expect(try lanes.run(["comment", "5", "@cy written after the read"], extraEnvironment: whole).status == 0)
        let theirs = logSize
        #expect(theirs > read)
        // The session's own change: the first card moves right.
        try tmux.send("L")
        #expect(eventually { logSize > theirs }, "the session saved its move")
        #expect(meta() == nil && builds().isEmpty, "the build waits for the held lock")
        held.release()
        #expect(eventually { meta()?.covered == logSize && builds().isEmpty }, "the build caught up with every line")
        #expect(meta()?.isDeferred == false)
        try tmux.send("q")
        _ = try tmux.waitFor("the board closed") { $0.contains("exit=0") }
        #expect(meta()?.covered == logSize)
        try expectIndexedEqualsWhole(Self.commands + [["show", "1601", "--format", "json"]], "after the held build")
        // The issue moved once (not folded twice) and commented once.
        let moved = try #require(try json(try lanes.run(["show", "1", "--format", "json"]).stdout) as? [String: Any])
        #expect(moved["column"] as? String != "backlog", "the session's move is in the index")
        #expect(try lanes.run(["show", "5"]).stdout.components(separatedBy: "written after the read").count == 2)
    }

    /// The person quits while the build waits: the board exits at once (the build is a killed
    /// one, nothing renamed over the index), and the next command builds the index and gives
    /// what the whole board gives.
    @Test(.enabled(if: Tmux.available)) func quittingWhileTheBuildWaitsExitsAndLeavesNothingBelieved() throws {
        let (held, tmux) = try boardOpenWithItsBuildHeld()
        defer { held.release() }
        try tmux.send("q")
        _ = try tmux.waitFor("the board closed while its build waits") { $0.contains("exit=0") }
        held.release()
        #expect(meta() == nil, "no index from a build that never ran")
        try expectIndexedEqualsWhole([["show", "1599", "--format", "json"], ["list", "is:open", "--format", "json"]], "after quitting")
        #expect(builds().isEmpty)
    }

    /// The person quits while the build writes its file (seen in the index directory): the
    /// board exits cleanly, the build's file is never renamed over the index, and the next
    /// command removes it and gives what the whole board gives. (A build that ends between
    /// the moment its file is seen and the quit is no quit midway: then the index is removed
    /// and the board opened again, a few times at most.)
    @Test(.enabled(if: Tmux.available)) func quittingWhileTheBuildWritesItsFileLeavesNothingBelieved() throws {
        try bigBoard()
        var attempts = 0, caught = false
        repeat {
            attempts += 1
            try? FileManager.default.removeItem(atPath: indexDirectory)
            try? FileManager.default.removeItem(atPath: scratch.path + "/.lanes/cache")
            let tmux = try lanes.inTmux(width: 100, height: 20)
            _ = try tmux.waitFor("the first frame") { $0.contains("Issue 1") }
            #expect(eventually { !builds().isEmpty || meta() != nil }, "the build started")
            try tmux.send("q")
            _ = try tmux.waitFor("the board closed") { $0.contains("exit=0") }
            caught = meta() == nil && !builds().isEmpty
        } while !caught && attempts < 5
        #expect(caught, "quit while the build's own file was written (\(attempts) attempts)")
        try expectIndexedEqualsWhole([["show", "1599", "--format", "json"], ["list", "is:open", "--format", "csv"]], "after quitting mid-build")
        #expect(builds().isEmpty, "the next build removed the quit one's file")
        #expect(try lanes.run(["add", "after the quit"]).stdout == "#1601\n")
    }

    /// Other `lanes` processes open the board while its build waits: a `list` (which, finding no
    /// index, builds one and answers from that build's fold) and a `show`. Whichever takes the
    /// lock first, each prints what the whole board gives, one index is left (whole, no stray
    /// build file), and a write through it afterwards is read back as the whole board reads it.
    @Test(.enabled(if: Tmux.available)) func otherProcessesOpeningWhileTheBoardBuildsGiveWhatTheWholeBoardGives() throws {
        let (held, tmux) = try boardOpenWithItsBuildHeld()
        defer { held.release() }
        // Another writer's line after the board's read, before the others open the board.
        #expect(try lanes.run(["assign", "7", "bob"], extraEnvironment: whole).status == 0)
        let others = [["list", "assignee:bob", "--format", "json"], ["list", "is:open"], ["show", "7", "--format", "json"]]
        let results = Mutex<[Int: LanesProcess.Result]>([:])
        let group = DispatchGroup()
        for (number, arguments) in others.enumerated() {
            DispatchQueue.global().async(group: group) { [lanes] in
                let result = try? lanes.run(arguments)
                results.withLock { $0[number] = result }
            }
        }
        Thread.sleep(forTimeInterval: 0.5) // they start and wait for the lock too (no result can come before the release)
        #expect(results.withLock { $0.isEmpty }, "the other processes wait for the index")
        held.release()
        #expect(group.wait(timeout: .now() + Tmux.patience) == .success)
        for (number, arguments) in others.enumerated() {
            let result = try #require(results.withLock { $0[number] }, "\(arguments)")
            let read = try lanes.run(arguments, extraEnvironment: whole)
            #expect(result.status == 0 && result.stdout == read.stdout, "\(arguments): \(result.stderr)")
        }
        #expect(eventually { builds().isEmpty && meta()?.isDeferred == false }, "the board's build completed the index")
        try tmux.send("q")
        _ = try tmux.waitFor("the board closed") { $0.contains("exit=0") }
        #expect(try lanes.run(["assign", "9", "Bob"]).status == 0)
        try expectIndexedEqualsWhole(others + [["show", "9", "--format", "json"]], "after the others")
        #expect(builds().isEmpty)
    }
}

/// The write lock of a board's index file, held by the test: every index build (and every
/// write through the index) waits for it, so what happens while a build waits is held there.
/// The file is made as a clone's first command finds it: an empty database, no meta.
final class HeldIndexLock: @unchecked Sendable {
    private let database: SQLiteDatabase
    private var held = true

    init(board: String, environment: [String: String]) throws {
        let location = BoardLocation.resolve(board: nil, environment: environment, workingDirectory: board)
        let file = IndexFile(for: location, xdg: XDGDirectories(environment: environment))
        try file.prepare()
        database = try SQLiteDatabase(path: file.path, create: true)
        try database.execute(IndexSchema.pragmas)
        try database.execute("BEGIN IMMEDIATE")
    }

    /// Lets the waiting build go on (once).
    func release() {
        guard held else { return }
        held = false
        try? database.execute("ROLLBACK")
        database.close()
    }
}
