import Foundation
import Testing

/// A board's first index (after a clone) is built in a file beside the index and renamed over
/// it, with a progress bar on a terminal: a build killed midway leaves nothing the next
/// command believes or keeps, and the bar is drawn only where a person watches.
@Suite struct IndexBuildTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }
    var indexDirectory: String { scratch.path + "/.cache/lanes/index" }

    /// A log of about 5 MB: big enough for the bar (4 MB) and for a build that takes a while.
    func bigBoard() throws {
        // A cache "directory" that is a file: no index, the board read whole.
        _ = FileManager.default.createFile(atPath: scratch.path + "/not-a-directory", contents: Data())
        #expect(try lanes.run(["init"]).status == 0)
        try scratch.appendIssues(10_000)
    }

    func builds() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: indexDirectory)) ?? []).filter { $0.contains("-build-") }
    }

    /// SIGKILL while the new index file is being written: the next command gives what the whole
    /// board gives and removes the killed build's file. A build that ends between the moment
    /// its file is seen and the kill (a loaded machine can keep the test from running that long)
    /// is no kill midway: then the index is removed and the build started again.
    @Test func aBuildKilledMidwayLeavesNoStrayFileAndTheNextCommandIsRight() throws {
        try bigBoard()
        var attempts = 0
        repeat {
            attempts += 1
            try? FileManager.default.removeItem(atPath: indexDirectory)
            let process = try lanes.start(["show", "1"])
            let deadline = Date().addingTimeInterval(Tmux.patience)
            while builds().isEmpty, process.isRunning, Date() < deadline { usleep(500) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        } while builds().isEmpty && attempts < 10
        #expect(!builds().isEmpty, "the build's own file was there to kill (\(attempts) attempts)")
        for number in ["2", "9999"] {
            let indexed = try lanes.run(["show", number])
            let whole = try lanes.run(["show", number], extraEnvironment: ["XDG_CACHE_HOME": scratch.path + "/not-a-directory"])
            #expect(indexed.status == 0 && indexed.stdout == whole.stdout, "#\(number)")
        }
        #expect(builds().isEmpty)
        #expect(try lanes.run(["add", "after the kill"]).stdout == "#10001\n")
    }

    /// `show` on a board with no index yet (a clone, here a cache directory of its own) builds
    /// only the issues' rows and leaves the name tables and indexes to the next command that
    /// needs them: `show`, then the queries that read the names, then a write and a query
    /// again, each prints what the whole board gives.
    @Test func showAfterACloneAndTheCommandsAfterItGiveWhatTheWholeBoardGives() throws {
        #expect(try lanes.run(["init"]).status == 0)
        for (title, extra) in [("one", ["--label", "bug", "--assign", "bob"]), ("two, after #1", ["--label", "Bug", "--label", "ui"]),
                               ("three", ["--assign", "Bob", "--assign", "cy"])] {
            #expect(try lanes.run(["add", title] + extra).status == 0)
        }
        let clone = ["XDG_CACHE_HOME": scratch.path + "/clone-cache"]
        let whole = ["XDG_CACHE_HOME": scratch.path + "/not-a-directory"]
        _ = FileManager.default.createFile(atPath: scratch.path + "/not-a-directory", contents: Data())
        func same(_ arguments: [String]) throws {
            let indexed = try lanes.run(arguments, extraEnvironment: clone), read = try lanes.run(arguments, extraEnvironment: whole)
            #expect(indexed.status == 0 && indexed.stdout == read.stdout, "\(arguments)")
        }
        try same(["show", "1"])
        try same(["show", "2", "--format", "json"])
        for query in ["label:bug", "assignee:bob", "label:ui assignee:cy", "is:open"] { try same(["list", query, "--format", "json"]) }
        #expect(try lanes.run(["assign", "2", "dee"], extraEnvironment: clone).status == 0)
        try same(["list", "assignee:dee", "--format", "json"])
        try same(["show", "2"])
    }

    /// On a terminal the build draws "lanes: indexing the board [###---] N%" on stderr, rising,
    /// and erases it at the end; its bytes are the bar's and nothing else.
    @Test(.enabled(if: Tmux.available)) func theBuildDrawsAProgressBarOnATerminalAndErasesIt() throws {
        var last = -1
        let drawn = try barsDrawn(width: 100)
        for line in drawn {
            // "lanes: indexing the board [###---...] N%": 30 cells, then the percentage, rising.
            let step = line.dropFirst("lanes: indexing the board [".count)
            let cells = step.prefix(30)
            #expect(cells.allSatisfy { $0 == "#" || $0 == "-" } && step.dropFirst(30).hasPrefix("] "), "\(step.debugDescription)")
            let percent = try #require(Int(step.dropFirst(32).dropLast()), "\(step.debugDescription)")
            #expect(step.hasSuffix("%") && percent > last && percent <= 100)
            #expect(cells.filter { $0 == "#" }.count == percent * 30 / 100)
            last = percent
        }
        #expect(drawn.count >= 3)
    }

    /// On a narrow terminal the bar narrows: a line as wide as the terminal wraps, and each
    /// redraw then started on the wrapped part (a 40-column pane filled with copies of the bar).
    @Test(.enabled(if: Tmux.available)) func theBarFitsANarrowTerminal() throws {
        let drawn = try barsDrawn(width: 40)
        #expect(drawn.count >= 3)
        for line in drawn {
            #expect(line.count < 40 && line.hasPrefix("lanes: indexing the board [") && line.hasSuffix("%"), "\(line.debugDescription)")
        }
    }

    /// The lines the build draws on a terminal `width` columns wide (each after its `\r`), once
    /// the bar has been erased and `lanes` is done.
    private func barsDrawn(width: Int) throws -> [String] {
        try bigBoard()
        let raw = scratch.path + "/pane.raw", go = scratch.path + "/go"
        let tmux = try lanes.inTmux("while [ ! -e \(Tmux.quote(go)) ]; do sleep 0.05; done\n\"$LANES\" show 1 >/dev/null",
                                    width: width, height: 10)
        try tmux.tmux(["pipe-pane", "-O", "-t", "main", "cat > \(Tmux.quote(raw))"])
        _ = FileManager.default.createFile(atPath: go, contents: Data())
        try tmux.waitFor("the bar erased, lanes done") { $0.contains("exit=0") && !$0.contains("indexing") }
        // The pipe's `cat` writes what tmux hands it in its own time: read the file once it holds
        // the last line the pane printed (before, it was read as soon as the pane showed it).
        #expect(eventually { scratch.contents("pane.raw").contains("exit=0") }, "the pane's output reached the file")
        let bytes = try String(contentsOfFile: raw, encoding: .utf8)
        let bar = "\rlanes: indexing the board"
        let start = try #require(bytes.range(of: bar), "no bar in \(bytes.debugDescription)")
        let end = try #require(bytes.range(of: "\r\u{1B}[K", options: .backwards))
        #expect(start.lowerBound < end.lowerBound)
        #expect(!bytes[end.upperBound...].contains("indexing"))
        return bytes[start.lowerBound..<end.lowerBound].components(separatedBy: "\r").dropFirst().map { String($0) }
    }

    /// Not on a terminal (a script, a pipe), the same build writes nothing to stderr.
    @Test func theBuildDrawsNothingWhenStderrIsNotATerminal() throws {
        try bigBoard()
        let result = try lanes.run(["show", "1"])
        #expect(result.status == 0 && result.stderr == "" && result.stdout.contains("Issue 1"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: indexDirectory).contains { $0.hasSuffix(".sqlite") })
    }
}
