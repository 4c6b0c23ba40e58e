#if canImport(Glibc)
import Glibc
#endif

/// The system calls through which the store changes files: `write`, `fsync` and `rename`.
///
/// Real code uses `.system`. Tests swap in a layer that fails the Nth call with ENOSPC or EIO,
/// to prove that every failure is reported and that no file is ever left half-written.
public struct FileLayer: Sendable {
    public var write: @Sendable (Int32, UnsafeRawPointer, Int) -> Int
    public var fsync: @Sendable (Int32) -> Int32
    public var rename: @Sendable (String, String) -> Int32

    public init(write: @escaping @Sendable (Int32, UnsafeRawPointer, Int) -> Int,
                fsync: @escaping @Sendable (Int32) -> Int32,
                rename: @escaping @Sendable (String, String) -> Int32) {
        self.write = write
        self.fsync = fsync
        self.rename = rename
    }

    public static let system = FileLayer(
        write: { Glibc.write($0, $1, $2) },
        fsync: { Glibc.fsync($0) },
        rename: { Glibc.rename($0, $1) }
    )
}
