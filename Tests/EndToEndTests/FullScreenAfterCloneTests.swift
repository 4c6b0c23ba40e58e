import Foundation
import Testing
@testable import BoardIndex

/// The full-screen board on a board with no index yet (after a clone) reads the whole log to
/// draw its first frame: it shows how far that read is, and builds the index from the same
/// read behind its first frame, so that the next command does not read and fold the log again.
extension IndexBuildTests {
    /// The index file the board's commands read (not a build's own file), if there is one.
    func builtIndexSize() -> Int {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: indexDirectory)) ?? [])
            .filter { $0.hasSuffix(".sqlite") && !$0.contains("-build-") }
        return names.compactMap { (try? FileManager.default.attributesOfItem(atPath: indexDirectory + "/" + $0))?[.size] as? Int }.max() ?? 0
    }

    /// On a terminal, before the board takes the screen, "lanes: reading the board [###---] N%"
    /// on stderr while the log is read, erased before the first frame.
    @Test(.enabled(if: Tmux.available)) func theFullScreenBoardAfterACloneDrawsAProgressBarWhileItReads() throws {
        try bigBoard()
        let raw = scratch.path + "/pane.raw", go = scratch.path + "/go"
        let tmux = try lanes.inTmux("while [ ! -e \(Tmux.quote(go)) ]; do sleep 0.05; done\n\"$LANES\"", width: 100, height: 20)
        try tmux.tmux(["pipe-pane", "-O", "-t", "main", "cat > \(Tmux.quote(raw))"])
        _ = FileManager.default.createFile(atPath: go, contents: Data())
        _ = try tmux.waitFor("the first frame") { $0.contains("Issue 1") }
        try tmux.send("q")
        _ = try tmux.waitFor("the board closed") { $0.contains("exit=0") }
        #expect(eventually { scratch.contents("pane.raw").contains("exit=0") }, "the pane's output reached the file")
        let bytes = try String(contentsOfFile: raw, encoding: .utf8)
        let bar = "\rlanes: reading the board ["
        let start = try #require(bytes.range(of: bar), "no bar in \(bytes.prefix(2000).debugDescription)")
        let erased = try #require(bytes.range(of: "\r\u{1B}[K", range: start.upperBound..<bytes.endIndex))
        let firstCard = try #require(bytes.range(of: "Issue 1"))
        #expect(erased.upperBound <= firstCard.lowerBound, "the bar is gone before the board is drawn")
        #expect(bytes[start.lowerBound..<erased.lowerBound].components(separatedBy: bar).count >= 2, "the bar is drawn")
    }

    /// A first free-text query does not wait for the index's text table (a minute at a million
    /// issues): on a terminal it draws no bar for it and answers; the table is built behind it.
    @Test(.enabled(if: Tmux.available)) func aFirstTextQueryAnswersWithoutWaitingForTheTextIndex() throws {
        try bigBoard()
        #expect(try lanes.run(["show", "1"]).status == 0)
        let raw = scratch.path + "/pane.raw", go = scratch.path + "/go"
        let tmux = try lanes.inTmux("while [ ! -e \(Tmux.quote(go)) ]; do sleep 0.05; done\n\"$LANES\" list zyzzyva", width: 100, height: 20)
        try tmux.tmux(["pipe-pane", "-O", "-t", "main", "cat > \(Tmux.quote(raw))"])
        _ = FileManager.default.createFile(atPath: go, contents: Data())
        _ = try tmux.waitFor("the list printed") { $0.contains("exit=0") }
        #expect(eventually { scratch.contents("pane.raw").contains("exit=0") }, "the pane's output reached the file")
        let bytes = try String(contentsOfFile: raw, encoding: .utf8)
        #expect(!bytes.contains("indexing the board's text"), "\(bytes.prefix(2000).debugDescription)")
        #expect(bytes.contains("ID  TITLE"))
        #expect(try eventually(timeout: 60) { try lanes.textIndexed() && lanes.noTextIndexBuild() }, "indexed behind the answer")
    }

    /// The index is built behind the first frame, while the board is open: once it is there the
    /// board quits, and the commands after it read that index and give what the whole board gives.
    @Test(.enabled(if: Tmux.available)) func theFullScreenBoardAfterACloneBuildsTheIndexBehindItsFirstFrame() throws {
        try bigBoard()
        #expect(builtIndexSize() == 0)
        let tmux = try lanes.inTmux(width: 100, height: 20)
        _ = try tmux.waitFor("the first frame") { $0.contains("Issue 1") }
        #expect(eventually { builtIndexSize() > 1 << 20 }, "the open board built the index of its 10,000 issues")
        #expect(eventually { builds().isEmpty })
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: indexDirectory).first { $0.hasSuffix(".sqlite") })
        let meta = try #require(try IndexMeta.read(from: SQLiteDatabase(path: indexDirectory + "/" + name, create: false)))
        #expect(!meta.isDeferred, "the whole index: the next command has nothing left to write")
        try tmux.send("q")
        _ = try tmux.waitFor("the board closed") { $0.contains("exit=0") }
        let whole = ["XDG_CACHE_HOME": scratch.path + "/not-a-directory"]
        for arguments in [["show", "9999", "--format", "json"], ["list", "is:open", "--format", "json"]] {
            let indexed = try lanes.run(arguments), read = try lanes.run(arguments, extraEnvironment: whole)
            #expect(indexed.status == 0 && indexed.stdout == read.stdout, "\(arguments)")
        }
    }

    /// Quit at once, while the index is being built behind the first frame: the build is left
    /// as a killed one is, and the next command builds the index again and gives what the whole
    /// board gives.
    @Test(.enabled(if: Tmux.available)) func quittingWhileTheIndexIsBuiltBehindTheBoardLeavesNothingBelieved() throws {
        try bigBoard()
        let tmux = try lanes.inTmux(width: 100, height: 20)
        _ = try tmux.waitFor("the first frame") { $0.contains("Issue 1") }
        try tmux.send("q")
        _ = try tmux.waitFor("the board closed") { $0.contains("exit=0") }
        let whole = ["XDG_CACHE_HOME": scratch.path + "/not-a-directory"]
        let indexed = try lanes.run(["show", "9999", "--format", "json"])
        let read = try lanes.run(["show", "9999", "--format", "json"], extraEnvironment: whole)
        #expect(indexed.status == 0 && indexed.stdout == read.stdout)
        #expect(builds().isEmpty)
    }
}
