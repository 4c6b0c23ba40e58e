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
    /// With `linkedAs`, the first sync reaches the first clone through a symlink at that path (`--board`).
    func setUp(linkedAs link: String? = nil) throws -> (remote: String, a: String, b: String) {
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
        if let link { try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: a) }
        let first = try ann.run(["sync"] + (link.map { ["--board", $0] } ?? []), in: a)
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

extension GitSyncTests {
    /// `lanes sync` in a loop beside three `lanes add` loops on the same clone, while another
    /// clone adds and syncs in a loop too, so that pulls here merge and rewrite the log: every
    /// add that printed its number is on the board after the last sync, here and in a fresh
    /// clone of the remote. (Before syncs took the board lock, about one add in five vanished.)
    @Test func syncsBesideWritersLoseNoAcknowledgedAdd() throws {
        let (remote, a, b) = try setUp()
        let home = scratch.path
        let acks = home + "/acks"
        _ = FileManager.default.createFile(atPath: acks, contents: nil)
        // Shell loops, not tasks: blocking waits on the cooperative pool would run them in turn.
        // An add counts as acknowledged only once it printed its number. Eight seconds, and on
        // until more than 20 adds are acknowledged (a loaded machine can take longer to get
        // there; before, the test then failed), at most two minutes.
        let binary = Tmux.quote(LanesProcess.binary)
        let loop = { (directory: String, body: String) in
            "cd \(Tmux.quote(directory)); export HOME=\(Tmux.quote(home)) XDG_CONFIG_HOME=\(Tmux.quote(home + "/config")) LANES_USER=$1; "
                + "end=$(($(date +%s) + 8)); last=$(($(date +%s) + 120)); i=0; "
                + "while { [ $(date +%s) -lt $end ] || [ $(wc -l < \(Tmux.quote(acks))) -le 20 ]; } && [ $(date +%s) -lt $last ]; do "
                + "i=$((i+1)); \(body); done"
        }
        let add = "n=$(\(binary) add \"$LANES_USER $i\" 2>/dev/null) && case $n in '#'*) echo \"$LANES_USER $i\" >> \(Tmux.quote(acks));; esac"
        let loops = ["w1", "w2", "w3"].map { Spawn.start("exec /bin/sh -c \(Tmux.quote(loop(a, add))) sh \($0)") }
            + [Spawn.start("exec /bin/sh -c \(Tmux.quote(loop(b, add + "; \(binary) sync >/dev/null 2>&1"))) sh bob"),
               Spawn.start("exec /bin/sh -c \(Tmux.quote(loop(a, "\(binary) sync >/dev/null 2>&1"))) sh ann")]
        for pid in loops {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        }
        let acknowledged = try String(contentsOfFile: acks, encoding: .utf8).split(separator: "\n").map(String.init)
        var lanes = LanesProcess(home: home)
        lanes.user = "ann"
        for dir in [a, b, a] {
            let sync = try lanes.run(["sync"], in: dir)
            #expect(sync.status == 0, "\(sync.stderr)")
        }
        #expect(acknowledged.count > 20, "the writers got going: \(acknowledged.count) adds")
        let fresh = scratch.path + "/fresh"
        #expect(try git(["clone", "-q", remote, fresh], in: scratch.path).status == 0)
        for dir in [a, fresh] {
            let list = try json(lanes.run(["list", "--format", "json"], in: dir).stdout) as! [[String: Any]]
            let titles = Set(list.map { $0["title"] as! String })
            let lost = acknowledged.filter { !titles.contains($0) }
            #expect(lost.isEmpty, "\(lost.count) of \(acknowledged.count) acknowledged adds lost in \(dir): \(lost.prefix(5))")
            #expect(try lanes.run(["check"], in: dir).status == 0)
        }
    }
}

extension GitSyncTests {
    /// A sync on a detached HEAD would commit where no branch points and push nothing: it refuses
    /// before committing, so the change stays in the working tree.
    @Test func syncRefusesOnADetachedHead() throws {
        let (_, a, _) = try setUp()
        var lanes = LanesProcess(home: scratch.path)
        lanes.user = "ann"
        #expect(try git(["checkout", "-q", "--detach"], in: a).status == 0)
        let head = try git(["rev-parse", "HEAD"], in: a).stdout
        try lanes.run(["add", "made while detached"], in: a)
        let sync = try lanes.run(["sync"], in: a)
        #expect(sync.status == 1)
        #expect(sync.stderr.contains("detached HEAD"), "\(sync.stderr)")
        #expect(try git(["rev-parse", "HEAD"], in: a).stdout == head, "nothing committed on the detached HEAD")
        #expect(try git(["status", "--porcelain"], in: a).stdout.contains(".lanes/events"), "the change is still in the working tree")
        #expect(try git(["checkout", "-q", "-"], in: a).status == 0)
        #expect(try lanes.run(["sync"], in: a).status == 0)
        #expect(try lanes.run(["list"], in: a).stdout.contains("made while detached"))
    }

    /// `--board` through a symlink: the merge driver is registered for the log's path in the
    /// repository, so later syncs with changes on both sides merge instead of conflicting.
    @Test func syncThroughASymlinkedBoardPathRegistersTheRealPath() throws {
        let link = scratch.path + "/link"
        let (_, a, b) = try setUp(linkedAs: link)
        var lanes = LanesProcess(home: scratch.path)
        lanes.user = "ann"
        let attributes = try String(contentsOfFile: a + "/.gitattributes", encoding: .utf8)
        #expect(attributes.split(separator: "\n") == [".lanes/events merge=lanes"], "\(attributes)")
        try lanes.run(["add", "from b"], in: b)
        #expect(try lanes.run(["sync"], in: b).status == 0)
        try lanes.run(["add", "from a", "--board", link])
        let sync = try lanes.run(["sync", "--board", link])
        #expect(sync.status == 0, "\(sync.stderr)")
        let titles = Set((try json(lanes.run(["list", "--format", "json"], in: a).stdout) as! [[String: Any]]).map { $0["title"] as! String })
        #expect(titles == ["Shared issue", "from a", "from b"])
    }
}
