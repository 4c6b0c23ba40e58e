import Foundation
import Testing

/// The `:` line in a real terminal: going to an issue by number and completing by position.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct PromptTerminalTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    /// Opens a prompt with `key`, types `text` literally, then sends `keys` (tmux key names).
    func typeInPrompt(_ tmux: Tmux, _ key: String, _ text: String, then keys: String...) throws {
        try tmux.send(key)
        try tmux.type(text)
        try tmux.tmux(["send-keys", "-t", "main"] + keys)
    }

    @Test func goToAnIssueByNumberAndCompleteArgumentsWithTab() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try lanes.run(["add", "Backlog thing", "--column", "backlog"])
        try lanes.run(["add", "Write the docs", "--column", "todo", "--label", "docs"])
        try lanes.run(["add", "日本語のタイトル", "--column", "doing", "--assign", "bob"])
        let tmux = try lanes.inTmux(width: 80, height: 24)
        try tmux.waitFor(text: "Write the docs")

        try typeInPrompt(tmux, ":", "3", then: "Enter")
        try tmux.waitFor("#3 opened") { $0.contains("Timeline") && $0.contains("#3 日本語のタイトル") }
        try tmux.send("q")
        try tmux.waitFor(text: "Backlog thing")

        try typeInPrompt(tmux, ":", "move re", then: "Tab")
        try tmux.waitFor(text: ":move review")
        try tmux.send("Enter")
        try tmux.waitFor(text: "#3 moved In progress → Review")

        try typeInPrompt(tmux, ":", "assign ", then: "Tab", "Tab")
        try tmux.waitFor("the candidates right above the prompt") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            guard let row = lines.firstIndex(where: { $0.contains("me  ann  bob") }) else { return false }
            return row + 1 < lines.count && lines[row + 1].hasPrefix(":assign")
        }
        try tmux.send("Escape")

        try typeInPrompt(tmux, "#", "2", then: "Enter")
        try tmux.waitFor("#2 opened") { $0.contains("Timeline") && $0.contains("#2 Write the docs") }
        try tmux.send("q")
        try tmux.send("q")
        try tmux.waitFor(text: "exit=0")
    }
}
