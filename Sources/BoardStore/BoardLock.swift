#if canImport(Glibc)
import Glibc
#endif
import BoardModel

/// The board's writer lock: an exclusive `flock` on `.lanes/lock`, a file that is never renamed
/// or replaced (a lock on a renamed file would stop excluding anyone).
///
/// The holder writes its pid into the file so that a waiting writer can say who it waits for.
package final class BoardLock {
    private let fd: Int32

    /// Blocks until the lock is held. `onWait` is called once, with the holder's pid if known,
    /// when the lock is still taken after a second. With `cancelled`, the wait polls instead of
    /// blocking and asks it every 10 ms; when it answers true the wait ends with an error.
    package init(path: String, shared: Bool, onWait: (Int?) -> Void, cancelled: (() -> Bool)? = nil) throws(BoardError) {
        let fd = try BoardFile.open(path, O_RDWR | O_CREAT, shared: shared)
        do {
            try BoardLock.acquire(fd, path: path, onWait: onWait, cancelled: cancelled)
        } catch {
            close(fd)
            throw error
        }
        self.fd = fd
        // Best effort: the pid is only a hint for waiters, never needed for correctness.
        if ftruncate(fd, 0) == 0 {
            _ = try? POSIXFile.writeAll(fd, Array("\(getpid())\n".utf8), path: path)
        }
    }

    /// Writers hold the lock for milliseconds: tries for a second quietly before saying so.
    private static func acquire(_ fd: Int32, path: String, onWait: (Int?) -> Void, cancelled: (() -> Bool)?) throws(BoardError) {
        var tries = 0
        var holder: Int?
        while true {
            let blocking = cancelled == nil && tries > 100
            if flock(fd, blocking ? LOCK_EX : LOCK_EX | LOCK_NB) == 0 { return }
            guard errno == EWOULDBLOCK || errno == EINTR else { throw .io("cannot lock \(path): \(POSIXFile.errorText())") }
            if cancelled?() == true {
                throw .io("stopped waiting for the board lock" + LockHolder.describe(holder) + "; nothing was saved")
            }
            if tries == 100 {
                holder = (try? POSIXFile.read(fd, offset: 0, count: 32, path: path))
                    .flatMap { Int(String(decoding: $0, as: UTF8.self).trimmingSpaces) }
                    .flatMap { kill(pid_t($0), 0) == 0 ? $0 : nil } // a stale hint is worse than none
                onWait(holder)
            }
            if !blocking { usleep(10_000) }
            tries += 1
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

/// How a waiting writer names the lock's holder: " held by pid 42 (lanes add)", from the pid
/// the holder wrote and its command line; "" if unknown. The command line is anyone's text:
/// sanitise before printing.
public enum LockHolder {
    public static func describe(_ pid: Int?) -> String {
        guard let pid else { return "" }
        return " held by pid \(pid)" + (command(pid).map { " (\($0))" } ?? "")
    }

    /// The program's name and its first argument unless that is a path, from /proc (Linux):
    /// "lanes add", "flock".
    static func command(_ pid: Int) -> String? {
        let path = "/proc/\(pid)/cmdline"
        guard let fd = try? POSIXFile.open(path, O_RDONLY) else { return nil }
        defer { close(fd) }
        guard let bytes = try? POSIXFile.read(fd, offset: 0, count: 256, path: path) else { return nil }
        let words = bytes.split(separator: 0, omittingEmptySubsequences: false).prefix(2)
            .map { String(decoding: $0, as: UTF8.self) }
        guard let program = words.first?.split(separator: "/").last else { return nil }
        return ([String(program)] + words.dropFirst().filter { !$0.isEmpty && !$0.contains("/") }).joined(separator: " ")
    }
}

extension BoardLocation {
    /// Runs `body` holding the board lock, for a program outside Lanes that replaces the log
    /// (git merging in `lanes sync`): no Lanes writer appends meanwhile, and each one that
    /// waited reopens the log under the lock, so it appends to the file `body` left.
    public func whileLocked<T>(onWait: (Int?) -> Void, _ body: () throws -> T) throws -> T {
        let lock = try BoardLock(path: lockPath, shared: isShared, onWait: onWait)
        return try withExtendedLifetime(lock) { try body() }
    }
}
