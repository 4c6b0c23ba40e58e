import Foundation
import Testing
@testable import BoardIndex
import BoardStore

/// A command that must write the index while another process holds its write lock (a build
/// of a big board, or a lanes stopped with Ctrl-Z midway) says that it waits, instead of
/// hanging in silence for up to five minutes, and goes on once the lock is free.
@Suite struct IndexLockWaitTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    @Test func aCommandWaitingForTheIndexLockSaysSoAndGoesOn() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try lanes.run(["add", "first"])
        try lanes.run(["list"]) // the index is built
        // Another writer's line: the next command must catch the index up, under its write lock.
        let log = try EventLog.open(BoardLocation.resolve(board: nil, environment: lanes.environment, workingDirectory: scratch.path),
                                    snapshots: .off)
        try log.commit([.comment(1, "behind the index")], actor: "bob")
        // The lock held here, as another lanes holds it while it writes the index.
        let location = BoardLocation.resolve(board: nil, environment: lanes.environment, workingDirectory: scratch.path)
        let holder = try SQLiteDatabase(path: IndexFile(for: location, xdg: XDGDirectories(environment: lanes.environment)).path, create: false)
        try holder.execute("BEGIN IMMEDIATE")
        let stderr = scratch.path + "/show.err"
        let show = Process()
        show.executableURL = URL(fileURLWithPath: "/bin/sh")
        show.arguments = ["-c", lanes.shellCommand(["show", "1"]) + " >/dev/null 2>" + Tmux.quote(stderr)]
        try show.run()
        let said = eventually { (try? String(contentsOfFile: stderr, encoding: .utf8))?.contains("waiting for another lanes") == true }
        try holder.execute("COMMIT")
        show.waitUntilExit()
        #expect(said, "no word while waiting: \((try? String(contentsOfFile: stderr, encoding: .utf8)) ?? "")")
        #expect(show.terminationStatus == 0)
        let lines = try String(contentsOfFile: stderr, encoding: .utf8).split(separator: "\n")
        #expect(lines == ["lanes: waiting for another lanes to finish writing the board's index…"])
        #expect(try lanes.run(["show", "1"]).stdout.contains("behind the index"))
    }
}
