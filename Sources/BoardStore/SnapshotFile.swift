#if canImport(Glibc)
import Glibc
#endif
import BoardModel

/// `.lanes/cache`: the folded board as of a point in the log, so opening a big board reads
/// a compact file and the lines written since, instead of decoding and folding every event.
///
/// Derived and rebuildable: the log stays the truth. The cache names the log file (device and
/// inode) and how much of it it covers, with checksums of the covered bytes (at both ends and
/// in full), and ends with a checksum of itself sealed with this host's key (`SnapshotKey`).
/// It is believed only if the seal holds and every covered byte still matches; otherwise (the
/// log was cut, edited, or replaced by a merge that changed those bytes; the cache is damaged,
/// stale or was made elsewhere) it is ignored and the next full read writes a new one.
enum SnapshotFile {
    static let magic: UInt64 = 0x6170_6E73_656E_616C // "lanesnpa" read as a little-endian integer (np9 lacked reporters)
    /// Bytes hashed at each end of the covered part of the log.
    static let checkedBytes = 4096

    struct Coverage: Equatable {
        var device: UInt64
        var inode: UInt64
        /// Bytes of the log covered (whole lines).
        var offset: Int
        /// The log line number after the covered part.
        var nextLine: Int
        /// The format version from the log's header.
        var version: Int
        var headHash: UInt64
        var tailHash: UInt64
        /// A checksum of all the covered bytes.
        var prefixHash: UInt64
    }

    /// The coverage of a log of which `offset` bytes have been read, hashing through `fd`.
    static func coverage(fd: Int32, info: stat, offset: Int, nextLine: Int, version: Int, path: String) throws(BoardError) -> Coverage {
        let (head, tail) = try endHashes(fd: fd, offset: offset, path: path)
        return Coverage(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), offset: offset, nextLine: nextLine,
                        version: version, headHash: head, tailHash: tail, prefixHash: try prefixHash(fd: fd, offset: offset, path: path))
    }

    /// Whether the two ends of the bytes `coverage` describes are still those of the log open
    /// at `fd`: a quick first test, before all of them are checked (`CoverageCheck`).
    ///
    /// All of them, even in the same file: Lanes only appends, but a person redacting a line in
    /// place (same length, same inode) changes bytes in the middle. A different file under the
    /// same name (a `git pull` writes the merged log anew) usually starts with the same bytes,
    /// as other people's events are newer than ours, and keeps its cache.
    static func endsMatch(_ coverage: Coverage, fd: Int32, info: stat, path: String) -> Bool {
        guard coverage.offset > 0, coverage.offset <= Int(info.st_size), coverage.nextLine > 0,
              let (head, tail) = try? endHashes(fd: fd, offset: coverage.offset, path: path) else { return false }
        return head == coverage.headHash && tail == coverage.tailHash
    }

    private static func endHashes(fd: Int32, offset: Int, path: String) throws(BoardError) -> (UInt64, UInt64) {
        let head = try POSIXFile.read(fd, offset: 0, count: min(offset, checkedBytes), path: path)
        let tailStart = max(0, offset - checkedBytes)
        let tail = try POSIXFile.read(fd, offset: tailStart, count: offset - tailStart, path: path)
        return (hash(head), hash(tail))
    }

    static func prefixHash(fd: Int32, offset: Int, path: String) throws(BoardError) -> UInt64 {
        try POSIXFile.withMapped(fd, count: offset, path: path) { bytes in
            // In windows whose pages are handed back as they are read, like the log's full read.
            var checksum = SnapshotChecksum()
            let window = 16 << 20
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + window)
                checksum.add(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<end])))
                POSIXFile.releasePages(of: bytes, before: end)
                start = end
            }
            return checksum.value
        }
    }

    /// Writes the snapshot of `state` (whose events start at `offsets` in the log) to a
    /// temporary file renamed into place, a megabyte at a time, sealed with `key`. Not synced:
    /// a cache lost or cut short by a crash fails its checksum and is rebuilt.
    static func write(_ state: BoardState, offsets: [Int64], coverage: Coverage, to path: String, shared: Bool,
                      key: [UInt8], layer: FileLayer = .system) throws(BoardError) {
        removeAbandonedTemporaries(of: path)
        let temporary = path + ".tmp-\(getpid())"
        let fd = try POSIXFile.createTemporary(temporary, mode: shared ? 0o660 : 0o666)
        var failure: BoardError?
        var checksum = SnapshotChecksum()
        func put(_ bytes: ArraySlice<UInt8>) {
            guard failure == nil else { return }
            bytes.withUnsafeBytes { checksum.add($0) }
            do { try POSIXFile.writeAll(fd, Array(bytes), path: temporary, layer: layer) } catch { failure = error }
        }
        var out = SnapshotWriter { buffer in
            let whole = buffer.count / SnapshotChecksum.blockSize * SnapshotChecksum.blockSize // whole blocks until the end
            put(buffer[..<whole])
            buffer.removeFirst(whole)
        }
        out.fixed(magic)
        out.int64s([1]) // byte order of the arrays
        out.fixed(coverage.device)
        out.fixed(coverage.inode)
        for value in [coverage.offset, coverage.nextLine, coverage.version] { out.int(value) }
        out.fixed(coverage.headHash)
        out.fixed(coverage.tailHash)
        out.fixed(coverage.prefixHash)
        out.int64s(offsets)
        state.writeSnapshot(to: &out)
        put(out.bytes[...])
        let sum = withUnsafeBytes(of: checksum.value.littleEndian) { Array($0) }
        put(sum[...])
        put(withUnsafeBytes(of: SipHash.hash(sum, key: key).littleEndian) { Array($0) }[...])
        if failure == nil, shared, fchmod(fd, 0o660) != 0 { failure = .io("cannot set the mode of \(temporary): \(POSIXFile.errorText())") }
        close(fd)
        if failure == nil, layer.rename(temporary, path) != 0 { failure = .io("cannot rename \(temporary): \(POSIXFile.errorText())") }
        if let failure {
            unlink(temporary)
            throw failure
        }
    }

    /// Deletes temporary files a killed process left while writing the cache (`cache.tmp-PID`
    /// whose process is gone), so a crash never leaves 40 MB behind for good.
    static func removeAbandonedTemporaries(of path: String) {
        let directory = Path.parent(path)
        let prefix = Path.base(path) + ".tmp-"
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count)) else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH { unlink(Path.join(directory, name)) }
        }
    }

    /// The state and coverage stored at `path`, if the file is whole, sealed with `key` and
    /// still describes the log open at `fd` (whose status is `info`); nil otherwise.
    static func read(from path: String, log fd: Int32, info: stat, logPath: String, key: [UInt8]) -> (BoardState, Coverage)? {
        guard let snapshotFD = try? BoardFile.open(path, O_RDONLY) else { return nil }
        defer { close(snapshotFD) }
        // The size of the file opened, not of whatever the name points to by now: another
        // process may rename a bigger cache into place, and mapping past the end would crash.
        guard let status = try? POSIXFile.status(snapshotFD, path: path), status.st_size > 0,
              let state = try? POSIXFile.withMapped(snapshotFD, count: Int(status.st_size), path: path, { bytes in
                  decode(UnsafeRawBufferPointer(bytes), log: fd, info: info, logPath: logPath, key: key,
                         texts: (snapshotFD, path, status))
              }) else { return nil }
        return state
    }

    /// `texts`: the cache file's descriptor, path and state before its bytes are checked, for
    /// the descriptions left in it.
    private static func decode(_ file: UnsafeRawBufferPointer, log fd: Int32, info: stat, logPath: String, key: [UInt8],
                               texts: (fd: Int32, path: String, checked: stat)) -> (BoardState, Coverage)? {
        // The last 16 bytes: a checksum of all the others (a cache cut short or damaged anywhere
        // is ignored), and that checksum sealed with this host's key (one made elsewhere is too).
        guard file.count > 16 else { return nil }
        let bytes = UnsafeRawBufferPointer(rebasing: file[..<(file.count - 16)])
        let storedSum = UInt64(littleEndian: file.loadUnaligned(fromByteOffset: file.count - 16, as: UInt64.self))
        let sum = Array(UnsafeRawBufferPointer(rebasing: file[(file.count - 16)..<(file.count - 8)]))
        guard UInt64(littleEndian: file.loadUnaligned(fromByteOffset: file.count - 8, as: UInt64.self)) == SipHash.hash(sum, key: key)
        else { return nil }
        var reader = SnapshotReader(bytes)
        do {
            guard try reader.fixed() == magic, try reader.int64s() == [1] else { return nil }
            let coverage = Coverage(device: try reader.fixed(), inode: try reader.fixed(),
                                    offset: Int(try reader.int()), nextLine: Int(try reader.int()), version: Int(try reader.int()),
                                    headHash: try reader.fixed(), tailHash: try reader.fixed(), prefixHash: try reader.fixed())
            guard endsMatch(coverage, fd: fd, info: info, path: logPath) else { return nil }
            // The cache's own bytes and every covered byte of the log are checked on the other
            // core while this one decodes; what is decoded is dropped unless both match. The
            // decoder checks every count and index it reads, so bytes not yet checked can make
            // it fail, never crash or allocate beyond the file's size.
            let check = CoverageCheck(cacheFD: texts.fd, cacheCount: bytes.count, cachePath: texts.path,
                                      fd: fd, offset: coverage.offset, path: logPath)
            defer { check.wait() } // never return (and let the callers close `fd` and the cache's) under the other thread
            // The pages decoded are handed back as the decode goes: the cache's size never adds
            // itself to the board's memory at its peak.
            let mapping = UnsafeBufferPointer(start: file.baseAddress?.assumingMemoryBound(to: UInt8.self), count: file.count)
            reader.passed = { position in POSIXFile.releasePages(of: mapping, before: position) }
            let decoded = decodeState(&reader, coverage: coverage, log: fd, logPath: logPath, texts: texts)
            guard check.wait() == CoverageCheck.Sums(cache: storedSum, log: coverage.prefixHash) else { return nil }
            return decoded
        } catch {
            return nil
        }
    }

    /// The offsets and board after the coverage, with an archive reading events back from the log.
    private static func decodeState(_ reader: inout SnapshotReader, coverage: Coverage, log fd: Int32,
                                    logPath: String, texts: (fd: Int32, path: String, checked: stat)) -> (BoardState, Coverage)? {
        do {
            // The descriptions stay in the file, which keeps a descriptor of its own.
            let textsFD = fcntl(texts.fd, F_DUPFD_CLOEXEC, 0)
            guard textsFD >= 0 else { return nil }
            reader.texts = CachedTexts(path: texts.path, fd: textsFD, checked: texts.checked).stored
            // So do each event's line start and timeline link (through descriptors of their own).
            reader.file = (texts.fd, texts.path)
            let offsets = try reader.lineStarts() // non-negative and ascending, or it throws
            guard offsets.count == 0 || offsets.last.map({ $0 < Int64(coverage.offset) }) == true else { return nil }
            // The archive keeps a descriptor of its own: the caller closes `fd`.
            let archiveFD = fcntl(fd, F_DUPFD_CLOEXEC, 0)
            guard archiveFD >= 0 else { return nil }
            let archive = LogArchive(path: logPath, fd: archiveFD, offsets: offsets, end: Int64(coverage.offset))
            let state = try BoardState(snapshot: &reader, archive: archive)
            guard reader.isAtEnd else { return nil }
            return (state, coverage)
        } catch {
            return nil
        }
    }

    /// FNV-1a: enough to notice that the bytes at an end of the covered log changed.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return value
    }
}
