/// The per-user directories lanes keeps files in, after the XDG base directory spec: the
/// personal board (data), the rc file and themes (config), what is never shared through a board's
/// directory or git, such as activity markers and kept drafts (state), and boards' indexes (cache).
///
/// Each is `$XDG_…_HOME/lanes` when that variable is an absolute path (the spec ignores relative
/// ones), else under `$HOME`, and under `/tmp` when HOME is not set either: one rule for all four.
public struct XDGDirectories: Sendable {
    /// `$XDG_DATA_HOME/lanes`, default `~/.local/share/lanes`.
    public let data: String
    /// `$XDG_CONFIG_HOME/lanes`, default `~/.config/lanes`.
    public let config: String
    /// `$XDG_STATE_HOME/lanes`, default `~/.local/state/lanes`.
    public let state: String
    /// `$XDG_CACHE_HOME/lanes`, default `~/.cache/lanes`: what can be rebuilt from the boards
    /// (each board's on-disk index).
    public let cache: String

    public init(environment: [String: String]) {
        func directory(_ variable: String, default relative: String) -> String {
            let base = environment[variable].flatMap { $0.hasPrefix("/") ? $0 : nil }
                ?? Path.join(environment["HOME"] ?? "/tmp", relative)
            return Path.join(base, "lanes")
        }
        data = directory("XDG_DATA_HOME", default: ".local/share")
        config = directory("XDG_CONFIG_HOME", default: ".config")
        state = directory("XDG_STATE_HOME", default: ".local/state")
        cache = directory("XDG_CACHE_HOME", default: ".cache")
    }
}
