#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import BoardAccess
import BoardModel
import BoardStore
import Foundation
import Screen

/// `lanes ssh-gateway --user NAME --board DIR`: the forced command of every key `lanes access`
/// adds, run by sshd for each connection with what the client asked for in
/// `SSH_ORIGINAL_COMMAND`. Nothing but Lanes' own arguments ever runs: the command is split
/// into words as a shell would (`ShellWords`), never given to one, and parsed by Lanes'
/// argument parser as NAME on DIR with NAME's role. Refusals say why in one line, exit 1
/// and are appended to `.lanes/access.log`.
struct SSHGateway: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssh-gateway",
        abstract: "Run what an SSH client asked for as NAME on DIR (the forced command lanes access writes).",
        shouldDisplay: false
    )

    @Option(help: "The person the key belongs to.") var user: String
    /// `--board DIR` (the root command parses `--board` wherever it stands, so it is shared).
    @OptionGroup var options: BoardOptions

    func run() throws {
        guard let board = options.board, board.hasPrefix("/") else { throw BoardError.invalid("ssh-gateway needs --board DIR, an absolute path") }
        let environment = Environment.variables
        let location = BoardLocation(root: board)
        let asked = environment["SSH_ORIGINAL_COMMAND"] ?? ""
        let fingerprint = SSHGateway.fingerprint(environment)
        func refuse(_ reason: String) -> Never {
            let line = "\(Timestamp.now.iso8601) \(fingerprint) \(user) refused \"\(asked)\": \(reason)"
            try? PrivateFile.append(line: Sanitizer.line(line), to: location.accessLogPath)
            Output.fail(reason)
        }
        try AccessName.check(user)
        if let reason = GatewayPolicy.environmentRefusal(environment) { refuse(reason) }
        guard let role = try AccessOptions.roles(location)[user] else { refuse("\(user) has no role on this board; ask an admin") }
        var words: [String]
        do { words = try ShellWords.split(asked) } catch { refuse(error.description) }
        if words.first == "lanes" { words.removeFirst() }
        if let reason = GatewayPolicy.identityRefusal(words) { refuse(reason) }
        if let first = words.first, !first.hasPrefix("-"), first != "help",
           !Lanes.configuration.subcommands.contains(where: { $0._commandName == first }) {
            refuse("not a Lanes command: \(first) (this key runs lanes only; try: ssh HOST help)")
        }
        if words.isEmpty, isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 {
            throw BoardError.invalid("the board needs a terminal: connect with ssh -t, or give a command (ssh HOST list)")
        }
        var command = try Lanes.parseAsRoot(words)
        if let reason = GatewayPolicy.refusal(command: SSHGateway.topLevelName(of: type(of: command)), role: role) { refuse(reason) }
        // The identity and board the commands below resolve, fixed here and nowhere else.
        setenv("LANES_USER", user, 1)
        setenv("LANES_BOARD", board, 1)
        let editor = SSHGateway.restrictedEditor
        setenv("VISUAL", editor, 1)
        setenv("EDITOR", editor, 1)
        GatewaySession.current = GatewaySession(role: role)
        do {
            try command.run()
        } catch BoardError.readOnly(GatewaySession.viewerReason) {
            refuse(GatewaySession.viewerReason)
        }
    }

    /// The top-level subcommand `type` belongs to (`access` for `access add`); nil for the board.
    static func topLevelName(of type: ParsableCommand.Type) -> String? {
        func contains(_ parent: ParsableCommand.Type) -> Bool {
            parent == type || parent.configuration.subcommands.contains(where: contains)
        }
        return Lanes.configuration.subcommands.first(where: contains)?._commandName
    }

    /// The connecting key's fingerprint, from the file sshd names in `SSH_USER_AUTH`
    /// (`ExposeAuthInfo yes`): its last `publickey TYPE BASE64` line is the key that was accepted.
    static func fingerprint(_ environment: [String: String]) -> String {
        guard let path = environment["SSH_USER_AUTH"], let text = try? PrivateFile.read(path) else {
            return "key-unknown(ExposeAuthInfo-off)"
        }
        for line in text.split(separator: "\n").reversed() {
            let words = line.split(separator: " ")
            if words.count >= 3, words[0] == "publickey", let key = try? SSHKey(type: String(words[1]), base64: String(words[2])) {
                return key.fingerprint
            }
        }
        return "key-unknown"
    }

    /// `$VISUAL` for comments and descriptions written over the gateway: an editor that can
    /// neither open another file nor run a shell (nano's restricted mode), or none (`false`,
    /// which fails the edit and keeps the draft): vi's `:!sh` would be a shell as the account.
    static var restrictedEditor: String {
        for path in ["/usr/bin/rnano", "/bin/rnano"] where access(path, X_OK) == 0 { return path }
        for path in ["/usr/bin/nano", "/bin/nano"] where access(path, X_OK) == 0 { return path + " -R" }
        return "false"
    }
}
