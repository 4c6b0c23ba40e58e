import Foundation

/// Runs programs with posix_spawn and waitpid. (Foundation's Process can wait forever when a
/// daemon it started, such as a tmux server or sshd, inherits its descriptors.) Output goes
/// through a temporary file, never a pipe a daemon could hold open.
enum Spawn {
    /// Runs `command` (a shell command line) to completion; returns its status and output.
    static func run(_ command: String) -> (status: Int32, output: String) {
        let result = measure(command)
        return (result.status, result.output)
    }

    /// `run`, and the CPU time (user and system, in seconds) that the command and the processes
    /// it waited for used: what a test can bound where the wall time depends on how loaded the
    /// machine is.
    static func measure(_ command: String) -> (status: Int32, output: String, cpuSeconds: Double) {
        let output = "/tmp/lanes-spawn-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).out"
        defer { unlink(output) }
        let pid = start(command + " </dev/null >" + Tmux.quote(output) + " 2>&1")
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        let cpu = [usage.ru_utime, usage.ru_stime].reduce(0.0) { $0 + Double($1.tv_sec) + Double($1.tv_usec) / 1e6 }
        return ((status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F), text, cpu)
    }

    /// Starts `command` (a shell command line) without waiting; returns its pid.
    static func start(_ command: String) -> pid_t {
        let words: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { return -1 }
        return pid
    }

    /// Stops a process started with `start` and reaps it.
    static func stop(_ pid: pid_t) {
        guard pid > 0 else { return }
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}
