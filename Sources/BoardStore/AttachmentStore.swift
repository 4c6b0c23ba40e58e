#if canImport(Glibc)
import Glibc
#endif
import BoardModel

/// `.lanes/attachments/`: files that arrived by mail, kept for people to look at and never
/// opened, run or interpreted by Lanes.
///
/// Written like every board file: through a fresh temporary name (`O_EXCL | O_NOFOLLOW`),
/// synced and renamed, never executable; the directory must be a real directory, not a link
/// someone left there to send the files elsewhere.
public enum AttachmentStore {
    public static let directoryName = "attachments"

    /// The path, relative to the board's root, under which `name` is stored.
    public static func relativePath(_ name: String) -> String {
        BoardLocation.directoryName + "/" + directoryName + "/" + name
    }

    /// Saves `bytes` as `name` (a plain file name, no `/`). A file already there under that
    /// name is kept: names carry a hash of their content, so it is the same file, written by
    /// an earlier delivery of the same message.
    public static func save(_ bytes: [UInt8], as name: String, in location: BoardLocation,
                            layer: FileLayer = .system) throws(BoardError) {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else { throw .invalid("bad attachment name \(name)") }
        let directory = Path.join(location.directory, directoryName)
        var info = stat()
        if lstat(directory, &info) != 0 {
            guard errno == ENOENT else { throw .io("cannot read \(directory): \(POSIXFile.errorText())") }
            if mkdir(directory, location.isShared ? 0o2770 : 0o777) != 0, errno != EEXIST {
                throw .io("cannot create directory \(directory): \(POSIXFile.errorText())")
            }
            guard lstat(directory, &info) == 0 else { throw .io("cannot read \(directory): \(POSIXFile.errorText())") }
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw .io("\(directory) is not a directory (a link?); Lanes saves attachments only into a real directory; remove it")
        }
        let path = Path.join(directory, name)
        if let existing = POSIXFile.status(path: path), existing.st_mode & S_IFMT == S_IFREG, Int(existing.st_size) == bytes.count,
           lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
            return
        }
        try POSIXFile.writeAtomically(bytes, to: path, mode: location.isShared ? 0o660 : 0o644, layer: layer)
    }
}
