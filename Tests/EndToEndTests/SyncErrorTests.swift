import Foundation
import Testing

/// When git fails, `lanes sync` says why in one line: git's own `fatal:` or `error:` line, not
/// the last line of its advice ("and the repository exists."), which is what an unreachable
/// remote (a laptop offline, a moved repository) used to give.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is not installed"))
struct SyncErrorTests {
    let scratch = Scratch()

    func git(_ arguments: [String], in directory: String) throws -> LanesProcess.Result {
        try LanesProcess(home: scratch.path).run(["/usr/bin/git"] + arguments, in: directory, direct: true)
    }

    @Test func anUnreachableRemoteIsNamedInOneLine() throws {
        let remote = scratch.path + "/remote.git", clone = scratch.path + "/repo"
        #expect(try git(["init", "-q", "--bare", remote], in: scratch.path).status == 0)
        #expect(try git(["clone", "-q", remote, clone], in: scratch.path).status == 0)
        var ann = LanesProcess(home: scratch.path)
        ann.user = "ann"
        #expect(try ann.run(["init"], in: clone).status == 0)
        try ann.run(["add", "Shared issue"], in: clone)
        let first = try ann.run(["sync"], in: clone)
        #expect(first.status == 0, "\(first.stderr)")
        // The remote moves away: the fetch fails (the branch has an upstream), then, without one, the push.
        try FileManager.default.moveItem(atPath: remote, toPath: remote + ".moved")
        try ann.run(["add", "Offline issue"], in: clone)
        let fetched = try ann.run(["sync"], in: clone)
        #expect(try git(["branch", "--unset-upstream"], in: clone).status == 0)
        let pushed = try ann.run(["sync"], in: clone)
        for (result, doing) in [(pushed, "git push"), (fetched, "git fetch")] {
            #expect(result.status == 1)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("lanes: \(doing) failed: fatal: "), "\(result.stderr)")
            #expect(result.stderr.contains("does not appear to be a git repository"), "\(result.stderr)")
        }
    }
}
