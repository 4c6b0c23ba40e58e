#if canImport(Glibc)
import Glibc
#endif
import BoardModel

/// `.lanes/cache`: the folded board as of a point in the log, so opening a big board reads
/// a compact file and the lines written since, instead of decoding and folding every event.
///
/// Derived and rebuildable: the log stays the truth. The cache names the log file (device and
/// inode) and how much of it it covers, with checksums of the covered bytes at both ends; if
/// any of that no longer holds (the log was replaced by a git pull, cut, edited) or the file is
/// damaged, it is ignored and the next full read writes a new one.
enum SnapshotFile {
    static let magic: Int64 = 0x3170_6E73_656E_616C // "lanesnp1" read as a little-endian integer
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
    }

    /// The coverage of a log of which `offset` bytes have been read, hashing through `fd`.
    static func coverage(fd: Int32, info: stat, offset: Int, nextLine: Int, version: Int, path: String) throws(BoardError) -> Coverage {
        let head = try POSIXFile.read(fd, offset: 0, count: min(offset, checkedBytes), path: path)
        let tailStart = max(0, offset - checkedBytes)
        let tail = try POSIXFile.read(fd, offset: tailStart, count: offset - tailStart, path: path)
        return Coverage(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), offset: offset, nextLine: nextLine,
                        version: version, headHash: hash(head), tailHash: hash(tail))
    }

    /// Writes the snapshot of `state` (whose events start at `offsets` in the log) atomically.
    static func write(_ state: BoardState, offsets: [Int64], coverage: Coverage, to path: String, shared: Bool) throws(BoardError) {
        var out = SnapshotWriter()
        out.int(magic)
        out.int64s([1]) // byte order of the arrays
        for value in [Int64(bitPattern: coverage.device), Int64(bitPattern: coverage.inode), Int64(coverage.offset),
                      Int64(coverage.nextLine), Int64(coverage.version),
                      Int64(bitPattern: coverage.headHash), Int64(bitPattern: coverage.tailHash)] {
            out.int(value)
        }
        out.int64s(offsets)
        state.writeSnapshot(to: &out)
        var bytes = out.bytes
        let sum = bytes.withUnsafeBytes { checksum($0) }
        withUnsafeBytes(of: sum.littleEndian) { bytes.append(contentsOf: $0) }
        try POSIXFile.writeAtomically(bytes, to: path, mode: shared ? 0o660 : nil)
    }

    /// The state and coverage stored at `path`, if the file is whole and still describes the log
    /// open at `fd` (whose status is `info`); nil otherwise.
    static func read(from path: String, log fd: Int32, info: stat, logPath: String) -> (BoardState, Coverage)? {
        let snapshotFD = open(path, O_RDONLY | O_CLOEXEC)
        guard snapshotFD >= 0 else { return nil }
        defer { close(snapshotFD) }
        guard let status = POSIXFile.status(path: path), status.st_size > 0,
              let state = try? POSIXFile.withMapped(snapshotFD, count: Int(status.st_size), path: path, { bytes in
                  decode(UnsafeRawBufferPointer(bytes), log: fd, info: info, logPath: logPath)
              }) else { return nil }
        return state
    }

    private static func decode(_ file: UnsafeRawBufferPointer, log fd: Int32, info: stat,
                               logPath: String) -> (BoardState, Coverage)? {
        // The last 8 bytes check all the others: a cache cut short or damaged anywhere is ignored.
        guard file.count > 8 else { return nil }
        let bytes = UnsafeRawBufferPointer(rebasing: file[..<(file.count - 8)])
        guard UInt64(littleEndian: file.loadUnaligned(fromByteOffset: file.count - 8, as: UInt64.self)) == checksum(bytes) else {
            return nil
        }
        var reader = SnapshotReader(bytes)
        do {
            guard try reader.int() == magic, try reader.int64s() == [1] else { return nil }
            var fields: [Int64] = []
            for _ in 0..<7 { fields.append(try reader.int()) }
            let coverage = Coverage(device: UInt64(bitPattern: fields[0]), inode: UInt64(bitPattern: fields[1]),
                                    offset: Int(fields[2]), nextLine: Int(fields[3]), version: Int(fields[4]),
                                    headHash: UInt64(bitPattern: fields[5]), tailHash: UInt64(bitPattern: fields[6]))
            guard coverage.device == UInt64(info.st_dev), coverage.inode == UInt64(info.st_ino),
                  coverage.offset > 0, coverage.offset <= Int(info.st_size), coverage.nextLine > 0,
                  let current = try? SnapshotFile.coverage(fd: fd, info: info, offset: coverage.offset, nextLine: coverage.nextLine,
                                                           version: coverage.version, path: logPath),
                  current == coverage else { return nil }
            let offsets = try reader.int64s()
            guard offsets.first.map({ $0 >= 0 }) ?? true, offsets.last.map({ $0 < Int64(coverage.offset) }) ?? true,
                  zip(offsets, offsets.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
            // The archive keeps a descriptor of its own: the caller closes `fd`.
            let archiveFD = dup(fd)
            guard archiveFD >= 0 else { return nil }
            let archive = LogArchive(path: logPath, fd: archiveFD, offsets: offsets, end: Int64(coverage.offset))
            let state = try BoardState(snapshot: &reader, archive: archive)
            guard reader.isAtEnd else { return nil }
            return (state, coverage)
        } catch {
            return nil
        }
    }

    /// A checksum of the whole cache, eight bytes at a time (tens of megabytes in milliseconds).
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var value: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        @inline(__always) func mix(_ word: UInt64) {
            value = (value ^ word) &* 0x0000_0100_0000_01B3
            value ^= value >> 29
        }
        let words = bytes.count / 8
        for index in 0..<words { mix(bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) }
        for index in (words * 8)..<bytes.count { mix(UInt64(bytes[index])) }
        return value
    }

    /// FNV-1a: enough to notice that the bytes at an end of the covered log changed.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return value
    }
}
