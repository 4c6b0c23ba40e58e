import Foundation
import Testing

/// `lanes digest --for all` through the index says who carries what per person, each name
/// spelled as the whole board's digest spells it. An assignee written in two spellings that
/// Swift's `==` takes for one name (é composed, e and a combining accent: another clone's
/// keyboard) is one person in both, and the name printed must be the same bytes.
@Suite struct DigestSpellingsTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }
    var whole: [String: String] { ["XDG_CACHE_HOME": scratch.path + "/not-a-directory"] }
    static let composed = "\u{C9}mile", decomposed = "E\u{301}mile"

    /// Replaces each ASCII stand-in in the log (written by `lanes`, which spells a known name
    /// as the board does) with the spelling a clone with another keyboard would have written.
    func respell(_ replacements: [(String, String)]) throws {
        let path = scratch.path + "/.lanes/events"
        var text = try #require(String(data: try Data(contentsOf: URL(fileURLWithPath: path)), encoding: .utf8))
        for (from, to) in replacements { text = text.replacingOccurrences(of: from, with: to, options: .literal) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func expectDigestsEqual(_ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for format in ["json", "text"] {
            let arguments = ["digest", "--for", "all", "--since", "2026-11-01", "--now", "2026-12-10T09:00:00Z", "--format", format]
            let indexed = try lanes.run(arguments), read = try lanes.run(arguments, extraEnvironment: whole)
            #expect(indexed.status == 0 && read.status == 0, "\(label): \(indexed.stderr) \(read.stderr)", sourceLocation: sourceLocation)
            #expect(indexed.stdout.utf8.elementsEqual(read.stdout.utf8),
                    "\(label), \(format): through the index \(indexed.stdout.debugDescription), whole \(read.stdout.debugDescription)",
                    sourceLocation: sourceLocation)
        }
    }

    /// The index built from a log that already holds both spellings (its first command after a
    /// clone): the first issue assigned is closed, so the whole board's loads meet the second
    /// spelling first.
    @Test func twoSpellingsOfOneAssigneeInABuiltIndexAreNamedAsTheWholeBoardNamesThem() throws {
        _ = FileManager.default.createFile(atPath: scratch.path + "/not-a-directory", contents: Data())
        #expect(try lanes.run(["init"]).status == 0)
        let now = ["--now", "2026-11-20T10:00:00Z"]
        for step in [["add", "one", "--assign", "EMILEONE"], ["add", "two", "--assign", "EMILETWO"], ["add", "three", "--assign", "EMILEONE"],
                     ["close", "1"]] {
            #expect(try lanes.run(step + now, extraEnvironment: whole).status == 0, "\(step)")
        }
        try respell([("EMILEONE", Self.composed), ("EMILETWO", Self.decomposed)])
        try expectDigestsEqual("built from the whole log")
    }

    /// The second spelling arrives after the index was built (another writer's lines, caught up).
    @Test func aSecondSpellingCaughtUpIsNamedAsTheWholeBoardNamesIt() throws {
        _ = FileManager.default.createFile(atPath: scratch.path + "/not-a-directory", contents: Data())
        #expect(try lanes.run(["init"]).status == 0)
        let now = ["--now", "2026-11-20T10:00:00Z"]
        #expect(try lanes.run(["add", "one", "--assign", "EMILEONE"] + now, extraEnvironment: whole).status == 0)
        try respell([("EMILEONE", Self.composed)])
        #expect(try lanes.run(["add", "two"] + now).status == 0, "the index is built here")
        #expect(try lanes.run(["assign", "2", "EMILETWO"] + now, extraEnvironment: whole).status == 0)
        try respell([("EMILETWO", Self.decomposed)])
        try expectDigestsEqual("caught up")
    }
}

extension DigestSpellingsTests {
    /// `lanes assign N NAME` spells a name the board knows as the board spells it: through the
    /// index as on the whole board, when the log holds the name in two canonically equal
    /// spellings: both there when the index is built, or the second caught up after it (which
    /// main got wrong: the index then held both, and the one SQL gave first was taken).
    @Test(arguments: [false, true]) func assigningANameKnownInTwoSpellingsWritesTheWholeBoardsSpelling(caughtUp: Bool) throws {
        _ = FileManager.default.createFile(atPath: scratch.path + "/not-a-directory", contents: Data())
        #expect(try lanes.run(["init"]).status == 0)
        #expect(try lanes.run(["add", "one", "--assign", "EMILEONE"], extraEnvironment: whole).status == 0)
        try respell([("EMILEONE", Self.composed)])
        if caughtUp { #expect(try lanes.run(["show", "1"]).status == 0, "the index is built here") }
        for step in [["add", "two"], ["add", "three"], ["assign", "2", "EMILETWO"]] {
            #expect(try lanes.run(step, extraEnvironment: whole).status == 0, "\(step)")
        }
        try respell([("EMILETWO", Self.decomposed)])
        let before = try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/.lanes/events"))
        #expect(try lanes.run(["assign", "3", "\u{E9}mile"], extraEnvironment: whole).status == 0)
        let wholeBoards = try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/.lanes/events")).suffix(from: before.count)
        try before.write(to: URL(fileURLWithPath: scratch.path + "/.lanes/events"))
        #expect(try lanes.run(["assign", "3", "\u{E9}mile"]).status == 0)
        let indexed = try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/.lanes/events")).suffix(from: before.count)
        func name(_ line: Data) -> [UInt8] { Array(String(decoding: line, as: UTF8.self).split(separator: "\t").last!.utf8) }
        #expect(name(indexed) == name(wholeBoards), "\(String(decoding: indexed, as: UTF8.self).debugDescription) \(String(decoding: wholeBoards, as: UTF8.self).debugDescription)")
    }
}
