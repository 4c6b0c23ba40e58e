#if canImport(Glibc)
import Glibc
#endif
import CSQLite

/// How a connection waits for another's write lock on the index (SQLite's busy handler): up
/// to `limit`, and once it has waited `sayAfter`, it tells `waiting` (the command says so on
/// stderr), once per wait.
///
/// Why: another lanes may hold the lock for as long as a build takes (20 s at a million
/// issues), or indefinitely if it was stopped (Ctrl-Z); `sqlite3_busy_timeout` waited up to
/// five minutes in silence, so the command looked hung. The board lock already says whom a
/// writer waits for (`BoardLock`'s `onWait`).
final class LockWait {
    let limit: Int64
    let sayAfter: Int64
    private let waiting: () -> Void
    private var started: Int64 = 0
    private var said = false

    /// `limit` and `sayAfter` in milliseconds.
    init(limit: Int64, sayAfter: Int64, waiting: @escaping () -> Void) {
        self.limit = limit
        self.sayAfter = sayAfter
        self.waiting = waiting
    }

    /// Whether to try the lock again (after a short sleep), `count` being how often this wait
    /// has already been told the lock is busy (0: a new wait).
    func retries(_ count: Int32) -> Bool {
        let now = LockWait.milliseconds()
        if count == 0 { (started, said) = (now, false) }
        let waited = now - started
        guard waited < limit else { return false }
        if waited >= sayAfter, !said {
            said = true
            waiting()
        }
        usleep(useconds_t(min(Int64(count) + 1, 20) * 5_000)) // 5 ms, growing to 100 ms
        return true
    }

    private static func milliseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000 + Int64(time.tv_nsec) / 1_000_000
    }

    /// Installs `wait` as `handle`'s busy handler; the caller keeps `wait` alive as long as the connection.
    static func install(_ wait: LockWait, on handle: OpaquePointer?) {
        sqlite3_busy_handler(handle, { context, count in
            guard let context else { return 0 }
            return Unmanaged<LockWait>.fromOpaque(context).takeUnretainedValue().retries(count) ? 1 : 0
        }, Unmanaged.passUnretained(wait).toOpaque())
    }
}
