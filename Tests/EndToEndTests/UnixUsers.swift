import Foundation
import Testing

/// Real Unix users and a group for tests of boards shared on one host: created with unique
/// names for this test run, removed (with everything they own under the test's directories)
/// when the value goes away. Needs root: tests using it are enabled only `if UnixUsers.available`.
final class UnixUsers {
    static let available = getuid() == 0 && ["/usr/sbin/useradd", "/usr/sbin/groupadd", "/usr/sbin/runuser"]
        .allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    static let reason: Comment = "needs root, useradd and runuser to create real Unix users"

    /// The team's group.
    let group: String
    /// Users in the group, then users outside it, by the role the test gave them.
    private(set) var names: [String: String] = [:]
    /// A directory everyone can enter, holding each user's home.
    let base: String
    private var created: [String] = []

    /// Creates `members` in the group and `outsiders` not in it; the group itself unless
    /// `makeGroup` is false (a test that creates it the way an admin would).
    init(members: [String], outsiders: [String] = [], makeGroup: Bool = true) throws {
        let tag = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        group = "lt\(tag)team"
        base = "/tmp/lanes-users-\(tag)"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        if makeGroup { try UnixUsers.admin(["/usr/sbin/groupadd", group]) }
        for role in members + outsiders {
            let name = "lt\(tag)\(role)"
            let home = base + "/" + role
            try UnixUsers.admin(["/usr/sbin/useradd", "-M", "-d", home, "-s", "/bin/sh", "-U"]
                                + (members.contains(role) ? ["-G", group] : []) + [name])
            created.append(name)
            names[role] = name
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            _ = Spawn.run("chown \(name):\(name) \(home) && chmod 700 \(home)")
        }
    }

    deinit {
        for name in created { _ = try? UnixUsers.admin(["/usr/sbin/userdel", name]) } // also removes the user's own group
        _ = try? UnixUsers.admin(["/usr/sbin/groupdel", group])
        try? FileManager.default.removeItem(atPath: base)
    }

    func name(_ role: String) -> String { names[role]! }
    func home(_ role: String) -> String { base + "/" + role }

    /// Runs the shell command line `command` as `role` (login groups applied), in its home with
    /// a clean environment; `lanes` in the command runs the built binary.
    @discardableResult
    func run(_ role: String, _ command: String, in directory: String? = nil) -> (status: Int32, output: String) {
        let home = home(role)
        let environment = "HOME=\(home) XDG_DATA_HOME=\(home)/data XDG_CONFIG_HOME=\(home)/config PATH=\(Tmux.quote(UnixUsers.binDirectory)):/usr/bin:/bin LANG=C.UTF-8"
        let line = "cd \(Tmux.quote(directory ?? home)) && " + command
        return Spawn.run("/usr/sbin/runuser -u \(name(role)) -- /usr/bin/env -i \(environment) /bin/sh -c \(Tmux.quote(line))")
    }

    /// The directory holding the built `lanes`, first on the test users' PATH.
    static var binDirectory: String { URL(fileURLWithPath: LanesProcess.binary).deletingLastPathComponent().path }

    /// Runs an administration command as root, retrying while another process holds the
    /// password files' lock (other test runs create users too).
    static func admin(_ words: [String]) throws {
        // For as long as a loaded machine may keep the lock taken (before, two seconds).
        var last: (status: Int32, output: String) = (1, "")
        _ = eventually(interval: 0.1) {
            last = Spawn.run(words.map(Tmux.quote).joined(separator: " "))
            return last.status == 0 || !last.output.contains("lock")
        }
        if last.status == 0 { return }
        throw UnixUsersError(description: "\(words.joined(separator: " ")) failed: \(last.output)")
    }
}

struct UnixUsersError: Error, CustomStringConvertible {
    var description: String
}
