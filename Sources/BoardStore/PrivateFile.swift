#if canImport(Glibc)
import Glibc
#endif
import BoardModel

/// Whole-file reads and writes of small files only their owner may see (`authorized_keys`,
/// `.lanes/roles`): each write goes to a temporary file that is synced and renamed over the
/// old one, and the directory is synced, so a crash or `kill -9` at any moment leaves either
/// the old file or the new one, never half of one. Writers take turns on a lock file beside it.
public enum PrivateFile {
    /// The file's text, or nil when there is none.
    public static func read(_ path: String) throws(BoardError) -> String? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw .io("cannot read \(path): \(POSIXFile.errorText())")
        }
        defer { close(fd) }
        let size = Int(try POSIXFile.status(fd, path: path).st_size)
        return String(decoding: try POSIXFile.read(fd, offset: 0, count: size, path: path), as: UTF8.self)
    }

    /// Replaces the file atomically with `text`, keeping the old file's mode (`mode` for a new one).
    public static func write(_ text: String, to path: String, mode: mode_t = 0o600, layer: FileLayer = .system) throws(BoardError) {
        let kept = POSIXFile.status(path: path).map { $0.st_mode & 0o7777 } ?? mode
        try POSIXFile.writeAtomically(Array(text.utf8), to: path, mode: kept, layer: layer)
    }

    /// Runs `body` holding an exclusive lock on `lockPath` (a file never renamed), so two
    /// `lanes access` runs cannot both read the old file and each drop the other's change.
    public static func whileLocked<T>(_ lockPath: String, _ body: () throws -> T) throws -> T {
        let lock = try BoardLock(path: lockPath, shared: false, onWait: { _ in })
        defer { withExtendedLifetime(lock) {} }
        return try body()
    }

    /// Makes a directory private to its owner (0700), if it is not already.
    public static func makePrivate(_ directory: String) throws(BoardError) {
        guard let info = POSIXFile.status(path: directory), info.st_mode & 0o077 != 0 else { return }
        guard chmod(directory, info.st_mode & 0o7700) == 0 else {
            throw .io("cannot make \(directory) private: \(POSIXFile.errorText())")
        }
    }

    /// Creates a missing directory (and its parents) private to its owner; an existing one is left as it is.
    public static func makeDirectory(_ path: String) throws(BoardError) {
        try POSIXFile.makeDirectories(path, mode: 0o700)
    }

    /// Appends one line and syncs it (the file is created 0600, never through a link).
    public static func append(line: String, to path: String) throws(BoardError) {
        let fd = Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .io("cannot open \(path): \(POSIXFile.errorText())") }
        defer { close(fd) }
        try POSIXFile.writeAll(fd, Array((line + "\n").utf8), path: path)
        try POSIXFile.sync(fd, path: path)
    }
}
