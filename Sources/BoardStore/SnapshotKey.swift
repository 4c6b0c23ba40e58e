#if canImport(Glibc)
import Glibc
#endif
import BoardModel

/// `.lanes/cache-key`: 16 random bytes made on this host, with which `.lanes/cache` is sealed.
///
/// The cache's checksums of the log are no secret: anyone can recompute them for a log they
/// have, so a cache that arrived with a clone could describe a board no event makes. A cache is
/// believed only if sealed with this key, which `.lanes/.gitignore` keeps out of git (and a key
/// or cache that git tracks is never used: `GitTracking`).
enum SnapshotKey {
    static let length = 16

    /// The board's key, if it has a whole one this user can read.
    static func read(_ location: BoardLocation) -> [UInt8]? {
        guard let fd = try? BoardFile.open(location.snapshotKeyPath, O_RDONLY) else { return nil }
        defer { close(fd) }
        guard let bytes = try? POSIXFile.read(fd, offset: 0, count: length + 1, path: location.snapshotKeyPath),
              bytes.count == length else { return nil }
        return bytes
    }

    /// The board's key, made now if it has none.
    static func readOrMake(_ location: BoardLocation) throws(BoardError) -> [UInt8] {
        if let key = read(location) { return key }
        let path = location.snapshotKeyPath
        var bytes = [UInt8](repeating: 0, count: length)
        guard getentropy(&bytes, length) == 0 else { throw .io("cannot make \(path): \(POSIXFile.errorText())") }
        // Written whole under another name, then linked into place: never half a key, and never
        // replacing the key another process made a moment ago (theirs wins; both use it).
        let temporary = path + ".tmp-\(getpid())"
        let shared = location.isShared
        let fd = try POSIXFile.createTemporary(temporary, mode: shared ? 0o660 : 0o666)
        defer { unlink(temporary) }
        do throws(BoardError) {
            if shared, fchmod(fd, 0o660) != 0 { throw .io("cannot set the mode of \(temporary): \(POSIXFile.errorText())") }
            try POSIXFile.writeAll(fd, bytes, path: temporary)
            close(fd)
        } catch {
            close(fd)
            throw error
        }
        guard link(temporary, path) == 0 || errno == EEXIST else { throw .io("cannot make \(path): \(POSIXFile.errorText())") }
        guard let key = read(location) else { throw .io("cannot read \(path)") }
        return key
    }
}
