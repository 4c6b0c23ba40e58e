#if canImport(Glibc)
import Glibc
#endif
import BoardModel
import BoardStore

/// Where a user last looked at a board's activity, kept per user per board outside the board
/// (in `$XDG_STATE_HOME/lanes/seen/`, default `~/.local/state/lanes/seen/`), so it is never
/// shared through the board's directory or git.
struct SeenMarker {
    let path: String

    init(board: String, user: String, environment: [String: String]) {
        let key = (board + "@" + user).map { $0 == "/" ? "%" : $0 }
        path = XDGDirectories(environment: environment).state + "/seen/" + String(key)
    }

    func read() -> Timestamp? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 32)
        guard fgets(&buffer, 32, file) != nil else { return nil }
        let text = String(decoding: buffer.prefix { $0 != 0 && $0 != 10 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Int64(text).map { Timestamp(milliseconds: $0) }
    }

    /// Best effort: losing the marker only means the next visit shows no "last seen" line.
    func write(_ time: Timestamp) {
        var directory = ""
        for part in path.split(separator: "/").dropLast() {
            directory += "/" + part
            mkdir(directory, 0o700)
        }
        guard let file = fopen(path + ".tmp", "w") else { return }
        fputs(String(time.milliseconds) + "\n", file)
        fclose(file)
        rename(path + ".tmp", path)
    }
}
