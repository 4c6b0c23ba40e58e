import Foundation
import Testing

/// Writes as the first commands after a clone (no index yet): each builds what `show` builds
/// and, under the lock, plans on its build's fold only if nobody appended since
/// (`BoardIndex.commit`, `takeBuiltFrom(ifItFolds:)`). Several at once (each building, renaming
/// its build over the others', appending) and a write on a log whose last line is torn must
/// each land once, numbered apart, the torn line set aside, and leave an index whose every
/// answer is the whole board's.
@Suite struct WritesAfterCloneAtOnceTests {
    /// The board (4,000 issues with names), its commands and their whole-board comparison.
    let clone = DeferredIndexKillTests()
    var lanes: LanesProcess { clone.lanes }

    /// The events file's bytes.
    func log() -> String { clone.scratch.contents(".lanes/events") }

    func expectTheWholeBoard(_ comment: Comment) throws {
        for arguments in [["list", "label:l3", "assignee:u5", "--format", "json"], ["show", "12"], ["columns"]] {
            try clone.expectWholeBoard(arguments, comment)
        }
        let check = try lanes.run(["check"])
        #expect(check.status == 0, "\(comment): \(check.stdout) \(check.stderr)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "needs sqlite3"))
    func severalFirstWritesAtOnceAfterACloneEachLandOnce() throws {
        try clone.board()
        let titles = (0..<3).map { "at once \($0)" }
        let commands = titles.map { ["add", $0, "--label", "L3", "--assign", "U5"] }
            + [["assign", "12", "zed"], ["comment", "9", "at once"], ["list", "label:l3"]]
        let started = try commands.map { try lanes.start($0) }
        for (command, process) in zip(commands, started) {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(command)")
        }
        let log = log()
        for title in titles {
            #expect(log.components(separatedBy: "\t\(title)\t").count == 2, "\(title) written once")
        }
        let listed = try #require(try json(try lanes.run(["list", "--format", "json"]).stdout) as? [[String: Any]])
        let numbers = listed.filter { ($0["title"] as? String)?.hasPrefix("at once ") == true }.compactMap { $0["id"] as? Int }
        #expect(numbers.sorted() == [4_001, 4_002, 4_003], "numbered apart")
        try expectTheWholeBoard("after the writes at once")
        #expect(try clone.storedFormat() == 3, "completed by the commands after")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "needs sqlite3"))
    func aFirstWriteAfterACloneSetsATornLastLineAside() throws {
        try clone.board()
        let torn = "2026-11-30T10:00:00.000Z\tann\t#12\tcommented\thalf a wri"
        for (trial, first) in [["add", "after the torn line"], ["list", "label:l3"]].enumerated() {
            try? FileManager.default.removeItem(atPath: clone.indexDirectory)
            let handle = try #require(FileHandle(forWritingAtPath: clone.scratch.path + "/.lanes/events"))
            handle.seekToEndOfFile()
            handle.write(Data(torn.utf8))
            try handle.close()
            let firstRun = try lanes.run(first)
            #expect(firstRun.status == 0, "trial \(trial): \(firstRun.stderr)")
            let write = try lanes.run(["assign", "12", "zed"])
            #expect(write.status == 0, "trial \(trial): \(write.stderr)")
            let log = log()
            #expect(log.hasSuffix("\n") && !log.contains(torn), "trial \(trial): the torn line is no longer in the log")
            #expect(clone.scratch.contents(".lanes/torn").contains(torn), "trial \(trial): set aside")
            try expectTheWholeBoard("trial \(trial)")
        }
    }
}
