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
        guard FileManager.default.isExecutableFile(atPath: SSHServer.sshd) else {
            try Test.cancel("sshd is not installed (apt-get install openssh-server)")
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try SSHServer.makeKey(directory + "/host")
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        self.directory = directory
        // A port another test's server (or anything else) already holds makes sshd exit at
        // once: then another port. A server that is starting is waited for as long as a loaded
        // machine may take (before, 10 s, and then the test was skipped as if sshd could not run).
        var started: (pid: pid_t, port: Int)?
        var logged = ""
        for _ in 0..<5 where started == nil {
            let port = Int.random(in: 20_000...45_000)
            let pid = try SSHServer.start(directory: directory, port: port, authorizedKeys: authorizedKeys, extraConfig: extraConfig)
            var status: Int32 = 0
            var exited = false
            let up = eventually(interval: 0.1) {
                exited = waitpid(pid, &status, WNOHANG) == pid
                return exited || SSHServer.probe(port: port, key: probeKey)
            }
            if up, !exited { started = (pid, port); break }
            if !exited { Spawn.stop(pid) }
            logged = (try? String(contentsOfFile: directory + "/log", encoding: .utf8)) ?? ""
            guard logged.contains("Address already in use") else { break }
        }
        guard let started else {
            try Test.cancel("sshd could not start on 127.0.0.1 in this environment: \(logged.split(separator: "\n").last ?? "no log")")
        }
        (pid, port) = started
    }

    static let sshd = "/usr/sbin/sshd"

    /// Starts sshd on `port` with its own config in `directory`; returns its pid.
    private static func start(directory: String, port: Int, authorizedKeys: String, extraConfig: [String]) throws -> pid_t {
        let config = ([
            "Port \(port)", "ListenAddress 127.0.0.1", "HostKey \(directory)/host", "AuthorizedKeysFile \(authorizedKeys)",
            "PasswordAuthentication no", "KbdInteractiveAuthentication no", "PubkeyAuthentication yes", "PermitRootLogin yes",
            "StrictModes no", "UsePAM no", "PidFile \(directory)/sshd.pid", "AcceptEnv LANG LC_*",
        ] + extraConfig).joined(separator: "\n") + "\n"
        try config.write(toFile: "\(directory)/sshd_config", atomically: true, encoding: .utf8)
        // -E: the log goes to a file; with -e a session's debug lines would reach the client's stderr.
        let log = Tmux.quote(directory + "/log")
        return Spawn.start("exec \(sshd) -D -E \(log) -f \(Tmux.quote(directory + "/sshd_config")) </dev/null >>\(log) 2>&1")
    }

    /// Whether a connection to `port` with `key` gets through authentication (any exit but ssh's
    /// own 255). No command: a key pinned to the gateway would log any as refused.
    private static func probe(port: Int, key: String) -> Bool {
        Spawn.run("timeout 20 " + command(port: port, key: key, tty: false).map(Tmux.quote).joined(separator: " ")).status != 255
    }

    deinit { Spawn.stop(pid) }

    /// A new ed25519 key pair at `path` and `path.pub`, without a passphrase.
    static func makeKey(_ path: String) throws {
        let keygen = Spawn.run("/usr/bin/ssh-keygen -q -t ed25519 -N '' -f \(Tmux.quote(path))")
        guard keygen.status == 0 else { try Test.cancel("ssh-keygen failed: \(keygen.output)") }
    }

    /// The `ssh` command line (as words) for this server with `key`; `-tt` with `tty`.
    func command(key: String, tty: Bool, options: [String] = []) -> [String] {
        SSHServer.command(port: port, key: key, tty: tty, options: options)
    }

    static func command(port: Int, key: String, tty: Bool, options: [String] = []) -> [String] {
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
        // Time enough for a loaded machine (a hung session still ends the test).
        return Spawn.run("timeout 60 sh -c " + Tmux.quote(line))
    }
}
