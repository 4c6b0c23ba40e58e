import Foundation
import Testing

/// The real binary in a real terminal (tmux): what a user sees and does.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct BoardTerminalTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    func seedBoard() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try lanes.run(["add", "Backlog thing", "--column", "backlog"])
        try lanes.run(["add", "Write the docs", "--column", "todo", "--label", "docs"])
        try lanes.run(["add", "日本語のタイトル", "--column", "doing", "--assign", "bob"])
        try lanes.run(["add", "Review me", "--column", "review", "--priority", "high"])
        try lanes.run(["add", "Done already", "--column", "done"])
    }

    func open(width: Int = 120, height: Int = 40, script: String = "\"$LANES\"") throws -> Tmux {
        try lanes.inTmux(script, width: width, height: height)
    }

    @Test func moveACardOpenItSeeTheMoveAndQuit() throws {
        try seedBoard()
        let tmux = try open()
        try tmux.waitFor("every column and card") { screen in
            (["Backlog", "To do", "In progress", "Review", "Done", "Write the docs", "日本語のタイトル"]).allSatisfy(screen.contains)
        }

        try tmux.send("l")   // select "To do"
        try tmux.send("L")   // move #2 to "In progress"
        try tmux.waitFor(text: "#2 moved To do → In progress")
        try tmux.send("Enter")
        try tmux.waitFor("#2 opened, the move in its timeline") {
            $0.contains("Timeline") && $0.contains("#2 Write the docs") && $0.contains("ann moved To do → In progress")
        }
        try tmux.send("q")
        try tmux.waitFor(text: "Backlog")
        try tmux.send("q")
        try tmux.waitFor("lanes to exit") { _ in (try? tmux.exited()) == true }

        let shown = try json(lanes.run(["show", "2", "--format", "json"]).stdout) as! [String: Any]
        #expect(shown["column"] as? String == "doing")
        let kinds = (shown["timeline"] as! [[String: Any]]).map { $0["kind"] as! String }
        #expect(kinds.last == "moved")
    }

    @Test func resizingRelaysOutAtEverySize() throws {
        try seedBoard()
        let tmux = try open(width: 120, height: 40)
        try tmux.waitFor("the board") { $0.contains("Review me") && $0.contains("Done already") }
        try tmux.resize(width: 30, height: 10)
        // Wait for the whole message: a capture can land between two lines of one repaint.
        try tmux.waitFor("the too-small message") { $0.contains("too small") && $0.contains("40×12") }
        try tmux.resize(width: 120, height: 40)
        try tmux.waitFor("the board again") { $0.contains("Review me") && $0.contains("Done already") && !$0.contains("too small") }
        try tmux.resize(width: 40, height: 12)
        try tmux.waitFor("the board at 40x12") { $0.contains("Backlog") && $0.contains("board ·") }
        try tmux.send("q")
        try tmux.waitFor("lanes to exit") { _ in (try? tmux.exited()) == true }
    }

    @Test func theTerminalIsRestoredOnQuit() throws {
        try seedBoard()
        let tmux = try open()
        try tmux.waitFor(text: "Backlog")
        try tmux.send("q")
        let after = try tmux.waitFor(text: "exit=0")
        #expect(!after.contains("Backlog"), "the board is gone: the alternate screen was left")
    }

    @Test func filterHelpAndCommandLine() throws {
        try seedBoard()
        let tmux = try open()
        try tmux.waitFor(text: "Write the docs")
        try tmux.send("/")
        try tmux.type("label:docs")
        try tmux.waitFor("the filter to apply as I type") {
            !$0.contains("Backlog thing") && $0.contains("Write the docs") && $0.contains("label:docs")
        }
        try tmux.send("Enter")
        try tmux.waitFor(text: "1/5 issues")
        try tmux.send("Escape")
        try tmux.waitFor(text: "Backlog thing")
        try tmux.send("?")
        try tmux.waitFor(text: "move-card-right")
        try tmux.send("q")
        try tmux.type(":move revi")
        try tmux.send("Enter")
        try tmux.waitFor(text: "no column \"revi\"")
        try tmux.type(":move review")
        try tmux.send("Enter")
        try tmux.waitFor(text: "#1 moved Backlog → Review")
        try tmux.send("Q")
        try tmux.waitFor("lanes to exit") { _ in (try? tmux.exited()) == true }
    }

    @Test func refusesWithoutATerminalOrTERM() throws {
        try seedBoard()
        let piped = try lanes.run([])
        #expect(piped.status == 1)
        #expect(piped.stderr == "lanes: not a terminal; try \"lanes list\"\n")

        let tmux = try open(script: "env -u TERM \"$LANES\"")
        let screen = try tmux.waitFor(text: "exit=1")
        #expect(screen.contains("lanes: TERM is not set"))
        let unknown = try open(script: "TERM=no-such-term \"$LANES\"")
        let text = try unknown.waitFor(text: "exit=1")
        #expect(text.contains("unknown terminal type \"no-such-term\""))
    }

    @Test func headlessKeysDumpTheScreen() throws {
        try seedBoard()
        let result = try lanes.run(["--keys", "lL<Enter>", "--size", "80x24", "--dump"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("#2 Write the docs"))
        #expect(result.stdout.contains("moved To do → In progress"))
        #expect(result.stdout.split(separator: "\n").count <= 24)
        let bad = try lanes.run(["--keys", "<Nope>", "--dump"])
        #expect(bad.status == 1 && bad.stderr.contains("bad --keys"))
    }
}

@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct LiveBoardTerminalTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    @Test func anotherProcesssMoveAppearsWithinASecondAndTheSelectionFollows() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try lanes.run(["add", "First", "--column", "todo"])
        try lanes.run(["add", "Second", "--column", "todo"])
        let tmux = try lanes.inTmux(width: 120, height: 30)
        let before = try tmux.waitForStyled("both cards") { StyledCell.at("#1 First", in: $0) != nil && StyledCell.at("#2 Second", in: $0) != nil }
        let plain = StyledCell.at("#2 Second", in: before)
        try tmux.send("l", "j") // select #2
        // #2 selected before bob moves it (else the selection had nothing to follow).
        try tmux.waitForStyled("#2 selected") {
            !StyledCell.sameLook(StyledCell.at("#2 Second", in: $0), plain) && StyledCell.sameLook(StyledCell.at("#1 First", in: $0), plain)
        }
        var bob = lanes
        bob.user = "bob"
        #expect(try bob.run(["move", "2", "review"]).status == 0)
        // Noticed without a key press (the board polls twice a second; no timing is asserted
        // here, the limit only keeps a broken board from hanging the suite).
        try tmux.waitFor(text: "bob: #2 moved To do → Review")
        // The selection followed #2 into Review: opening shows #2.
        try tmux.send("Enter")
        try tmux.waitFor("#2 opened") { $0.contains("Timeline") && $0.contains("#2 Second") }
        try tmux.send("Q")
    }
}

extension LiveBoardTerminalTests {
    /// A save while another process holds `.lanes/lock` says who holds it and gives up on q:
    /// the board answers again, nothing is saved; once the lock is free the save works.
    @Test func aSaveWaitingForTheLockIsGivenUpWithQ() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try lanes.run(["add", "First", "--column", "todo"])
        let holder = try HeldLock(scratch.path + "/.lanes/lock", releaseIn: scratch.path)
        let tmux = try lanes.inTmux(width: 120, height: 30)
        try tmux.waitFor(text: "First")
        try tmux.send("l", "L") // move #1 to In progress: a save
        try tmux.waitFor(text: "waiting for the board lock held by pid \(holder.pid) (flock); q cancels")
        try tmux.send("q")
        try tmux.waitFor(text: "stopped waiting for the board lock held by pid \(holder.pid) (flock); nothing was saved")
        #expect(!(try tmux.exited()))
        let shown = try json(lanes.run(["show", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(shown["column"] as? String == "todo")
        holder.release()
        try tmux.send("L") // the same move saves now
        try tmux.waitFor(text: "#1 moved To do → In progress")
        try tmux.send("q")
        try tmux.waitFor("lanes to exit") { _ in (try? tmux.exited()) == true }
        let moved = try json(lanes.run(["show", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(moved["column"] as? String == "doing")
    }
}
