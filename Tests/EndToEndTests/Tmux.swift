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
        Tmux.cells(try tmux(["capture-pane", "-e", "-p", "-t", "main"]))
    }

    /// The rows of a `capture-pane -e` capture as cells.
    static func cells(_ capture: String) -> [[StyledCell]] {
        capture.split(separator: "\n", omittingEmptySubsequences: false).map { StyledCell.parse(String($0)) }
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Whether the pane's command has exited.
    func exited() throws -> Bool {
        try tmux(["display-message", "-p", "-t", "main", "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// How long a wait may take before it fails. Only a failing wait reaches it (a passing one
    /// returns as soon as the screen is right), so it is long: CI runs every suite at once on
    /// two cores, and a test can wait its turn for many seconds.
    static let patience: Double = 120

    /// Polls the screen until `predicate` holds on a settled screen (the same capture twice,
    /// 50 ms apart: a capture can land in the middle of a repaint on a loaded machine), or
    /// `timeout` seconds pass. Whatever a test concludes from the screen belongs in `predicate`:
    /// a single capture can be a frame half drawn.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = Tmux.patience, _ predicate: (String) -> Bool) throws -> String {
        try settled(what, timeout: timeout, capture: screen, shown: { $0 }, predicate)
    }

    @discardableResult
    func waitFor(text: String, timeout: Double = Tmux.patience) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Waits for a settled screen on which `problems` finds nothing; if none comes, the error
    /// says what the last screen still had wrong.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = Tmux.patience, problems: (String) -> [String]) throws -> String {
        var found: [String] = []
        do {
            return try waitFor(what, timeout: timeout) { found = problems($0); return found.isEmpty }
        } catch var failure as TmuxTimeout {
            failure.what += " (\(found.joined(separator: "; ")))"
            throw failure
        }
    }

    /// `waitFor` on the screen's cells and their styles (`styledScreen`), settled the same way.
    @discardableResult
    func waitForStyled(_ what: String, timeout: Double = Tmux.patience, _ predicate: ([[StyledCell]]) -> Bool) throws -> [[StyledCell]] {
        let capture = try settled(what, timeout: timeout, capture: { try self.tmux(["capture-pane", "-e", "-p", "-t", "main"]) },
                                  shown: { Tmux.cells($0).map { String($0.map(\.character)) }.joined(separator: "\n") }) {
            predicate(Tmux.cells($0))
        }
        return Tmux.cells(capture)
    }

    /// The first capture that `predicate` accepts and the one 50 ms before it equals.
    private func settled(_ what: String, timeout: Double, capture: () throws -> String, shown: (String) -> String,
                         _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        var previous: String?
        while Date() < deadline {
            last = try capture()
            if predicate(last), last == previous { return last }
            previous = last
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxTimeout(what: what, screen: shown(last))
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

    /// The cell where `text` starts on the screen (its first occurrence), if it is there: the
    /// look of the card whose number and title `text` is.
    static func at(_ text: String, in rows: [[StyledCell]]) -> StyledCell? {
        for row in rows {
            let line = String(row.map(\.character))
            guard let range = line.range(of: text) else { continue }
            return row[line.distance(from: line.startIndex, to: range.lowerBound)]
        }
        return nil
    }

    /// Whether two cells are drawn alike as far as a selection goes (the background and reverse
    /// video; bold and colours carry over from the row above in `capture-pane -e`, which starts
    /// each row with only what changed). False if either is missing.
    static func sameLook(_ a: StyledCell?, _ b: StyledCell?) -> Bool {
        guard let a, let b else { return false }
        return a.background == b.background && a.reverse == b.reverse
    }

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
