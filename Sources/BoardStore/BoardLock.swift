#if canImport(Glibc)
import Glibc
#endif
import BoardModel

/// The board's writer lock: an exclusive `flock` on `.lanes/lock`, a file that is never renamed
/// or replaced (a lock on a renamed file would stop excluding anyone).
///
/// The holder writes its pid into the file so that a waiting writer can say who it waits for.
final class BoardLock {
    private let fd: Int32

    /// Blocks until the lock is held. `onWait` is called once, with the holder's pid if known,
    /// when the lock is still taken after a second.
    init(path: String, shared: Bool, onWait: (Int?) -> Void) throws(BoardError) {
        fd = try BoardFile.open(path, O_RDWR | O_CREAT, shared: shared)
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let reason = POSIXFile.errorText()
                close(fd)
                throw .io("cannot lock \(path): \(reason)")
            }
            // Writers hold the lock for milliseconds: wait a moment quietly before saying so.
            var waited = 0
            while waited < 100, flock(fd, LOCK_EX | LOCK_NB) != 0 {
                usleep(10_000)
                waited += 1
            }
            if waited == 100 {
                let holder = (try? POSIXFile.read(fd, offset: 0, count: 32, path: path))
                    .flatMap { Int(String(decoding: $0, as: UTF8.self).trimmingSpaces) }
                    .flatMap { kill(pid_t($0), 0) == 0 ? $0 : nil } // a stale hint is worse than none
                onWait(holder)
                while flock(fd, LOCK_EX) != 0 {
                    guard errno == EINTR else {
                        let reason = POSIXFile.errorText()
                        close(fd)
                        throw .io("cannot lock \(path): \(reason)")
                    }
                }
            }
        }
        // Best effort: the pid is only a hint for waiters, never needed for correctness.
        if ftruncate(fd, 0) == 0 {
            _ = try? POSIXFile.writeAll(fd, Array("\(getpid())\n".utf8), path: path)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
