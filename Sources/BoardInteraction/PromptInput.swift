import BoardModel
import BoardQuery
import Screen

/// Keys typed while a prompt is open: line editing, history, submit and cancel; <Tab> is
/// handed to the reducer's completion (`completePrompt`), which knows the board.
package enum PromptInput {
    package enum Outcome {
        case editing
        case complete
        case submit(String)
        case cancel
    }

    /// `history` holds earlier entries (newest last).
    package static func handle(_ key: Key, _ prompt: inout UIState.Prompt, history: [String]) -> Outcome {
        if key == .tab { return .complete }
        prompt.endCompletion()
        switch key {
        case .enter: return .submit(prompt.editor.text)
        case .escape, .control("c"), .control("g"): return .cancel
        case .backspace, .control("h"):
            if prompt.editor.text.isEmpty { return .cancel }
            prompt.editor.backspace()
        case .delete, .control("d"): prompt.editor.deleteForward()
        case .left, .control("b"): prompt.editor.left()
        case .right, .control("f"): prompt.editor.right()
        case .home, .control("a"): prompt.editor.home()
        case .end, .control("e"): prompt.editor.end()
        case .control("w"): prompt.editor.deleteWord()
        case .control("u"): prompt.editor.deleteToStart()
        case .up, .control("p"): browse(&prompt, history: history, by: -1)
        case .down, .control("n"): browse(&prompt, history: history, by: 1)
        case .character(let character): prompt.editor.insert(character)
        default: break
        }
        return .editing
    }

    static func browse(_ prompt: inout UIState.Prompt, history: [String], by delta: Int) {
        guard !history.isEmpty else { return }
        if prompt.historyIndex == nil {
            guard delta < 0 else { return }
            prompt.draft = prompt.editor.text
            prompt.historyIndex = history.count
        }
        let index = prompt.historyIndex! + delta
        if index >= history.count {
            prompt.historyIndex = nil
            prompt.editor.replace(with: prompt.draft)
        } else if index >= 0 {
            prompt.historyIndex = index
            prompt.editor.replace(with: history[index])
        }
    }
}
