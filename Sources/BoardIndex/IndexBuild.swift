#if canImport(Glibc)
import Glibc
#endif
import BoardStore
import Dispatch

/// A whole index written into a file of its own beside the index (`<index>-build-<pid>-<n>`),
/// then synced and renamed over it: how a board's first index is built.
///
/// Nothing else reads the file while it is written, so SQLite keeps no journal, never syncs
/// and takes no locks per statement (`pragmas`); the rename makes the finished file the index
/// in one step. A process killed before it leaves the old index and a stray file, which the
/// next build removes (`removeStrays`): each build holds an `flock` on its file, so a stray is
/// a file nobody holds.
///
/// Only an index nobody can be using may be replaced this way (`BoardIndex.replaceable`): the
/// write-ahead log and its shared-memory file keep their names across the rename, so they
/// must hold nothing of the old file, and a connection still open on the old file notices
/// (`SQLiteDatabase.hasMoved`) and opens the new one (`IndexReplaced`).
final class IndexBuild {
    let path: String
    private(set) var database: SQLiteDatabase?
    /// Open, with an exclusive `flock`, until the file is renamed or abandoned (then -1).
    private var holder: Int32

    /// No journal, no syncs, one lock for the whole build, and room in memory for the pages of
    /// the indexes being filled (a small cache spills and reads them back, over and over). The
    /// default temporary store: with it, `CREATE INDEX` sorts its entries in one block of
    /// memory as large as the cache (so no file, at a million issues either) instead of one
    /// allocation each, which cost a fifth of the secondary indexes' time.
    static let pragmas = """
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE;
        PRAGMA cache_size=-262144; PRAGMA foreign_keys=OFF;
        """

    /// Removes what killed builds of `file` left, then creates this build's file.
    init(of file: IndexFile) throws {
        IndexBuild.removeStrays(of: file)
        path = file.path + IndexBuild.marker + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        holder = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard holder >= 0 else { throw IndexUnavailable(reason: "cannot create \(path): \(POSIXFile.errorText())") }
        guard flock(holder, LOCK_EX | LOCK_NB) == 0 else {
            close(holder)
            throw IndexUnavailable(reason: "cannot lock \(path): \(POSIXFile.errorText())")
        }
        do {
            let database = try SQLiteDatabase(path: path, create: true)
            try database.execute(IndexBuild.pragmas)
            self.database = database
        } catch {
            abandon()
            throw error
        }
    }

    /// The connection to the file being built, until `finish`.
    func opened() throws -> SQLiteDatabase {
        guard let database else { throw IndexUnavailable(reason: "\(path) is closed") }
        return database
    }

    /// Starts syncing what has been written to the file so far, on another thread: a build
    /// bigger than SQLite's cache writes most of its pages as it goes, and the disk writes them
    /// while this core goes on, so that `finish` waits only for the rest (at a million issues,
    /// 600 MB that the one sync at the end wrote after all the work, 0.8–2.4 s).
    func syncSoFar() {
        guard holder >= 0 else { return }
        let fd = dup(holder) // its own descriptor: `finish` may close the holder meanwhile
        guard fd >= 0 else { return }
        DispatchQueue.global(qos: .utility).async {
            _ = fdatasync(fd)
            close(fd)
        }
    }

    /// Closes the built database, marks it as written in write-ahead-log mode (what every
    /// connection sets: so the first one need not rewrite its header), syncs it and renames it
    /// over `file`, then syncs the directory.
    func finish(over file: IndexFile) throws {
        database = nil
        var version: [UInt8] = [2, 2] // the header's file format write and read versions: 2 is WAL
        guard pwrite(holder, &version, 2, 18) == 2, fsync(holder) == 0,
              rename(path, file.path) == 0 else {
            let reason = "cannot put \(path) in place: \(POSIXFile.errorText())"
            abandon()
            throw IndexUnavailable(reason: reason)
        }
        close(holder)
        holder = -1
        let directory = open(Path.parent(file.path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            _ = fsync(directory)
            close(directory)
        }
    }

    /// Deletes the unfinished file (a build that failed); nothing once finished or abandoned.
    func abandon() {
        database = nil
        guard holder >= 0 else { return }
        unlink(path)
        close(holder)
        holder = -1
    }

    private static let marker = "-build-"

    /// Deletes the files of builds of `file` whose process is gone (nobody holds their `flock`).
    static func removeStrays(of file: IndexFile) {
        let directory = Path.parent(file.path)
        let prefix = Path.base(file.path) + marker
        guard let stream = opendir(directory) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasPrefix(prefix) else { continue }
            let stray = Path.join(directory, name)
            let fd = open(stray, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { continue }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { unlink(stray) }
            close(fd)
        }
    }
}

/// A new index was renamed over the file this connection has open (by this process's build
/// or another's): connect to the new one.
struct IndexReplaced: Error {}

extension BoardIndex {
    /// Runs `body`; if the index file was replaced under it, connects to the new file and runs
    /// it again (a build replaces the file once; more than a few times in a row is not an index
    /// that can be kept).
    func followingReplacement<T>(_ body: () throws -> T) throws -> T {
        for _ in 0..<3 {
            do {
                return try body()
            } catch is IndexReplaced {
                database.close()
                database = try BoardIndex.connect(file, onLockWait: onLockWait)
            }
        }
        throw IndexUnavailable(reason: "\(file.path) was replaced over and over while in use")
    }
}
