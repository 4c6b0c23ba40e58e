#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BoardModel

/// Thin, throwing wrappers over the POSIX calls the store needs, so that every failure becomes
/// a `BoardError.io` naming the file and the system's reason instead of being ignored.
package enum POSIXFile {
    package static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o666) throws(BoardError) -> Int32 {
        let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .io("cannot open \(path): \(errorText())") }
        return fd
    }

    /// Writes all of `bytes`, retrying short writes and EINTR.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String, layer: FileLayer = .system) throws(BoardError) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                layer.write(fd, raw.baseAddress! + written, raw.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io("cannot write \(path): \(errorText())")
            }
            written += n
        }
    }

    static func sync(_ fd: Int32, path: String, layer: FileLayer = .system) throws(BoardError) {
        guard layer.fsync(fd) == 0 else { throw .io("cannot sync \(path) to disk: \(errorText())") }
    }

    /// Reads `count` bytes starting at `offset` (fewer if the file is shorter).
    package static func read(_ fd: Int32, offset: Int, count: Int, path: String) throws(BoardError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        let done = try buffer.withUnsafeMutableBytes { raw in Result { () throws(BoardError) in try read(fd, offset: offset, into: raw, path: path) } }.get()
        if done < count { buffer.removeLast(count - done) }
        return buffer
    }

    /// Reads the bytes starting at `offset` into `buffer`; returns how many (fewer than it holds
    /// if the file is shorter).
    static func read(_ fd: Int32, offset: Int, into buffer: UnsafeMutableRawBufferPointer, path: String) throws(BoardError) -> Int {
        var done = 0
        while done < buffer.count {
            let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw .io("cannot read \(path): \(errorText())")
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Calls `body` with `count` bytes of the file from offset 0, mapped rather than copied:
    /// opening a 100 MB log should not first zero and copy 100 MB.
    static func withMapped<R>(_ fd: Int32, count: Int, path: String,
                              _ body: (UnsafeBufferPointer<UInt8>) throws(BoardError) -> R) throws(BoardError) -> R {
        guard count > 0 else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        guard let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw .io("cannot read \(path): \(errorText())")
        }
        defer { munmap(base, count) }
        madvise(base, count, MADV_SEQUENTIAL)
        return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
    }

    /// Tells the kernel the mapped pages before `offset` are no longer needed (they are
    /// dropped from this process's memory; the file is untouched).
    /// Hands back the whole pages of `mapping` between `start` and `end` (see below).
    static func releasePages(of mapping: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        guard let base = mapping.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (Int(bitPattern: base) + start + page - 1) / page * page
        let last = (Int(bitPattern: base) + end) / page * page
        if last > first { madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, MADV_DONTNEED) }
    }

    static func releasePages(of mapping: UnsafeBufferPointer<UInt8>, before offset: Int) {
        guard let base = mapping.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let length = offset / page * page
        if length > 0 { madvise(UnsafeMutableRawPointer(mutating: base), length, MADV_DONTNEED) }
    }

    package static func status(_ fd: Int32, path: String) throws(BoardError) -> stat {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io("cannot stat \(path): \(errorText())") }
        return info
    }

    package static func status(path: String) -> stat? {
        var info = stat()
        return stat(path, &info) == 0 ? info : nil
    }

    package static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    static func isDirectory(_ path: String) -> Bool {
        guard let info = status(path: path) else { return false }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates `path` and its missing parents.
    package static func makeDirectories(_ path: String, mode: mode_t = 0o777) throws(BoardError) {
        if isDirectory(path) { return }
        let parent = Path.parent(path)
        if parent != path, !parent.isEmpty { try makeDirectories(parent, mode: mode) }
        if mkdir(path, mode) != 0, errno != EEXIST {
            throw .io("cannot create directory \(path): \(errorText())")
        }
    }

    /// Writes a whole file atomically: temp file, fsync, rename, fsync the directory.
    /// `mode`, when given, is set exactly (not filtered by the umask) before the rename, so a
    /// shared board's files never exist with the wrong permissions.
    static func writeAtomically(_ bytes: [UInt8], to path: String, mode: mode_t? = nil,
                                layer: FileLayer = .system) throws(BoardError) {
        let directory = Path.parent(path)
        let temporary = path + ".tmp-\(getpid())"
        let fd = try createTemporary(temporary, mode: mode ?? 0o666)
        do throws(BoardError) {
            if let mode, fchmod(fd, mode) != 0 { throw BoardError.io("cannot set the mode of \(temporary): \(errorText())") }
            try writeAll(fd, bytes, path: temporary, layer: layer)
            try sync(fd, path: temporary, layer: layer)
            close(fd)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard layer.rename(temporary, path) == 0 else {
            let reason = errorText()
            unlink(temporary)
            throw .io("cannot rename \(temporary) to \(path): \(reason)")
        }
        try syncDirectory(directory, layer: layer)
    }

    /// Creates `path` afresh for writing. Never opens what is already there: on a shared board
    /// anyone in the group could have left a symlink at a predictable temporary name, pointing
    /// at a file of ours outside the board.
    static func createTemporary(_ path: String, mode: mode_t) throws(BoardError) -> Int32 {
        unlink(path)
        return try open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: mode)
    }

    static func syncDirectory(_ path: String, layer: FileLayer = .system) throws(BoardError) {
        let fd = try open(path, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        try sync(fd, path: path, layer: layer)
    }
}

/// String path helpers (no Foundation on the hot paths).
package enum Path {
    package static func join(_ a: String, _ b: String) -> String {
        a.hasSuffix("/") ? a + b : a + "/" + b
    }

    package static func parent(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    package static func base(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    package static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if path == "." { return cwd }
        return join(cwd, path.hasPrefix("./") ? String(path.dropFirst(2)) : path)
    }
}
