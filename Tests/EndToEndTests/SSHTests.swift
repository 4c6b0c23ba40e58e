import Foundation
import Testing

/// The board through a real OpenSSH server on 127.0.0.1, as engineers use it on a shared host:
/// `ssh -tt host lanes` inside a terminal, then a card moved from the keyboard.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct SSHTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    @Test func moveACardOverSSH() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try lanes.run(["add", "Over the wire", "--column", "todo"])
        let dir = scratch.path + "/ssh"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try SSHServer.makeKey(dir + "/user")
        try FileManager.default.copyItem(atPath: "\(dir)/user.pub", toPath: "\(dir)/authorized_keys")
        let server = try SSHServer(directory: dir, authorizedKeys: dir + "/authorized_keys", probeKey: dir + "/user")
        let remote = "cd \(Tmux.quote(scratch.path)) && LANES_USER=ann LANG=C.UTF-8 \(Tmux.quote(LanesProcess.binary))"
        let command = server.command(key: dir + "/user", tty: true).map(Tmux.quote).joined(separator: " ")
            + " " + Tmux.quote(remote)
        let tmux = try lanes.inTmux(command, width: 100, height: 24)
        // Wide box-drawing characters arrive intact.
        try tmux.waitFor("the board over SSH") { $0.contains("Over the wire") && $0.contains("To do") && $0.contains("│") }
        try tmux.send("l")
        try tmux.send("L")
        try tmux.waitFor(text: "#1 moved To do → In progress")
        try tmux.send("q")
        try tmux.waitFor(text: "exit=0")
        let issue = try json(lanes.run(["show", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(issue["column"] as? String == "doing")
    }
}
