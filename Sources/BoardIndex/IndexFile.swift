#if canImport(Glibc)
import Glibc
#endif
import BoardModel
import BoardStore

/// Where a board's index lives and how its file is opened safely.
///
/// Per user, never inside `.lanes/` (a shared board's members each keep their own, and git
/// never sees it): `$XDG_CACHE_HOME/lanes/index/<name>-<key>.sqlite`, the key a hash of the
/// board's real path. The directory is the user's own and private (0700); the file is a
/// regular file the user owns, 0600, opened without following links, so nobody else can
/// read another's backlog through it or plant a file for them to trust.
struct IndexFile {
    let path: String

    /// The index file of the board at `location`, for the user whose directories `xdg` gives.
    init(for location: BoardLocation, xdg: XDGDirectories) {
        let root = IndexFile.realPath(location.root)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a: a name, not a secret; the meta table says whose it is
        for byte in root.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01b3 }
        let hex = String(hash, radix: 16)
        let name = String(Path.base(root).unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_") }.prefix(32))
        path = Path.join(IndexFile.directory(xdg), (name.isEmpty ? "board" : name) + "-" + String(repeating: "0", count: 16 - hex.count) + hex + ".sqlite")
    }

    static func directory(_ xdg: XDGDirectories) -> String { Path.join(xdg.cache, "index") }

    /// Makes sure the directory is the user's own and private and the file, if there, is a
    /// regular file of the user's, 0600, with no other name; creates an empty one if missing.
    func prepare() throws(IndexUnavailable) {
        let directory = Path.parent(path)
        do {
            try POSIXFile.makeDirectories(directory, mode: 0o700)
        } catch {
            throw IndexUnavailable(reason: error.description)
        }
        var info = stat()
        guard lstat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid() else {
            throw IndexUnavailable(reason: "\(directory) is not a directory of yours")
        }
        if info.st_mode & 0o077 != 0, chmod(directory, 0o700) != 0 {
            throw IndexUnavailable(reason: "cannot make \(directory) private: \(POSIXFile.errorText())")
        }
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw IndexUnavailable(reason: "cannot open \(path): \(POSIXFile.errorText())") }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(), info.st_nlink == 1 else {
            throw IndexUnavailable(reason: "\(path) is not a regular file of yours")
        }
        if info.st_mode & 0o777 != 0o600 { _ = fchmod(fd, 0o600) }
    }

    /// Deletes the file and SQLite's files beside it: a damaged index is rebuilt from scratch.
    func remove() {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    /// The path with links resolved (the same board reached two ways has one index).
    private static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// The index cannot be used at all (the cache directory is not the user's, say): the command
/// then reads the board as it did before there was an index.
public struct IndexUnavailable: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}
