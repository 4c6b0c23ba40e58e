import Foundation
import Testing

/// Archive, delete and go-to in a real terminal: `lanes delete` asks on a tty, and the board's
/// `X`, `D` (with its question), `:N`, `]` and undo, checked afterwards through the CLI.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct LifecycleTerminalTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    /// The question names the issues as the board has them (read from the index): a deleted
    /// or missing one is refused before anything is asked, as on the whole board.
    @Test func deleteRefusesADeletedIssueBeforeAsking() throws {
        #expect(try lanes.run(["init"]).status == 0)
        for title in ["Alpha", "Bravo"] { try lanes.run(["add", title]) }
        #expect(try lanes.run(["delete", "--yes", "1"]).status == 0) // builds the index
        let tmux = try lanes.inTmux("\"$LANES\" delete 1 2", width: 100, height: 10)
        let screen = try tmux.waitFor(text: "exit=1")
        #expect(screen.contains("lanes: #1 is deleted (lanes restore 1, or :restore 1 in the board, brings it back)"))
        #expect(!screen.contains("[y/N]"))
        #expect(try lanes.run(["list", "Bravo"]).stdout.contains("#2"))
    }

    @Test func deleteAsksOnATerminalThenTheBoardArchivesDeletesAndGoesTo() throws {
        #expect(try lanes.run(["init"]).status == 0)
        for title in ["Alpha", "Bravo", "Charlie", "Delta"] { try lanes.run(["add", title, "--column", "todo"]) }
        let tmux = try lanes.inTmux("\"$LANES\" delete 4 && \"$LANES\"", width: 100, height: 24)
        try tmux.waitFor(text: "Delete #4 \"Delta\"? It leaves the board, lists and exports; its text stays in the log. [y/N]")
        try tmux.type("y")
        try tmux.send("Enter")
        try tmux.waitFor("the board without #4, deleted from the command line") { $0.contains("3 issues") && !$0.contains("Delta") }

        try tmux.send("l") // To do: #1 Alpha selected
        try tmux.send("X")
        try tmux.waitFor("#1 archived, off the board") { $0.contains("#1 archived") && !$0.contains("Alpha") }
        try tmux.send("D")
        try tmux.waitFor(text: "delete #2 \"Bravo\"? its text stays in the log; :restore brings it back (y/n)")
        try tmux.send("y")
        try tmux.waitFor("#2 deleted, off the board") { $0.contains("#2 deleted") && !$0.contains("Bravo") }
        try tmux.send("u")
        try tmux.waitFor(text: "undid: #2 deleted")
        try tmux.waitFor(text: "Bravo")

        try tmux.send(":")
        try tmux.type("1")
        try tmux.send("Enter")
        try tmux.waitFor(text: "#1 is archived (not on the board; X unarchives it)")
        try tmux.send("X")
        try tmux.waitFor(text: "#1 unarchived")
        try tmux.send("]")
        try tmux.waitFor(text: "#2 Bravo")
        try tmux.send("q", "q")
        try tmux.waitFor(text: "exit=0")

        let issues = try json(lanes.run(["export", "--include-deleted"]).stdout) as! [String: Any]
        let states = (issues["issues"] as! [[String: Any]]).map { [$0["archived"] as! Bool, $0["deleted"] as! Bool] }
        #expect(states == [[false, false], [false, false], [false, false], [false, true]])
        let kinds = ((issues["issues"] as! [[String: Any]])[1]["timeline"] as! [[String: Any]]).map { $0["kind"] as! String }
        #expect(kinds == ["created", "deleted", "restored"], "the undo is an event too")
    }
}
