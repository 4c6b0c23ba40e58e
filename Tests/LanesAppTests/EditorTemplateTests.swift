import Foundation
import Glibc
import Testing
@testable import BoardModel
@testable import BoardInteraction
@testable import BoardStore
@testable import LanesApp

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
