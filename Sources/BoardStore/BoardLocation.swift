#if canImport(Glibc)
import Glibc
#endif
/// Where a board's files are: the `.lanes/` directory and the files inside it.
public struct BoardLocation: Hashable, Sendable {
    /// The directory holding `.lanes/` (a project, or the personal board's data directory).
    public var root: String
    /// True for the personal board under `$XDG_DATA_HOME/lanes/`.
    public var isPersonal: Bool

    public init(root: String, isPersonal: Bool = false) {
        self.root = root
        self.isPersonal = isPersonal
    }

    public static let directoryName = ".lanes"

    public var directory: String { Path.join(root, BoardLocation.directoryName) }
    public var eventsPath: String { Path.join(directory, "events") }
    public var lockPath: String { Path.join(directory, "lock") }
    public var tornPath: String { Path.join(directory, "torn") }
    /// The derived snapshot that makes opening a big board fast (see `SnapshotFile`).
    public var snapshotPath: String { Path.join(directory, "cache") }
    /// The key that seals the snapshot (see `SnapshotKey`).
    public var snapshotKeyPath: String { Path.join(directory, "cache-key") }

    /// A short name for the status line: the project directory's name, or "personal".
    public var name: String { isPersonal ? "personal" : Path.base(root) }

    /// The process's working directory.
    public static var currentDirectory: String { Path.absolute(".") }

    public var exists: Bool { POSIXFile.exists(eventsPath) }

    /// Why the log cannot even be looked at (permission denied: someone outside the board's
    /// group), or nil if it exists or is simply absent. Such a board is an error naming the file,
    /// never a reason to fall back to another board.
    public var unreadableReason: String? {
        var info = stat()
        guard stat(eventsPath, &info) != 0, errno != ENOENT, errno != ENOTDIR else { return nil }
        return "cannot read \(eventsPath): \(POSIXFile.errorText())"
    }

    /// A board shared by a group: its directory has the setgid bit (`lanes init --shared`).
    public var isShared: Bool {
        guard let info = POSIXFile.status(path: directory) else { return false }
        return info.st_mode & S_ISGID != 0
    }

    /// Picks the board: `--board DIR`, else `LANES_BOARD`, else the nearest `.lanes/` walking up
    /// from `workingDirectory` (as git finds `.git`), else the personal board.
    public static func resolve(board: String?, environment: [String: String], workingDirectory: String) -> BoardLocation {
        if let explicit = board ?? environment["LANES_BOARD"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return BoardLocation(root: rootFor(Path.absolute(explicit)))
        }
        var directory = workingDirectory
        while true {
            let found = BoardLocation(root: directory)
            if POSIXFile.isDirectory(found.directory), found.exists || found.unreadableReason != nil {
                return found
            }
            let parent = Path.parent(directory)
            if parent == directory { break }
            directory = parent
        }
        return personal(environment: environment)
    }

    /// `$XDG_DATA_HOME/lanes`, default `~/.local/share/lanes`.
    public static func personal(environment: [String: String]) -> BoardLocation {
        BoardLocation(root: XDGDirectories(environment: environment).data, isPersonal: true)
    }

    /// `--board` accepts the project directory or the `.lanes` directory itself.
    private static func rootFor(_ path: String) -> String {
        Path.base(path) == directoryName ? Path.parent(path) : path
    }
}
