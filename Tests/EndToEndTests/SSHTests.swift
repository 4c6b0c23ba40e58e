import Foundation
import Testing

/// The board through a real OpenSSH server on 127.0.0.1, as engineers use it on a shared host:
/// `ssh -tt host lanes` inside a terminal, then a card moved from the keyboard.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct SSHTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    /// Starts sshd with throwaway keys; cancels (skips, saying why) if it cannot start here.
    func startServer() throws -> (pid: pid_t, port: Int, key: String) {
        let sshd = "/usr/sbin/sshd"
        guard FileManager.default.isExecutableFile(atPath: sshd) else {
            try Test.cancel("sshd is not installed (apt-get install openssh-server)")
        }
        let dir = scratch.path + "/ssh"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for name in ["host", "user"] {
            let keygen = Spawn.run("/usr/bin/ssh-keygen -q -t ed25519 -N '' -f \(Tmux.quote(dir + "/" + name))")
            guard keygen.status == 0 else { try Test.cancel("ssh-keygen failed: \(keygen.output)") }
        }
        try FileManager.default.copyItem(atPath: "\(dir)/user.pub", toPath: "\(dir)/authorized_keys")
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        let port = Int.random(in: 20_000...45_000)
        let config = """
        Port \(port)
        ListenAddress 127.0.0.1
        HostKey \(dir)/host
        AuthorizedKeysFile \(dir)/authorized_keys
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PubkeyAuthentication yes
        PermitRootLogin yes
        StrictModes no
        UsePAM no
        PidFile \(dir)/sshd.pid
        AcceptEnv LANG LC_*
        """
        try config.write(toFile: "\(dir)/sshd_config", atomically: true, encoding: .utf8)
        let pid = Spawn.start("exec \(sshd) -D -e -f \(Tmux.quote(dir + "/sshd_config")) </dev/null >\(Tmux.quote(dir + "/log")) 2>&1")
        // Wait for it to answer: a plain `ssh true` must succeed.
        let probe = (sshCommand(port: port, key: "\(dir)/user", tty: false) + ["true"]).map(Tmux.quote).joined(separator: " ")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if Spawn.run("timeout 5 " + probe).status == 0 { return (pid, port, "\(dir)/user") }
            Thread.sleep(forTimeInterval: 0.2)
        }
        Spawn.stop(pid)
        let log = (try? String(contentsOfFile: dir + "/log", encoding: .utf8)) ?? ""
        try Test.cancel("sshd could not start on 127.0.0.1:\(port) in this environment: \(log.split(separator: "\n").last ?? "no log")")
    }

    func sshCommand(port: Int, key: String, tty: Bool) -> [String] {
        ["/usr/bin/ssh"] + (tty ? ["-tt"] : []) + ["-p", "\(port)", "-i", key, "-o", "StrictHostKeyChecking=no",
         "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "127.0.0.1"]
    }

    @Test func moveACardOverSSH() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try lanes.run(["add", "Over the wire", "--column", "todo"])
        let server = try startServer()
        defer { Spawn.stop(server.pid) }
        let remote = "cd \(Tmux.quote(scratch.path)) && LANES_USER=ann LANG=C.UTF-8 \(Tmux.quote(LanesProcess.binary))"
        let command = sshCommand(port: server.port, key: server.key, tty: true).map(Tmux.quote).joined(separator: " ")
            + " " + Tmux.quote(remote)
        let tmux = try lanes.inTmux(command, width: 100, height: 24)
        let board = try tmux.waitFor(text: "Over the wire")
        #expect(board.contains("To do") && board.contains("│"), "wide box-drawing characters arrive intact")
        try tmux.send("l")
        try tmux.send("L")
        try tmux.waitFor(text: "#1 moved To do → In progress")
        try tmux.send("q")
        try tmux.waitFor(text: "exit=0")
        let issue = try json(lanes.run(["show", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(issue["column"] as? String == "doing")
    }
}
