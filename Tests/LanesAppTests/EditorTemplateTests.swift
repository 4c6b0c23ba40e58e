import Foundation
import Glibc
import Testing
@testable import BoardModel
@testable import BoardStore
@testable import LanesApp

extension SessionHarness {
    /// Runs the editor as `command FILE` (a shell command line) and keeps recovery files in the
    /// harness's directory, without touching the test process's environment.
    func useEditor(_ command: String) {
        session.environment = ["VISUAL": command, "XDG_STATE_HOME": directory + "/state", "HOME": directory]
    }

    /// An editor that puts `content` in place of the file's first line (where a person types
    /// a comment, or the title), keeping the rest of the file.
    func useEditor(replacingFirstLineWith content: String) throws {
        let input = directory + "/editor-input-\(UUID().uuidString)"
        try content.write(toFile: input, atomically: true, encoding: .utf8)
        useEditor("/bin/sh -c '{ cat \"$0\"; printf \"\\\\n\"; tail -n +2 \"$1\"; } > \"$1.new\" && mv \"$1.new\" \"$1\"' \(input)")
    }
}

extension FileLayer {
    /// Every write fails as on a full disk.
    static let diskFull = FileLayer(write: { _, _, _ in errno = ENOSPC; return -1 },
                                    fsync: { Glibc.fsync($0) }, rename: { Glibc.rename($0, $1) })
}

@Suite struct EditorTemplateTests {
    static let bodies = [
        "# Steps\n1. open\n#42 is related\n## Expected\nno crash",
        "\n\n# Heading after blank lines\n#7\n\n",
        "last line without a newline\n# ------ not our line\n  indented",
        "ends with a newline\n",
        "",
    ]

    /// The defect: an editor that changes only the title line dropped every line starting
    /// with `#` from the description.
    @Test(arguments: bodies)
    func anEditThatChangesOnlyTheTitleKeepsTheDescriptionByteForByte(_ body: String) throws {
        let h = try SessionHarness([.create(title: "M", body: body)])
        h.useEditor("sed -i '1s/.*/New title/'")
        h.type("e")
        #expect(h.issue(1).title == "New title")
        #expect(h.issue(1).body == body)
    }

    @Test(arguments: bodies)
    func anUnchangedFileChangesNothing(_ body: String) throws {
        let h = try SessionHarness([.create(title: "M", body: body)])
        h.useEditor("true")
        let events = h.log.state.events.count
        h.type("e")
        #expect(h.log.state.events.count == events)
        #expect(h.screenText.contains("nothing changed"))
    }

    @Test func aFileWrittenWithoutTheScissorsLineIsKeptWhole() throws {
        let h = try SessionHarness([.create(title: "M", body: "old")])
        let written = "# A heading title\n\n\n# Steps\n#42\n\nlast"
        // The whole file replaced, scissors line and all: the first line is the title.
        h.useEditor("/bin/sh -c 'printf \"%s\" \"$0\" > \"$1\"' '\(written)'")
        h.type("e")
        #expect(h.issue(1).title == "# A heading title")
        #expect(h.issue(1).body == "\n# Steps\n#42\n\nlast")
    }

    @Test(arguments: ["# Heading\n#42 is related\n\n", "\n\nstarts blank\n# and ends\nwithout a newline", "one line"])
    func aCommentWrittenInTheEditorIsKeptByteForByte(_ comment: String) throws {
        let h = try SessionHarness([.create(title: "M")])
        try h.useEditor(replacingFirstLineWith: comment)
        h.type("c")
        #expect(h.log.state.timelines[1]!.last!.kind == .commented(comment))
    }

    @Test func anEmptyCommentCancels() throws {
        let h = try SessionHarness([.create(title: "M")])
        try h.useEditor(replacingFirstLineWith: "\n  \n")
        h.type("c")
        #expect(h.log.state.timelines[1]!.count == 1)
        #expect(h.screenText.contains("no comment written"))
    }

    @Test func theScissorsLineSplitsPersonFromInstructions() {
        let template = EditorTemplate.make("a\n# b", instructions: ["help"])
        #expect(EditorTemplate.content(of: template) == "a\n# b")
        #expect(EditorTemplate.content(of: template.replacingOccurrences(of: "# help", with: "# anything")) == "a\n# b")
        #expect(EditorTemplate.content(of: "no scissors left\n") == "no scissors left", "the editor's final newline")
        #expect(EditorTemplate.content(of: EditorTemplate.scissors + "\n# x\n") == "")
    }
}
