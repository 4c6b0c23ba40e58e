#if canImport(Glibc)
import Glibc
#endif
import BoardModel
import BoardInteraction
import BoardStore

/// Text written in `$EDITOR` whose save failed (full disk, a lock wait cancelled, a read-only
/// board), kept in `$XDG_STATE_HOME/lanes/recovery/` (default `~/.local/state/lanes/recovery/`)
/// and offered again the next time the same issue is edited or commented on.
///
/// Outside the board on purpose: the board's disk may be the full one, and a draft is personal.
public struct EditorRecovery {
    /// The recovery file (one per board and subject, e.g. `…/%home%ann%proj%.lanes-issue-12.txt`).
    public let path: String

    /// `subject` says what the text is for: `issue-12`, `comment-3-4`.
    public init(board: String, subject: String, environment: [String: String]) {
        let key = board.map { $0 == "/" ? "%" : $0 }
        path = XDGDirectories(environment: environment).state + "/recovery/" + String(key) + "-" + subject + ".txt"
    }

    /// The kept text, if a save of it failed earlier.
    public func draft() -> EditorTemplate.Draft? {
        TextFile.read(path).map { EditorTemplate.Draft(text: $0, path: path) }
    }

    /// Keeps `text`; returns why it could not be kept, or nil when it is safe on disk.
    public func keep(_ text: String) -> String? {
        var directory = ""
        for part in path.split(separator: "/").dropLast() {
            directory += "/" + part
            mkdir(directory, 0o700)
        }
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var failure: String?
        if written != bytes.count {
            failure = written < 0 ? String(cString: strerror(errno)) : "only \(written) of \(bytes.count) bytes written"
        } else if fsync(fd) != 0 {
            failure = String(cString: strerror(errno))
        }
        close(fd)
        guard failure == nil, rename(temporary, path) == 0 else {
            let reason = failure ?? String(cString: strerror(errno))
            unlink(temporary)
            return reason
        }
        return nil
    }

    /// Forgets the kept text once it has been saved (or deliberately emptied).
    public func discard() {
        unlink(path)
    }

    /// What to tell the person after a failed save: the error and where their text is.
    public func report(_ error: String, keepFailure: String?, what: String) -> String {
        guard let keepFailure else { return error + "; your \(what) is kept in " + path }
        return error + "; your \(what) could not be kept in " + path + " either (" + keepFailure + ")"
    }
}
