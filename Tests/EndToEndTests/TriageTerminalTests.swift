import Foundation
import Testing

/// Triage from the keyboard in a real terminal, with a fake `$EDITOR`, then the CLI checks
/// that every change was saved as an event by the right actor.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct TriageTerminalTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    @Test func triageAnIssueFromTheKeyboard() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try lanes.run(["add", "Someone else's", "--column", "todo", "--assign", "bob"])
        // The fake editor writes a comment into whatever file it is given.
        let editor = try editorScript("fake-editor.sh", "printf 'Comment from the editor\\n' > \"$1\"\n")
        let tmux = try lanes.inTmux("EDITOR=\(editor) \"$LANES\"", width: 120, height: 30)
        try tmux.waitFor(text: "Someone else's")

        try tmux.send("n")
        try tmux.type("Triage me 日本")
        try tmux.send("Enter")
        try tmux.waitFor(text: "#2 created")
        try tmux.send("a")
        try tmux.type("me")
        try tmux.send("Enter")
        try tmux.waitFor(text: "#2 assigned ann")
        try tmux.send("t")
        try tmux.type("+bug +ui")
        try tmux.send("Enter")
        try tmux.waitFor(text: "#2 added label bug, added label ui") // every change, not only the last
        try tmux.send("p", "h")
        try tmux.waitFor(text: "#2 set priority high")
        try tmux.send("c")
        try tmux.waitFor(text: "#2 commented")

        try tmux.send("2") // mine: only #2
        try tmux.waitFor("only mine") { $0.contains("mine") && $0.contains("Triage me") && !$0.contains("Someone else's") }
        try tmux.send("1")
        try tmux.waitFor(text: "Someone else's")
        try tmux.send("/")
        try tmux.type("label:ui")
        try tmux.send("Enter")
        try tmux.waitFor("the filter applied") { $0.contains("1/2 issues") && !$0.contains("Someone else's") }
        try tmux.send("Escape")
        try tmux.waitFor(text: "Someone else's")

        try tmux.send("L") // move #2 Backlog → To do, then undo it
        try tmux.waitFor(text: "#2 moved Backlog → To do")
        try tmux.send("u")
        try tmux.waitFor(text: "undid: #2 moved Backlog → To do")
        try tmux.send("q")
        try tmux.waitFor(text: "exit=0")

        let issue = try json(lanes.run(["show", "2", "--format", "json"]).stdout) as! [String: Any]
        #expect(issue["title"] as? String == "Triage me 日本")
        #expect(issue["assignees"] as? [String] == ["ann"])
        #expect(issue["labels"] as? [String] == ["bug", "ui"])
        #expect(issue["priority"] as? String == "high")
        #expect(issue["column"] as? String == "backlog", "the move was undone")
        let timeline = issue["timeline"] as! [[String: Any]]
        #expect(timeline.map { $0["kind"] as! String }
            == ["created", "assigned", "labelled", "labelled", "prioritised", "commented", "moved", "moved"])
        #expect(timeline.allSatisfy { $0["actor"] as? String == "ann" })
        #expect(timeline.first { $0["kind"] as? String == "commented" }?["text"] as? String == "Comment from the editor")
    }

    /// The defect: an editor that changes only the title line dropped Markdown headings and
    /// `#42` lines from the description; `lanes comment N` in the editor had the same rule.
    @Test func editingInTheEditorKeepsEveryLineThePersonWrote() throws {
        #expect(try lanes.run(["init"]).status == 0)
        let body = "# Steps\n1. open\n#42 is related\n## Expected\nno crash"
        try lanes.run(["add", "M", "--body", body, "--column", "todo"])
        let titleEditor = try editorScript("title-editor.sh", "sed -i '1s/.*/Crash on open/' \"$1\"\n")
        // The comment editor types on the first line, where the cursor starts, and keeps the rest.
        let commentEditor = try editorScript("comment-editor.sh",
                                             "{ printf '# Cause\\n#42 again\\n'; tail -n +2 \"$1\"; } > \"$1.new\" && mv \"$1.new\" \"$1\"\n")
        let tmux = try lanes.inTmux("EDITOR=\(titleEditor) \"$LANES\"\nEDITOR=\(commentEditor) \"$LANES\" comment 1",
                                    width: 120, height: 30)
        try tmux.waitFor(text: "Backlog")
        try tmux.send("l", "e")
        try tmux.waitFor(text: "#1 retitled to \"Crash on open\"")
        try tmux.send("q")
        try tmux.waitFor(text: "exit=0")

        let issue = try json(lanes.run(["show", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(issue["title"] as? String == "Crash on open")
        #expect(issue["body"] as? String == body)
        let timeline = issue["timeline"] as! [[String: Any]]
        #expect(timeline.first { $0["kind"] as? String == "commented" }?["text"] as? String == "# Cause\n#42 again")
    }

    /// `lanes comment N` in the editor, when the save fails (here the lock cannot be taken):
    /// the comment is kept where the error says and offered again by the next `lanes comment N`.
    @Test func aCommentThatCannotBeSavedIsKeptForTheNextTry() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try lanes.run(["add", "M"])
        let editor = try editorScript("comment-editor.sh",
                                      "{ printf '# Findings\\n#42 again\\n'; tail -n +2 \"$1\"; } > \"$1.new\" && mv \"$1.new\" \"$1\"\n")
        let lock = scratch.path + "/.lanes/lock"
        let script = """
            rm -f \(Tmux.quote(lock)) && mkdir \(Tmux.quote(lock))
            EDITOR=\(editor) "$LANES" comment 1 2>\(Tmux.quote(scratch.path + "/first.err"))
            rmdir \(Tmux.quote(lock))
            EDITOR=true "$LANES" comment 1
            """
        let tmux = try lanes.inTmux(script, width: 120, height: 30)
        try tmux.waitFor(text: "exit=0")
        let error = try String(contentsOfFile: scratch.path + "/first.err", encoding: .utf8)
        #expect(error.hasPrefix("lanes: cannot "))
        let kept = try #require(error.range(of: "your comment is kept in "))
        let path = String(error[kept.upperBound...].dropLast()) // the newline
        #expect(path.hasPrefix(scratch.path + "/.local/state/lanes/recovery/"))
        #expect(!FileManager.default.fileExists(atPath: path), "saved the second time: the recovery file is gone")
        let issue = try json(lanes.run(["show", "1", "--format", "json"]).stdout) as! [String: Any]
        let comments = (issue["timeline"] as! [[String: Any]]).filter { $0["kind"] as? String == "commented" }
        #expect(comments.map { $0["text"] as? String } == ["# Findings\n#42 again"])
    }

    /// `$EDITOR` for a test: `script` in a file, run by `sh`, quoted for the tmux command line.
    /// Never the file itself: executing a script just written fails with "text file busy"
    /// (exit 126) when another test's process, forked in that moment, inherited its write
    /// descriptor; sh only reads it.
    private func editorScript(_ name: String, _ script: String) throws -> String {
        let path = scratch.path + "/" + name
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        return Tmux.quote("/bin/sh " + path)
    }
}
