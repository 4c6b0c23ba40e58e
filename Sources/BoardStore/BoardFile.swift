#if canImport(Glibc)
import Glibc
#endif
import BoardModel

/// Opening a file inside `.lanes/` safely.
///
/// On a board a group can write, any member can put anything at these names: a symbolic link
/// to a teammate's `~/.bashrc` as `torn`, a link to a root-only file as `lock`, a FIFO that
/// makes every reader hang. So a board file is never opened through a link (`O_NOFOLLOW`), must
/// be a regular file (checked with `fstat` on what was opened, so nothing can be swapped in
/// between), and a file about to be written must be owned as the board expects: on a shared
/// board by the board's group, on any other board by the user, the directory's owner or root,
/// and with no second hard link where others can write the directory.
package enum BoardFile {
    /// Opens `path` (inside a board directory) with `flags`; with `O_CREAT` a missing file is
    /// created, 0660 on a `shared` board whatever the umask.
    package static func open(_ path: String, _ flags: Int32, shared: Bool = false) throws(BoardError) -> Int32 {
        // O_NONBLOCK: opening a FIFO must not hang before fstat can say what it is.
        let safe = (flags & ~O_CREAT) | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC
        var fd: Int32 = -1
        if flags & O_CREAT != 0 {
            fd = Glibc.open(path, safe | O_CREAT | O_EXCL, shared ? 0o660 : 0o666)
            if fd >= 0, shared { _ = fchmod(fd, 0o660) }
        }
        if fd < 0 {
            if flags & O_CREAT != 0, errno != EEXIST { throw failure(path) }
            fd = Glibc.open(path, safe)
            guard fd >= 0 else { throw failure(path) }
        }
        do throws(BoardError) {
            try check(fd, path: path, writing: flags & (O_WRONLY | O_RDWR) != 0)
        } catch {
            close(fd)
            throw error
        }
        return fd
    }

    private static func failure(_ path: String) -> BoardError {
        if errno == ELOOP {
            return .io("\(path) is a symbolic link; Lanes never follows links inside \(BoardLocation.directoryName)/ "
                       + "(someone may want your writes to land in another file); remove it")
        }
        if errno == ENXIO { return notRegular(path) } // a FIFO without a reader, opened for writing
        return .io("cannot open \(path): \(POSIXFile.errorText())")
    }

    private static func notRegular(_ path: String) -> BoardError {
        .io("\(path) is not a regular file; Lanes opens only regular files inside \(BoardLocation.directoryName)/; remove it")
    }

    private static func check(_ fd: Int32, path: String, writing: Bool) throws(BoardError) {
        let info = try POSIXFile.status(fd, path: path)
        guard info.st_mode & S_IFMT == S_IFREG else { throw notRegular(path) }
        guard writing, let directory = POSIXFile.status(path: Path.parent(path)) else { return }
        if directory.st_mode & S_ISGID != 0 {
            guard info.st_gid == directory.st_gid else {
                throw .io("\(path) belongs to group \(groupName(info.st_gid)), not to the board's group \(groupName(directory.st_gid)); "
                          + "refusing to write to it (if it is the board's own file: chgrp \(groupName(directory.st_gid)) \(path))")
            }
        } else {
            guard [geteuid(), directory.st_uid, 0].contains(info.st_uid) else {
                throw .io("\(path) belongs to user \(userName(info.st_uid)), neither to you nor to the board's owner; refusing to write to it")
            }
        }
        if directory.st_mode & 0o022 != 0, info.st_nlink != 1 {
            throw .io("\(path) has \(info.st_nlink) hard links (another file shares it); refusing to write to it")
        }
    }

    private static func groupName(_ gid: gid_t) -> String {
        getgrgid(gid).flatMap { $0.pointee.gr_name }.map { String(cString: $0) } ?? String(gid)
    }

    private static func userName(_ uid: uid_t) -> String {
        getpwuid(uid).flatMap { $0.pointee.pw_name }.map { String(cString: $0) } ?? String(uid)
    }
}
