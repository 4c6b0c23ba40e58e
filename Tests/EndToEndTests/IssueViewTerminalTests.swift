import Foundation
import Testing

/// The readable issue view in a real terminal: an 8-colour `xterm` with `LANG=C` at 40×12, as
/// many SSH sessions are. Markdown stays aligned in ASCII, the selected line is visible without
/// colour shades, and <Enter> on a `#N` follows it with <Backspace> back.
@Suite struct IssueViewTerminalTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    @Test func markdownFollowAndBackOnAnEightColourCLocaleTerminal() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try lanes.run(["add", "Plan", "--body", "# Goal\n- [ ] see #2\n\n| a | 日本 |\n|---|---|\n| 1 | 2 |"])
        try lanes.run(["add", "Other", "--body", "details"])
        let tmux = try lanes.inTmux(width: 40, height: 12, environment: ["TERM": "xterm", "LANG": "C", "LC_ALL": "C"])
        _ = try tmux.waitFor(text: "#1 Plan")
        try tmux.send("Enter")
        var screen = try tmux.waitFor(text: "Goal")
        #expect(screen.contains("[ ] see #2"))
        for _ in 0..<7 { try tmux.send("j") } // five fields, the heading, the task (blank lines are passed)
        screen = try tmux.waitFor("the cursor on the task line") { _ in
            (try? tmux.styledScreen().contains { row in row.contains { $0.reverse } && String(row.map(\.character)).contains("see #2") }) == true
        }
        try tmux.send("Enter")
        screen = try tmux.waitFor(text: "details")
        #expect(screen.contains("#2 Other"))
        try tmux.send("BSpace")
        screen = try tmux.waitFor(text: "Goal")
        try tmux.send("G")
        screen = try tmux.waitFor(text: "1 | 2")
        #expect(screen.contains("a | ????") && screen.contains("--+-----"), "aligned in ASCII:\n\(screen)")
        try tmux.send("q")
        _ = try tmux.waitFor(text: "Backlog")
        try tmux.send("Q")
        _ = try tmux.waitFor(text: "exit=0")
    }
}
