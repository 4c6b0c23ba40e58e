import Foundation
import Testing

/// `lanes demo`: a living board in one command.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct DemoTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    @Test func theDemoOpensASeededBoardAndSaysWhereItIs() throws {
        let tmux = try lanes.inTmux("\"$LANES\" demo", width: 160, height: 40)
        // Every column and the cards' assignees ("@"), on the frame that says where the board is.
        let screen = try tmux.waitFor("the demo board") { screen in
            (["demo board in /tmp/lanes-demo-", "Backlog", "To do", "In progress", "Review", "Done", "@"]).allSatisfy(screen.contains)
        }
        let path = screen.components(separatedBy: "demo board in ").last!.components(separatedBy: " ").first!
        defer { try? FileManager.default.removeItem(atPath: path) }
        try tmux.send("v")
        try tmux.waitFor(text: "ASSIGNEES")
        try tmux.send("Q")
        try tmux.waitFor(text: "exit=0")
        // The demo board is a real board: about sixty issues, six people, comments and moves.
        let issues = try json(lanes.run(["export", "--board", path]).stdout) as! [String: Any]
        let list = issues["issues"] as! [[String: Any]]
        #expect(list.count == 60)
        let columns = Set(list.map { $0["column"] as! String })
        #expect(columns == ["backlog", "todo", "doing", "review", "done"])
        let actors = Set(list.flatMap { ($0["timeline"] as! [[String: Any]]).map { $0["actor"] as! String } })
        #expect(actors.count >= 6)
        let kinds = Set(list.flatMap { ($0["timeline"] as! [[String: Any]]).map { $0["kind"] as! String } })
        #expect(kinds.isSuperset(of: ["created", "moved", "commented", "labelled", "assigned"]))
        let created = list.map { $0["created"] as! String }.sorted()
        #expect(created.first!.prefix(10) < created.last!.prefix(10), "spread over weeks, not one moment")
        #expect(try lanes.run(["check", "--board", path]).status == 0)
    }
}
