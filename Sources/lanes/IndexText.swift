#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import BoardIndex
import BoardStore

/// `lanes index-text` (not shown in help): builds the rest of the board's free-text index, a
/// slice at a time, at a low priority, one such process at a time (`BoardIndex.indexTextAlone`).
///
/// A free-text `lanes list` on an index without it reads the rows the index does not cover
/// rather than wait for it (a minute at a million issues), and starts this in the background
/// (`startInBackground`) so that the queries after it are narrowed by it again.
struct IndexText: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index-text",
        abstract: "Build the board's free-text index (started in the background by lanes list).",
        shouldDisplay: false
    )

    @OptionGroup var options: BoardOptions

    func run() throws {
        try BoardIndex.indexTextAlone(options.location, environment: options.environment)
    }

    /// Starts `lanes index-text --board ROOT` in a process group of its own, its input and
    /// output /dev/null, its errors into `BoardIndex.textBuildLog`, and does not wait for it:
    /// nobody waits for it, a terminal's Ctrl-C does not reach it, and a process killed midway
    /// leaves the slices it committed. `LANES_INDEX_TEXT_BEHIND=0` starts none (the next
    /// free-text queries then read the rows the index does not cover).
    static func startInBackground(_ location: BoardLocation, environment: [String: String]) {
        guard environment["LANES_INDEX_TEXT_BEHIND"] != "0" else { return }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, BoardIndex.textBuildLog(location, environment: environment),
                                         O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let words = ["lanes", configuration.commandName!, "--board", location.root]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        _ = posix_spawn(&pid, "/proc/self/exe", &actions, &attributes, argv, environ)
    }
}
