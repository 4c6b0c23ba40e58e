import Foundation
import Testing
@testable import BoardModel
@testable import BoardInteraction
@testable import BoardStore
@testable import LanesApp

/// Text typed in `$EDITOR` survives a save that fails (full disk): it is kept in a recovery file
/// the message names, and offered again the next time.
@Suite struct RecoveryTests {
    func keptPath(_ h: SessionHarness) throws -> String {
        let text = try #require(h.session.ui.message?.text)
        let range = try #require(text.range(of: "kept in "))
        return String(text[range.upperBound...])
    }

    @Test func anEditThatCannotBeSavedIsKeptAndOfferedAgain() throws {
        let h = try SessionHarness([.create(title: "M", body: "# Steps\n1. open")])
        h.useEditor("sed -i '1s/.*/Typed title/; 3s/.*/# Typed heading/'")
        h.log.fileLayer = .diskFull
        h.type("e")
        #expect(h.issue(1).title == "M")
        let message = try #require(h.session.ui.message)
        #expect(message.isError && message.text.contains("No space left on device"))
        let path = try keptPath(h)
        #expect(path.hasPrefix(h.directory + "/state/lanes/"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "Typed title\n\n# Typed heading\n1. open")

        // The disk has room again: the next edit opens the kept text; saving it as is saves it.
        h.log.fileLayer = .system
        h.useEditor("true")
        h.type("e")
        #expect(h.issue(1).title == "Typed title" && h.issue(1).body == "# Typed heading\n1. open")
        #expect(!FileManager.default.fileExists(atPath: path), "saved: the recovery file is gone")
    }

    @Test func aCommentThatCannotBeSavedIsKeptAndOfferedAgain() throws {
        let h = try SessionHarness([.create(title: "M")])
        try h.useEditor(replacingFirstLineWith: "# My findings\n#42 again")
        h.log.fileLayer = .diskFull
        h.type("c")
        let path = try keptPath(h)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# My findings\n#42 again")
        h.log.fileLayer = .system
        h.useEditor("true")
        h.type("c")
        #expect(h.log.state.timelines[1]!.last!.kind == .commented("# My findings\n#42 again"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// Even with nowhere to write a recovery file, this session keeps the text and offers it.
    @Test func textThatCannotBeKeptOnDiskIsKeptInTheSession() throws {
        let h = try SessionHarness([.create(title: "M")])
        try "".write(toFile: h.directory + "/not-a-directory", atomically: true, encoding: .utf8)
        try h.useEditor(replacingFirstLineWith: "# Only here")
        h.session.environment["XDG_STATE_HOME"] = h.directory + "/not-a-directory"
        h.log.fileLayer = .diskFull
        h.type("c")
        #expect(h.session.ui.message?.text.contains("could not be kept in") == true)
        h.log.fileLayer = .system
        h.session.environment["VISUAL"] = "true"
        h.type("c")
        #expect(h.log.state.timelines[1]!.last!.kind == .commented("# Only here"))
    }

    @Test func aOneLinePromptThatCannotBeSavedStaysInHistory() throws {
        let h = try SessionHarness([.create(title: "M")])
        h.log.fileLayer = .diskFull
        h.type("Cmy words<Enter>")
        #expect(h.session.ui.promptHistory[.comment] == ["my words"])
        h.log.fileLayer = .system
        h.type("C<Up><Enter>")
        #expect(h.log.state.timelines[1]!.last!.kind == .commented("my words"))
    }

    /// A failed change leaves the selection where it was (the card did not move).
    @Test func aFailedMoveLeavesTheCursorOnTheCard() throws {
        let h = try SessionHarness(SessionTests.seed)
        h.type("l") // To do: #1
        h.log.fileLayer = .diskFull
        h.type("L")
        #expect(h.issue(1).column == "todo")
        #expect(BoardSelection.issue(h.session.ui, h.session.projection().lanes) == 1)
        h.log.fileLayer = .system
        h.type("L")
        #expect(h.issue(1).column == "doing")
    }
}

extension RecoveryTests {
    /// A save given up (q) while it waited for another process's lock is a failed save like any
    /// other: the edited text is kept and the message says both.
    @Test func anEditWhoseLockWaitIsGivenUpIsKept() throws {
        let h = try SessionHarness([.create(title: "M")])
        h.useEditor("sed -i '1s/.*/Typed while locked/'")
        let holder = open(h.log.location.lockPath, O_RDWR)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX) == 0)
        h.type("eq")
        #expect(h.issue(1).title == "M")
        #expect(h.session.ui.message?.text.contains("stopped waiting for the board lock") == true)
        #expect(try String(contentsOfFile: keptPath(h), encoding: .utf8).hasPrefix("Typed while locked\n"))
    }
}
