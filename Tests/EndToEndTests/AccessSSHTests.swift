import Foundation
import Testing

/// Access by key through one service account, against a real OpenSSH server on 127.0.0.1:
/// every person is a key pinned to `lanes ssh-gateway --user NAME` in `authorized_keys`.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct AccessSSHTests {
    /// A refusal: one `lanes: …` line, a non-zero exit that is the gateway's (not ssh's 255).
    func expectRefused(_ result: (status: Int32, output: String), _ reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status != 0 && result.status != 255, "\(result.output)", sourceLocation: sourceLocation)
        #expect(result.output.hasPrefix("lanes: ") && result.output.contains(reason), "\(result.output)", sourceLocation: sourceLocation)
        #expect(result.output.split(separator: "\n").count == 1, "one line: \(result.output)", sourceLocation: sourceLocation)
    }

    @Test func aMembersChangesCarryTheirNameAndTheNameCannotBeChanged() throws {
        let board = try AccessFixture([("ann", "admin"), ("bob", "member")])
        let added = try board.ssh("bob", "add 'Login fails' --label bug")
        #expect(added.status == 0, "\(added.output)")
        let issue = try #require(board.issues().first)
        #expect(issue["title"] as? String == "Login fails" && issue["author"] as? String == "bob")
        #expect(issue["labels"] as? [String] == ["bug"])
        #expect(try board.ssh("bob", "assign 1 me").status == 0)
        let mine = try json(board.ssh("bob", "list assignee:me --format json", quiet: true).output) as? [[String: Any]]
        #expect(mine?.first?["assignees"] as? [String] == ["bob"])

        expectRefused(try board.ssh("bob", "add 'As ann' --as ann"), "--as is not allowed")
        expectRefused(try board.ssh("bob", "add 'As ann'", options: ["-o", "SetEnv=LANES_USER=ann"]), "LANES_USER is not allowed")
        expectRefused(try board.ssh("bob", "sh"), "not a Lanes command: sh")
        expectRefused(try board.ssh("bob", "bash -c 'lanes add x'"), "not a Lanes command: bash")
        expectRefused(try board.ssh("bob", "list --board /tmp"), "--board is not allowed")
        expectRefused(try board.ssh("bob", "access list"), "`access` is for admins")
        #expect(try board.issues().count == 1, "nothing refused was written")

        // Every refusal is in the gateway log with the key's fingerprint and the name; admins read it.
        let fingerprint = Spawn.run("/usr/bin/ssh-keygen -l -f \(Tmux.quote(try board.key("bob") + ".pub"))").output.split(separator: " ")[1]
        let log = board.accessLog.split(separator: "\n")
        #expect(log.count == 6 && log.allSatisfy { $0.contains(" \(fingerprint) bob refused ") }, "\(board.accessLog)")
        #expect(log.contains { $0.contains("refused \"sh\": not a Lanes command") })
        let read = try board.ssh("ann", "access log")
        #expect(read.status == 0 && read.output.contains("refused \"bash -c 'lanes add x'\""), "\(read.output)")
        board.expectOutsideKept()
    }

    @Test func aViewerCannotWriteFromTheCommandLineOrTheBoard() throws {
        let board = try AccessFixture([("vic", "viewer")])
        try board.lanes.run(["add", "Look, do not touch", "--column", "todo"])
        expectRefused(try board.ssh("vic", "add 'Sneaky'"), "read-only: viewer")
        expectRefused(try board.ssh("vic", "move 1 doing"), "read-only: viewer")
        #expect(try board.ssh("vic", "show 1").output.contains("Look, do not touch"), "viewers see everything")

        let tmux = try board.board("vic")
        try tmux.waitFor(text: "read-only: viewer")
        try tmux.send("l")
        try tmux.send("L")
        try tmux.send("n")
        let screen = try tmux.waitFor(text: "read-only: viewer")
        #expect(!screen.contains("moved") && !screen.contains("new issue:"), "no prompt opened: \(screen)")
        // `?` opens the help only once the keys before it are answered, and only if no prompt
        // took them (the screen above can be caught before they were answered).
        try tmux.send("?")
        try tmux.waitFor(text: "move-card-right")
        try tmux.send("q")
        try tmux.waitFor("the board again") { !$0.contains("move-card-right") }
        try tmux.send("q")
        try tmux.waitFor(text: "exit=")
        let issues = try board.issues()
        #expect(issues.count == 1 && issues.first?["column"] as? String == "todo", "\(issues)")
        #expect(board.accessLog.contains("vic refused \"add 'Sneaky'\": read-only: viewer"))
    }

    @Test func portAndAgentForwardingAreRefused() throws {
        let board = try AccessFixture([("bob", "member")])
        // -R: sshd refuses to listen for us; ssh says so and gives up.
        let remote = try board.ssh("bob", "list", options: ["-o", "ExitOnForwardFailure=yes", "-R", "127.0.0.1:\(board.server.port + 1):127.0.0.1:22"])
        #expect(remote.status == 255 && remote.output.contains("remote port forwarding failed"), "\(remote.output)")
        // -L: the client listens, but sshd refuses to open the tunnel.
        let local = board.server.port + 2
        let tunnel = Spawn.start("exec " + (board.server.command(key: try board.key("bob"), tty: false, options: ["-N", "-L", "127.0.0.1:\(local):127.0.0.1:\(board.server.port)"])
            .map(Tmux.quote).joined(separator: " ")) + " </dev/null >/dev/null 2>&1")
        defer {
            kill(tunnel, SIGKILL) // ssh and ssh-agent started from the test runner ignore SIGTERM
            Spawn.stop(tunnel)
        }
        // Tried until the tunnel is up and sshd has refused it, for as long as a loaded machine
        // may take (before, 10 s).
        #expect(eventually(interval: 0.2) {
            _ = Spawn.run("timeout 5 /usr/bin/ssh -p \(local) -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null 127.0.0.1 true")
            return board.sshdLog.contains("refused local port forward")
        })
        // -A with a running agent: sshd turns the request down (restrict), the command still runs.
        let agentSocket = board.scratch.path + "/agent.sock"
        let agent = Spawn.start("exec /usr/bin/ssh-agent -D -a \(Tmux.quote(agentSocket)) >/dev/null 2>&1")
        defer {
            kill(agent, SIGKILL)
            Spawn.stop(agent)
        }
        #expect(eventually { FileManager.default.fileExists(atPath: agentSocket) }, "ssh-agent never listened")
        #expect(Spawn.run("SSH_AUTH_SOCK=\(Tmux.quote(agentSocket)) /usr/bin/ssh-add -q \(Tmux.quote(try board.key("bob")))").status == 0)
        let line = board.server.command(key: try board.key("bob"), tty: false, options: ["-A"]).map(Tmux.quote).joined(separator: " ")
        let forwarded = Spawn.run("SSH_AUTH_SOCK=\(Tmux.quote(agentSocket)) timeout 60 \(line) list")
        #expect(forwarded.status == 0, "\(forwarded.output)")
        #expect(board.sshdLog.contains("agent forwarding disabled"))
    }

    @Test func accessChangesTakeEffectAtTheNextConnection() throws {
        let board = try AccessFixture([("ann", "admin"), ("bob", "member")])
        let carl = try board.key("carl")
        #expect(try board.ssh("carl", "list").status == 255, "no key, no entry")

        let added = try board.ssh("ann", "access add carl --key - --role viewer", stdin: carl + ".pub")
        #expect(added.status == 0, "\(added.output)")
        board.expectOutsideKept()
        expectRefused(try board.ssh("carl", "add 'By carl'"), "read-only: viewer")

        #expect(try board.ssh("ann", "access role carl member").status == 0)
        board.expectOutsideKept()
        #expect(try board.ssh("carl", "add 'By carl'").status == 0)
        #expect(try board.issues().first?["author"] as? String == "carl")

        expectRefused(try board.ssh("bob", "access role bob admin"), "`access` is for admins")
        expectRefused(try board.ssh("bob", "columns add Blocked"), "`columns` is for admins")
        let column = try board.ssh("ann", "columns add Blocked")
        #expect(column.status == 0, "\(column.output)")
        let listed = try json(board.ssh("ann", "access list --format json", quiet: true).output) as? [[String: Any]]
        #expect(listed?.map { "\($0["name"]!):\($0["role"]!)" } == ["ann:admin", "bob:member", "carl:member"])
        let refusedKey = try board.ssh("ann", "access add dan --key -", stdin: try board.key("bob") + ".pub")
        #expect(refusedKey.status == 1 && refusedKey.output.contains("already bob's"), "\(refusedKey.output)")

        #expect(try board.ssh("ann", "access remove carl").status == 0)
        board.expectOutsideKept()
        let removed = try board.ssh("carl", "list")
        #expect(removed.status == 255 && removed.output.contains("Permission denied"), "\(removed.output)")
    }

    @Test func twoMembersOnTheFullScreenBoardSeeEachOther() throws {
        let board = try AccessFixture([("ann", "member"), ("bob", "member")])
        try board.lanes.run(["add", "Shared card", "--column", "todo"])
        let ann = try board.board("ann")
        let bob = try board.board("bob")
        try ann.waitFor(text: "Shared card")
        try bob.waitFor(text: "Shared card")
        try ann.send("l")
        try ann.send("L")
        try ann.waitFor(text: "#1 moved To do → In progress")
        try bob.waitFor(text: "ann: #1 moved To do → In progress")
        try bob.send("l")
        try bob.send("l")
        try bob.send("L")
        try ann.waitFor(text: "bob: #1 moved In progress")
        for tmux in [ann, bob] {
            try tmux.send("q")
            try tmux.waitFor(text: "exit=0")
        }
        let issue = try json(board.lanes.run(["show", "1", "--format", "json"]).stdout) as? [String: Any]
        #expect(issue?["column"] as? String == "review", "moved by ann, then by bob")
    }
}
