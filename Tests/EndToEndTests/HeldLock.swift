import Foundation

/// Another process holding a board's writer lock (`flock` on `.lanes/lock`, its pid written
/// there as Lanes writers do) until the test lets it go. A holder that lets go by itself after
/// a fixed time races the test on a loaded machine: the command meant to find the lock taken
/// can start after it is free, or before it is taken.
final class HeldLock {
    let pid: pid_t
    private let released: String

    /// Starts the holder and returns once the lock is held; `directory` keeps the file that
    /// lets it go.
    init(_ lock: String, releaseIn directory: String) throws {
        released = directory + "/lock-released-\(UInt32.random(in: 0...UInt32.max))"
        pid = Spawn.start("echo $$ > \(Tmux.quote(lock)); exec flock \(Tmux.quote(lock)) sh -c "
                          + Tmux.quote("while [ ! -e \(Tmux.quote(released)) ]; do sleep 0.05; done"))
        var status: Int32 = 0
        let held = eventually { Spawn.run("flock -n \(Tmux.quote(lock)) true").status != 0 || waitpid(pid, &status, WNOHANG) != 0 }
        guard held, waitpid(pid, &status, WNOHANG) == 0 else {
            release()
            throw HeldLockError(description: "the holder of \(lock) never took it")
        }
    }

    /// Lets the lock go and returns once it is free (the holder has exited).
    func release() {
        guard !FileManager.default.fileExists(atPath: released) else { return }
        _ = FileManager.default.createFile(atPath: released, contents: Data())
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    }

    deinit { release() }
}

struct HeldLockError: Error, CustomStringConvertible {
    var description: String
}
