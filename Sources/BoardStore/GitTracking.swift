#if canImport(Glibc)
import Glibc
#endif

/// Whether git tracks a file of the board. A `.lanes/cache` (or its key) in git came from
/// whoever committed it, not from this host: it is never believed, however well it checks out.
enum GitTracking {
    /// True if the board's root is in a git work tree and git tracks any of `paths` (relative
    /// to `root`). Costs one `git ls-files`, only inside a work tree.
    static func tracksAny(_ paths: [String], root: String) -> Bool {
        guard isInWorkTree(root) else { return false }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        let words = ["git", "-C", root, "ls-files", "-z", "--"] + paths
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "git", &actions, nil, argv, environ) == 0
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }
        guard spawned else { return false } // no git: nothing here came through git on this host
        var listed = 0
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(pipeEnds[0], &buffer, buffer.count)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            listed += n
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return listed > 0
    }

    /// Whether `directory` or one above it holds `.git` (a directory, or a file in a worktree).
    private static func isInWorkTree(_ directory: String) -> Bool {
        var current = directory
        while true {
            if POSIXFile.exists(Path.join(current, ".git")) { return true }
            let parent = Path.parent(current)
            if parent == current { return false }
            current = parent
        }
    }
}
