import Foundation
import Testing
@testable import BoardIndex

/// `lanes list` as the first command on a board with no index (after a clone) answers from the
/// board its build folded, and leaves the name tables and indexes to a later command as `show`
/// does (`BoardIndex.Needs.foldIfBuilt`): what it prints is what the whole board gives.
@Suite struct ListAfterCloneTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }
    var cache: String { scratch.path + "/clone-cache" }

    /// The meta of the index `lanes` built in `cache`.
    func meta() throws -> IndexMeta? {
        let directory = cache + "/lanes/index"
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasSuffix(".sqlite") })
        return try IndexMeta.read(from: SQLiteDatabase(path: directory + "/" + name, create: false))
    }

    @Test func listAfterACloneAnswersFromTheBuildsFoldAndLeavesTheNamesForLater() throws {
        #expect(try lanes.run(["init"]).status == 0)
        for (title, extra) in [("one", ["--label", "bug", "--assign", "bob"]), ("two, after #1", ["--label", "Bug", "--label", "ui"]),
                               ("three", ["--assign", "Bob", "--assign", "cy"]), ("four", ["--priority", "high"])] {
            #expect(try lanes.run(["add", title] + extra).status == 0)
        }
        #expect(try lanes.run(["close", "3"]).status == 0)
        #expect(try lanes.run(["comment", "2", "@cy see #1"]).status == 0)
        let whole = ["XDG_CACHE_HOME": scratch.path + "/not-a-directory"]
        _ = FileManager.default.createFile(atPath: scratch.path + "/not-a-directory", contents: Data())
        for arguments in [["list"], ["list", "label:bug", "--format", "json"], ["list", "assignee:bob", "sort:updated"],
                          ["list", "is:closed", "--format", "csv"], ["list", "--", "after", "-label:ui"], ["list", "mentions:cy"]] {
            try? FileManager.default.removeItem(atPath: cache)
            let first = try lanes.run(arguments, extraEnvironment: ["XDG_CACHE_HOME": cache])
            let read = try lanes.run(arguments, extraEnvironment: whole)
            #expect(first.status == read.status && first.stdout == read.stdout && first.stderr == read.stderr, "\(arguments)")
            #expect(try meta()?.isDeferred == true, "\(arguments): the names and indexes are left for later")
            // The next command completes the index and reads it: the same again.
            let next = try lanes.run(arguments, extraEnvironment: ["XDG_CACHE_HOME": cache])
            #expect(next.status == read.status && next.stdout == read.stdout, "\(arguments), the next command")
            #expect(try meta()?.isDeferred == false)
        }
    }
}
