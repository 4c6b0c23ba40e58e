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
        try tmux.waitFor("#1 opened") { $0.contains("Goal") && $0.contains("[ ] see #2") }
        for _ in 0..<7 { try tmux.send("j") } // five fields, the heading, the task (blank lines are passed)
        try tmux.waitForStyled("the cursor on the task line") { rows in
            rows.contains { row in row.contains { $0.reverse } && String(row.map(\.character)).contains("see #2") }
        }
        try tmux.send("Enter")
        try tmux.waitFor("#2 followed") { $0.contains("details") && $0.contains("#2 Other") }
        try tmux.send("BSpace")
        try tmux.waitFor(text: "Goal")
        try tmux.send("G")
        try tmux.waitFor("the table aligned in ASCII") { $0.contains("1 | 2") && $0.contains("a | ????") && $0.contains("--+-----") }
        try tmux.send("q")
        _ = try tmux.waitFor(text: "Backlog")
        try tmux.send("Q")
        _ = try tmux.waitFor(text: "exit=0")
    }
}
