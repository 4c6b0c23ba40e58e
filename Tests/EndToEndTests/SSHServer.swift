import Foundation
import Testing

/// A real OpenSSH server on 127.0.0.1 for one test, with throwaway host and user keys and its
/// own `sshd_config` (`AuthorizedKeysFile` is the test's file). Creating one cancels the test
/// (skips, saying why) if sshd is missing or cannot run here; the server stops with the value.
final class SSHServer {
    let pid: pid_t
    let port: Int
    let directory: String

    /// Starts sshd reading keys from `authorizedKeys`, with `extraConfig` lines added, and waits
    /// until a connection with `probeKey` gets through authentication (any exit but ssh's own 255).
    init(directory: String, authorizedKeys: String, probeKey: String, extraConfig: [String] = []) throws {
        let sshd = "/usr/sbin/sshd"
        guard FileManager.default.isExecutableFile(atPath: sshd) else {
            try Test.cancel("sshd is not installed (apt-get install openssh-server)")
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try SSHServer.makeKey(directory + "/host")
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        let port = Int.random(in: 20_000...45_000)
        let config = ([
            "Port \(port)", "ListenAddress 127.0.0.1", "HostKey \(directory)/host", "AuthorizedKeysFile \(authorizedKeys)",
            "PasswordAuthentication no", "KbdInteractiveAuthentication no", "PubkeyAuthentication yes", "PermitRootLogin yes",
            "StrictModes no", "UsePAM no", "PidFile \(directory)/sshd.pid", "AcceptEnv LANG LC_*",
        ] + extraConfig).joined(separator: "\n") + "\n"
        try config.write(toFile: "\(directory)/sshd_config", atomically: true, encoding: .utf8)
        // -E: the log goes to a file; with -e a session's debug lines would reach the client's stderr.
        let log = Tmux.quote(directory + "/log")
        let pid = Spawn.start("exec \(sshd) -D -E \(log) -f \(Tmux.quote(directory + "/sshd_config")) </dev/null >>\(log) 2>&1")
        self.pid = pid
        self.port = port
        self.directory = directory
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if run(key: probeKey, "").status != 255 { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let logged = (try? String(contentsOfFile: directory + "/log", encoding: .utf8)) ?? ""
        try Test.cancel("sshd could not start on 127.0.0.1:\(port) in this environment: \(logged.split(separator: "\n").last ?? "no log")")
    }

    deinit { Spawn.stop(pid) }

    /// A new ed25519 key pair at `path` and `path.pub`, without a passphrase.
    static func makeKey(_ path: String) throws {
        let keygen = Spawn.run("/usr/bin/ssh-keygen -q -t ed25519 -N '' -f \(Tmux.quote(path))")
        guard keygen.status == 0 else { try Test.cancel("ssh-keygen failed: \(keygen.output)") }
    }

    /// The `ssh` command line (as words) for this server with `key`; `-tt` with `tty`.
    func command(key: String, tty: Bool, options: [String] = []) -> [String] {
        ["/usr/bin/ssh"] + (tty ? ["-tt"] : []) + ["-p", "\(port)", "-i", key, "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=no",
         "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "BatchMode=yes"] + options + ["127.0.0.1"]
    }

    /// Runs `ssh … REMOTE` without a terminal; `stdin` is fed from a file. Output is stdout and
    /// stderr together unless `quiet` drops stderr.
    func run(key: String, _ remote: String, options: [String] = [], stdin: String? = nil, quiet: Bool = false) -> (status: Int32, output: String) {
        var line = command(key: key, tty: false, options: options).map(Tmux.quote).joined(separator: " ")
        if !remote.isEmpty { line += " " + Tmux.quote(remote) }
        if let stdin { line += " <" + Tmux.quote(stdin) }
        if quiet { line += " 2>/dev/null" }
        return Spawn.run("timeout 10 sh -c " + Tmux.quote(line))
    }
}
