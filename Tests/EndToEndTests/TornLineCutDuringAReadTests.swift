import Foundation
import Testing

/// A whole read maps the log as long as it was when the read began, torn last line included;
/// a writer that meanwhile sets that line aside cuts it off the file (`setAsideTornTail`), and
/// the pages past the new end are then no longer the file's. The read must still end, and
/// give the board: never die of the cut (SIGBUS), whichever core decodes the tail.
@Suite struct TornLineCutDuringAReadTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }
    /// A cache "directory" that is a file: no index can be kept, so the board is read whole.
    var withoutIndex: [String: String] { ["XDG_CACHE_HOME": scratch.path + "/not-a-directory"] }

    @Test func aTornLineSetAsideWhileABoardIsReadDoesNotStopTheRead() throws {
        FileManager.default.createFile(atPath: scratch.path + "/not-a-directory", contents: Data())
        #expect(try lanes.run(["init"]).status == 0)
        // 5,000 issues: a 4.7 MB log, long enough for a whole read to keep a cache.
        try scratch.appendIssues(5_000, paragraphs: 12)
        // Read once whole (the cache and its key written), then the cache removed: the next read
        // asks git about them (the gate holds it there, its size taken) and reads the whole log.
        #expect(try lanes.run(["list", "is:closed"], extraEnvironment: withoutIndex).status == 0)
        try FileManager.default.removeItem(atPath: scratch.path + "/.lanes/cache")
        // A writer died mid-line: a torn last line of 40 KB, ten pages.
        let handle = try #require(FileHandle(forWritingAtPath: scratch.path + "/.lanes/events"))
        handle.seekToEndOfFile()
        handle.write(Data(("1fff000000000001\t2026-11-21T10:00:00.000Z\tann\t#3\tcommented\t" + String(repeating: "torn ", count: 8_000)).utf8))
        try handle.close()

        let read = try HeldBoardRead(in: scratch.path + "/held", board: scratch.path)
        defer { read.release() }
        let environment = lanes.environment.merging(withoutIndex) { $1 }.merging(read.environment) { $1 }
        let output = scratch.path + "/reader.out"
        let reader = Spawn.start("cd \(Tmux.quote(scratch.path)) && exec env " + environment.map { Tmux.quote("\($0)=\($1)") }.joined(separator: " ")
                                 + " \(Tmux.quote(LanesProcess.binary)) list --format csv > \(Tmux.quote(output)) 2>&1 </dev/null")
        try #require(eventually { read.reached }, "the read never came to the gate that holds it")
        // Another writer sets the torn line aside (cut off the log) and appends its own.
        let write = try lanes.run(["comment", "4", "after the torn line"])
        #expect(write.status == 0, "\(write.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/.lanes/torn")).count > 40_000, "set aside")
        read.release()
        var status: Int32 = 0
        while waitpid(reader, &status, 0) < 0, errno == EINTR {}
        let printed = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        #expect(status & 0x7F == 0 && (status >> 8) & 0xFF == 0, "the read ended with status \(status): \(printed.suffix(300))")
        // CSV lines end with CR LF: one `Character`, hence split at every newline character.
        #expect(printed.split(whereSeparator: \.isNewline).filter { $0.first?.isNumber == true }.count == 5_000, "every issue listed")
    }
}
