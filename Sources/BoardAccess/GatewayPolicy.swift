/// What `lanes ssh-gateway` refuses, decided from the words and the person's role alone.
///
/// The identity and the board come from the key's line in `authorized_keys`; nothing that
/// arrives over the connection may change them, and nothing but Lanes' own commands runs.
public enum GatewayPolicy {
    /// The commands only admins run: changing the board's columns and who has access.
    public static let adminOnly: Set<String> = ["columns", "access"]

    /// Commands that touch the host rather than the board (files by path, git, other boards):
    /// nobody runs them through the gateway, admins included. `intake` is the mail server's:
    /// through the gateway it would let a person write comments in any sender's name.
    public static let hostOnly: Set<String> = ["init", "import", "sync", "demo", "merge-driver", "ssh-gateway", "intake"]

    /// Why `role` may not run the top-level subcommand `command` (nil for the board itself).
    public static func refusal(command: String?, role: AccessRole) -> String? {
        guard let command else { return nil }
        if hostOnly.contains(command) { return "`\(command)` is not available over SSH" }
        if adminOnly.contains(command), role != .admin { return "`\(command)` is for admins (you are a \(role.rawValue))" }
        return nil
    }

    /// Options that would choose another identity or board, before a `--` (after it, words are
    /// plain text such as an issue title).
    public static func identityRefusal(_ words: [String]) -> String? {
        for word in words {
            if word == "--" { return nil }
            if word == "--as" || word.hasPrefix("--as=") { return "--as is not allowed: your name is fixed by your key" }
            if word == "--board" || word.hasPrefix("--board=") { return "--board is not allowed: your key opens one board" }
        }
        return nil
    }

    /// Variables that would choose another identity or board, had sshd accepted them
    /// (`AcceptEnv`, `PermitUserEnvironment`): refused, never silently ignored.
    public static func environmentRefusal(_ environment: [String: String]) -> String? {
        for name in ["LANES_USER", "LANES_BOARD"] where environment[name] != nil {
            return "\(name) is not allowed: your \(name == "LANES_USER" ? "name is fixed by your key" : "key opens one board")"
        }
        return nil
    }
}
