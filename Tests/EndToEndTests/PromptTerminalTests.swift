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
        let issue = try tmux.waitFor(text: "Timeline")
        #expect(issue.contains("#3 日本語のタイトル"))
        try tmux.send("q")
        try tmux.waitFor(text: "Backlog thing")

        try typeInPrompt(tmux, ":", "move re", then: "Tab")
        try tmux.waitFor(text: ":move review")
        try tmux.send("Enter")
        try tmux.waitFor(text: "#3 moved In progress → Review")

        try typeInPrompt(tmux, ":", "assign ", then: "Tab", "Tab")
        let listed = try tmux.waitFor(text: "me  ann  bob")
        let lines = listed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try #require(lines.firstIndex { $0.contains("me  ann  bob") })
        #expect(lines[row + 1].hasPrefix(":assign"), "the candidates sit right above the prompt")
        try tmux.send("Escape")

        try typeInPrompt(tmux, "#", "2", then: "Enter")
        let second = try tmux.waitFor(text: "Timeline")
        #expect(second.contains("#2 Write the docs"))
        try tmux.send("q")
        try tmux.send("q")
        try tmux.waitFor(text: "exit=0")
    }
}
