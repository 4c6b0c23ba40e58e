import Foundation
import Testing
@testable import BoardIndex
import BoardStore

/// The first free-text `lanes list` on an index without its text part answers at once, as the
/// whole board would, and leaves the text part to a `lanes index-text` in the background,
/// which the queries after it use.
@Suite struct FreeTextListBeforeItsIndexTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    @Test func aFreeTextListAnswersAsTheWholeBoardAndTheTextIsIndexedBehindIt() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try scratch.appendIssues(1_500, paragraphs: 1)
        #expect(try lanes.run(["show", "1"]).status == 0) // the index, without its text part
        #expect(try !lanes.textIndexed())
        let whole = ["XDG_CACHE_HOME": scratch.path + "/not-a-directory"]
        FileManager.default.createFile(atPath: scratch.path + "/not-a-directory", contents: Data("x".utf8))
        for text in ["issue 77", "\"Issue 1499\"", "zebra"] {
            let expected = try lanes.run(["list", text], extraEnvironment: whole)
            let listed = try lanes.run(["list", text])
            #expect(listed.status == 0 && expected.status == 0, "\(listed.stderr)")
            #expect(listed.stdout == expected.stdout, "\(text)")
        }
        #expect(try eventually(timeout: 30) { try lanes.textIndexed() && lanes.noTextIndexBuild() }, "indexed in the background")
        #expect(try String(contentsOfFile: lanes.textBuildLog, encoding: .utf8) == "", "nothing went wrong behind")
        let expected = try lanes.run(["list", "issue 77", "--format", "json"], extraEnvironment: whole)
        #expect(try lanes.run(["list", "issue 77", "--format", "json"]).stdout == expected.stdout)
    }

    /// `LANES_INDEX_TEXT_BEHIND=0`: nothing is started behind (its log is made as it starts), and the answer is the same.
    @Test func theVariableStartsNothingBehind() throws {
        #expect(try lanes.run(["init"]).status == 0)
        try scratch.appendIssues(1_200, paragraphs: 1)
        #expect(try lanes.run(["show", "1"]).status == 0)
        let off = ["LANES_INDEX_TEXT_BEHIND": "0"]
        let listed = try lanes.run(["list", "issue 7"], extraEnvironment: off)
        #expect(listed.status == 0 && listed.stdout.split(separator: "\n").count == 1 + 309, "\(listed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lanes.textBuildLog))
        #expect(try !lanes.textIndexed())
    }
}

extension LanesProcess {
    /// Where a `lanes index-text` started behind a list writes what goes wrong.
    var textBuildLog: String {
        BoardIndex.textBuildLog(BoardLocation.resolve(board: nil, environment: environment, workingDirectory: home), environment: environment)
    }

    /// Whether the index of the board in the home directory holds every issue's text (false: no index yet).
    func textIndexed() throws -> Bool {
        let location = BoardLocation.resolve(board: nil, environment: environment, workingDirectory: home)
        let file = IndexFile(for: location, xdg: XDGDirectories(environment: environment))
        guard FileManager.default.fileExists(atPath: file.path) else { return false }
        let database = try SQLiteDatabase(path: file.path, create: false)
        return try withExtendedLifetime(database) { try IndexMeta.read(from: database)?.textIndexed == true }
    }

    /// Whether no `lanes index-text` of this home's user is at work (nobody holds the lock on
    /// the index directory that `BoardIndex.indexTextAlone` holds until it has closed the index).
    func noTextIndexBuild() -> Bool {
        let directory = open(IndexFile.directory(XDGDirectories(environment: environment)), O_RDONLY | O_DIRECTORY)
        guard directory >= 0 else { return true }
        defer { close(directory) }
        return flock(directory, LOCK_EX | LOCK_NB) == 0
    }
}
