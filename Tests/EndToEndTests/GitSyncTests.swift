import Foundation
import Testing

/// Boards on several machines, synced through git: two clones and a bare remote in a temp dir.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is not installed"))
struct GitSyncTests {
    let scratch = Scratch()

    func git(_ arguments: [String], in directory: String) throws -> LanesProcess.Result {
        try LanesProcess(home: scratch.path).run(["/usr/bin/git"] + arguments, in: directory, direct: true)
    }

    /// `lanes` run by `name`.
    func lanes(as name: String) -> LanesProcess {
        var process = LanesProcess(home: scratch.path)
        process.user = name
        return process
    }

    /// Clones named alike (`one/repo`, `two/repo`) so exports, which carry the board's name, compare equal.
    func setUp() throws -> (remote: String, a: String, b: String) {
        let remote = scratch.path + "/remote.git"
        #expect(try git(["init", "-q", "--bare", remote], in: scratch.path).status == 0)
        for clone in ["one", "two"] {
            try FileManager.default.createDirectory(atPath: scratch.path + "/" + clone, withIntermediateDirectories: true)
        }
        let a = scratch.path + "/one/repo", b = scratch.path + "/two/repo"
        #expect(try git(["clone", "-q", remote, a], in: scratch.path).status == 0)
        var ann = LanesProcess(home: scratch.path)
        ann.user = "ann"
        #expect(try ann.run(["init"], in: a).status == 0)
        try ann.run(["add", "Shared issue"], in: a)
        let first = try ann.run(["sync"], in: a)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try git(["clone", "-q", remote, b], in: scratch.path).status == 0)
        return (remote, a, b)
    }

    @Test func concurrentEditsOnBothSidesEndIdenticalWithTheDuplicateRenumbered() throws {
        let (_, a, b) = try setUp()
        let ann = lanes(as: "ann"), bob = lanes(as: "bob")
        // Offline on both sides: each creates #2, both retitle #1, both comment.
        #expect(try ann.run(["add", "Ann's offline issue"], in: a).stdout == "#2\n")
        #expect(try bob.run(["add", "Bob's offline issue"], in: b).stdout == "#2\n")
        try ann.run(["edit", "1", "--title", "Ann's title"], in: a)
        try bob.run(["edit", "1", "--title", "Bob's title"], in: b)
        try ann.run(["comment", "1", "from ann"], in: a)
        try bob.run(["comment", "1", "from bob"], in: b)
        try bob.run(["move", "2", "doing"], in: b)

        for (who, dir) in [(ann, a), (bob, b), (ann, a)] {
            let sync = try who.run(["sync"], in: dir)
            #expect(sync.status == 0, "\(sync.stderr)")
        }
        let exportA = try ann.run(["export"], in: a).stdout
        let exportB = try bob.run(["export"], in: b).stdout
        #expect(exportA == exportB, "both boards identical after syncing")
        let issues = (try json(exportA) as! [String: Any])["issues"] as! [[String: Any]]
        #expect(issues.count == 3, "no issue lost")
        #expect(Set(issues.map { $0["title"] as! String }) == ["Bob's title", "Ann's offline issue", "Bob's offline issue"]
                || Set(issues.map { $0["title"] as! String }) == ["Ann's title", "Ann's offline issue", "Bob's offline issue"])
        let one = issues.first { $0["id"] as? Int == 1 }!
        let comments = (one["timeline"] as! [[String: Any]]).compactMap { $0["text"] as? String }
        #expect(Set(comments) == ["from ann", "from bob"], "both comments kept")
        #expect((one["timeline"] as! [[String: Any]]).filter { $0["kind"] as? String == "retitled" }.count == 2, "both edits visible")
        let renumbered = issues.first { ($0["timeline"] as! [[String: Any]]).contains { $0["kind"] as? String == "renumbered" } }!
        #expect(renumbered["id"] as? Int == 3)
        let mark = (renumbered["timeline"] as! [[String: Any]]).first { $0["kind"] as? String == "renumbered" }!
        #expect(mark["from"] as? Int == 2)
        // The moved issue kept its move wherever it went.
        let bobs = issues.first { $0["title"] as? String == "Bob's offline issue" }!
        #expect(bobs["column"] as? String == "doing")
        #expect(try ann.run(["show", "2"], in: a).stdout == (try bob.run(["show", "2"], in: b).stdout).replacingOccurrences(of: "two/repo", with: "one/repo"))
        #expect(try ann.run(["check"], in: a).status == 0)
    }

    /// The routine sync that used to strip about half the labels and assignees: the events of
    /// one `lanes add` share a time, and a merge sorted by (time, id) put some before `created`.
    @Test func aRoutineSyncKeepsEveryLabelAssigneeAndImport() throws {
        let (_, a, b) = try setUp()
        let ann = lanes(as: "ann"), bob = lanes(as: "bob")
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path + "/Fixtures/github-gh.json"
        for n in 1...20 {
            #expect(try ann.run(["add", "Issue \(n)", "--label", "L\(n)", "--assign", "dev\(n)"], in: a).status == 0)
        }
        let imported = try ann.run(["import", fixture], in: a)
        // The fixture's third item is deliberately bad: the import exits 1 and imports the rest.
        #expect(imported.status == 1 && imported.stdout.hasPrefix("imported 2 issues"), "\(imported.stdout)\(imported.stderr)")
        #expect(try ann.run(["sync"], in: a).status == 0)
        #expect(try bob.run(["sync"], in: b).status == 0)
        #expect(try ann.run(["comment", "1", "from ann"], in: a).status == 0)
        #expect(try bob.run(["comment", "2", "from bob"], in: b).status == 0)
        for (who, dir) in [(ann, a), (bob, b), (ann, a)] {
            let sync = try who.run(["sync"], in: dir)
            #expect(sync.status == 0, "\(sync.stderr)")
        }
        let issues = try json(ann.run(["list", "--format", "json"], in: a).stdout) as! [[String: Any]]
        let added = issues.filter { ($0["title"] as! String).hasPrefix("Issue ") }
        #expect(added.count == 20)
        for issue in added {
            let n = (issue["title"] as! String).dropFirst("Issue ".count)
            #expect(issue["labels"] as? [String] == ["L\(n)"], "labels of \(issue["title"]!)")
            #expect(issue["assignees"] as? [String] == ["dev\(n)"], "assignees of \(issue["title"]!)")
        }
        #expect(try ann.run(["export"], in: a).stdout == (try bob.run(["export"], in: b).stdout).replacingOccurrences(of: "two/repo", with: "one/repo"))
        #expect(try ann.run(["check"], in: a).status == 0)
        let again = try bob.run(["import", fixture], in: b)
        #expect(again.stdout.contains("imported 0 issues"), "a re-import after a sync adds nothing: \(again.stdout)")
    }

    /// A clone that made `#2` offline, before the `#2` everyone else has seen, syncs late: its
    /// own issue is renumbered, and it is told so.
    @Test func aLateCloneIsTheOneRenumberedAndIsToldSo() throws {
        let (_, a, b) = try setUp()
        let ann = lanes(as: "ann"), bob = lanes(as: "bob")
        #expect(try bob.run(["add", "Bob's early offline issue"], in: b).stdout == "#2\n")
        #expect(try ann.run(["add", "Ann's published issue"], in: a).stdout == "#2\n")
        #expect(try ann.run(["sync"], in: a).status == 0)
        let late = try bob.run(["sync"], in: b)
        #expect(late.status == 0, "\(late.stderr)")
        #expect(late.stderr.contains("your #2 \"Bob's early offline issue\" is now #3"), "\(late.stderr)")
        #expect(try ann.run(["sync"], in: a).status == 0)
        for dir in [a, b] {
            #expect(try ann.run(["show", "2"], in: dir).stdout.contains("Ann's published issue"))
            #expect(try ann.run(["show", "3"], in: dir).stdout.contains("Bob's early offline issue"))
        }
    }

    @Test func aPlainGitPullMergesBoardsOnceTheDriverIsRegistered() throws {
        let (_, a, b) = try setUp()
        var ann = LanesProcess(home: scratch.path)
        ann.user = "ann"
        #expect(try ann.run(["sync", "--setup"], in: b).status == 0)
        try ann.run(["add", "from a"], in: a)
        #expect(try ann.run(["sync"], in: a).status == 0)
        try ann.run(["add", "from b"], in: b)
        #expect(try git(["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "local"], in: b).status == 0)
        let pull = try git(["-c", "user.name=t", "-c", "user.email=t@t", "pull", "--no-rebase", "--no-edit", "-q"], in: b)
        #expect(pull.status == 0, "\(pull.stderr)")
        let titles = (try json(ann.run(["list", "--format", "json"], in: b).stdout) as! [[String: Any]]).map { $0["title"] as! String }
        #expect(Set(titles) == ["Shared issue", "from a", "from b"])
        #expect(try ann.run(["check"], in: b).status == 0)
    }

    @Test func failuresAreReportedPlainlyAndLeaveTheBoardUnchanged() throws {
        var lanes = LanesProcess(home: scratch.path)
        lanes.user = "ann"
        // Not a git repository.
        let plain = scratch.path + "/plain"
        try FileManager.default.createDirectory(atPath: plain, withIntermediateDirectories: true)
        try lanes.run(["init"], in: plain)
        let notGit = try lanes.run(["sync"], in: plain)
        #expect(notGit.status == 1 && notGit.stderr.contains("not in a git repository"))
        // No remote.
        #expect(try git(["init", "-q"], in: plain).status == 0)
        let noRemote = try lanes.run(["sync"], in: plain)
        #expect(noRemote.status == 1 && noRemote.stderr.contains("no git remote"))
        // A conflict in another file: the merge is aborted, the board is as it was.
        let (_, a, b) = try setUp()
        try "a\n".write(toFile: a + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(try git(["add", "notes.txt"], in: a).status == 0)
        #expect(try git(["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "a"], in: a).status == 0)
        #expect(try lanes.run(["sync"], in: a).status == 0)
        try "b\n".write(toFile: b + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(try git(["add", "notes.txt"], in: b).status == 0)
        #expect(try git(["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "b"], in: b).status == 0)
        try lanes.run(["add", "kept locally"], in: b)
        let before = try lanes.run(["export"], in: b).stdout
        let conflict = try lanes.run(["sync"], in: b)
        #expect(conflict.status == 1)
        #expect(conflict.stderr.contains("conflict in notes.txt") && conflict.stderr.contains("unchanged"))
        #expect(try lanes.run(["export"], in: b).stdout == before)
        let status = try git(["status", "--porcelain"], in: b).stdout
        #expect(status.isEmpty, "no half-done merge left behind: \(status)")
    }
}
