import Testing
@testable import BoardInteraction

@Suite struct LineEditorTests {
    @Test func lineEditorEditsByCharacter() {
        var editor = LineEditor(text: "label:bug 日本")
        editor.backspace()
        #expect(editor.text == "label:bug 日")
        editor.deleteWord()
        #expect(editor.text == "label:bug ")
        editor.home()
        editor.insert("-")
        #expect(editor.text == "-label:bug ")
        editor.end()
        editor.deleteToStart()
        #expect(editor.text.isEmpty)
    }
}
