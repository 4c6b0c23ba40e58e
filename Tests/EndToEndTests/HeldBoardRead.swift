import Foundation

/// Holds the full-screen board's whole read of the board at its start until the test lets it
/// go, so that what `lanes` does while the board is being read is seen for sure, not raced
/// against the read (which a loaded machine can finish first, or take its time over).
///
/// The read asks git whether it tracks `.lanes/cache` when the board is in a git work tree and
/// a cache or its key exists (`GitTracking.tracksAny`, the first thing the read does). Given
/// `environment` (a `git` first on PATH that waits for a file, then runs the real git), it waits
/// there. The board's directory is made a git work tree (nothing committed: git tracks nothing).
struct HeldBoardRead {
    let directory: String

    /// Sets the gate up in `directory` (created) for the board at `board`; fails the test if git
    /// is not there to hold it.
    init(in directory: String, board: String) throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let script = "#!/bin/sh\n: > \(Tmux.quote(directory + "/reached"))\n"
            + "while [ ! -e \(Tmux.quote(directory + "/released")) ]; do sleep 0.02; done\nexec /usr/bin/git \"$@\"\n"
        // Written by a child shell, never by this process: a process forked by a test running
        // beside this one would inherit a descriptor open for writing, and executing the file
        // would then fail with "text file busy".
        let made = Spawn.run("git init -q \(Tmux.quote(board)) && printf '%s' \(Tmux.quote(script)) > \(Tmux.quote(directory + "/git"))"
                             + " && chmod 755 \(Tmux.quote(directory + "/git"))")
        guard made.status == 0 else { throw HeldBoardReadError(description: "cannot set up the held read: \(made.output)") }
    }

    /// The environment of a `lanes` whose read is held: the gate first on PATH.
    var environment: [String: String] { ["PATH": directory + ":/usr/bin:/bin"] }

    /// Whether the read has come to the gate (and waits there until `release`).
    var reached: Bool { FileManager.default.fileExists(atPath: directory + "/reached") }

    /// Lets the read go on.
    func release() { _ = FileManager.default.createFile(atPath: directory + "/released", contents: Data()) }
}

struct HeldBoardReadError: Error, CustomStringConvertible {
    var description: String
}
