import Foundation

/// A private tmux server running one command in a pane of a given size, for driving the real
/// binary in a real terminal: send keys, read the screen.
final class Tmux {
    let socket = "lanes-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

    /// Starts `command` (a shell command line) in a detached session. `swift test` sets NO_COLOR,
    /// which the pane would inherit from the server: it is unset unless `environment` sets it.
    init(_ command: String, width: Int, height: Int, environment: [String: String]) throws {
        let exports = environment.map { "\($0.key)=\(Tmux.quote($0.value))" }.sorted().joined(separator: " ")
        // remain-on-exit from the start: a command that exits at once must leave its output.
        let config = "/tmp/\(socket).conf"
        try "set -g remain-on-exit on\n".write(toFile: config, atomically: true, encoding: .utf8)
        try tmux(capture: false, ["-f", config, "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)",
                  "env -u NO_COLOR \(exports) \(command)"])
    }

    deinit {
        _ = try? tmux(capture: false, ["kill-server"])
        unlink("/tmp/\(socket).conf")
    }

    /// Runs a tmux client (through `Spawn`: the server it forks would keep a pipe open forever).
    @discardableResult
    func tmux(capture: Bool = true, _ arguments: [String]) throws -> String {
        let line = (["tmux", "-L", socket] + arguments).map(Tmux.quote).joined(separator: " ")
        let result = Spawn.run(capture ? line + " 2>/dev/null" : line + " >/dev/null 2>&1")
        return capture ? result.output : ""
    }

    /// Sends keys as tmux key names (`Enter`, `Escape`, `C-l`) or literal text with `literal`.
    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys) }
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "main", "-l", text]) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "main"]) }

    /// The screen as cells with the SGR state each is drawn in (`capture-pane -e`), one array per row.
    func styledScreen() throws -> [[StyledCell]] {
        try tmux(["capture-pane", "-e", "-p", "-t", "main"]).split(separator: "\n", omittingEmptySubsequences: false)
            .map { StyledCell.parse(String($0)) }
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Whether the pane's command has exited.
    func exited() throws -> Bool {
        try tmux(["display-message", "-p", "-t", "main", "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Polls the screen until `predicate` holds on a settled screen (the same capture twice,
    /// 50 ms apart: a capture can land in the middle of a repaint on a loaded machine), or 15 s
    /// pass, generous for a slow CI machine.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 15, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        var previous: String?
        while Date() < deadline {
            last = try screen()
            if predicate(last), last == previous { return last }
            previous = last
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxTimeout(what: what, screen: last)
    }

    @discardableResult
    func waitFor(text: String, timeout: Double = 15) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }
}

struct TmuxTimeout: Error, CustomStringConvertible {
    var what: String
    var screen: String
    var description: String { "timed out waiting for \(what); the screen was:\n\(screen)" }
}

extension LanesProcess {
    /// Runs `script` in a new tmux pane of a private server, from the board's directory, then
    /// prints `exit=STATUS`. In the script `$LANES` is the binary. A script file keeps `$?` and
    /// quotes away from tmux's own shell; it starts with an empty line because tmux 3.3 drops
    /// the first line a new detached pane prints.
    func inTmux(_ script: String = "\"$LANES\"", width: Int, height: Int, environment extra: [String: String] = [:]) throws -> Tmux {
        let path = home + "/run-\(UInt32.random(in: 0...UInt32.max)).sh"
        try "echo\ncd \(Tmux.quote(home))\nLANES=\(Tmux.quote(LanesProcess.binary))\n\(script)\necho \"exit=$?\"\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        var environment = self.environment
        environment["TERM"] = "tmux-256color"
        environment.merge(extra) { $1 }
        return try Tmux("sh \(Tmux.quote(path))", width: width, height: height, environment: environment)
    }
}

/// One character of a captured pane and the SGR attributes in force where it is drawn.
struct StyledCell {
    var character: Character
    /// 30–37/90–97 or nil for the default foreground; 40–47/100–107 or nil for the default background.
    var foreground: Int?
    var background: Int?
    var reverse: Bool
    var bold: Bool

    /// Reads tmux's `capture-pane -e` output: text with `ESC [ … m` sequences between.
    static func parse(_ line: String) -> [StyledCell] {
        var cells: [StyledCell] = []
        var state = StyledCell(character: " ", foreground: nil, background: nil, reverse: false, bold: false)
        var characters = Array(line)[...]
        while let next = characters.first {
            characters = characters.dropFirst()
            guard next == "\u{1B}", characters.first == "[" else {
                state.character = next
                cells.append(state)
                continue
            }
            characters = characters.dropFirst()
            var parameters = ""
            while let c = characters.first, !c.isLetter { parameters.append(c); characters = characters.dropFirst() }
            guard characters.popFirst() == "m" else { continue }
            var codes = parameters.split(separator: ";").compactMap { Int($0) }[...]
            if codes.isEmpty { codes = [0] }
            while let code = codes.popFirst() {
                switch code {
                case 0: (state.foreground, state.background, state.reverse, state.bold) = (nil, nil, false, false)
                case 1: state.bold = true
                case 7: state.reverse = true
                case 22: state.bold = false
                case 27: state.reverse = false
                case 30...37, 90...97: state.foreground = code
                case 39: state.foreground = nil
                case 40...47, 100...107: state.background = code
                case 49: state.background = nil
                case 38, 48: // 256 colours or RGB: keep the index as 1000+n so it is not mistaken for black
                    let index = codes.first == 5 ? codes.dropFirst().first ?? 0 : 0
                    codes = codes.dropFirst(codes.first == 5 ? 2 : 4)
                    if code == 38 { state.foreground = 1000 + index } else { state.background = 1000 + index }
                default: break
                }
            }
        }
        return cells
    }
}
