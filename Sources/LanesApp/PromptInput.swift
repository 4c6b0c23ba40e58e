import BoardModel
import Screen

/// Keys typed while a prompt is open: line editing, completion, submit and cancel.
enum PromptInput {
    enum Outcome {
        case editing
        case submit(String)
        case cancel
    }

    static func handle(_ key: Key, _ prompt: inout UIState.Prompt) -> Outcome {
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
        case .tab:
            if prompt.kind == .command { complete(&prompt) }
        case .character(let character): prompt.editor.insert(character)
        default: break
        }
        return .editing
    }

    /// Completes the command name being typed (the longest common prefix of the matches).
    static func complete(_ prompt: inout UIState.Prompt) {
        let text = prompt.editor.text
        guard !text.contains(" ") else { return }
        let matches = CommandName.visible.map(\.rawValue).filter { $0.hasPrefix(text) }
        guard let first = matches.first else { return }
        var common = first
        for match in matches.dropFirst() {
            while !match.hasPrefix(common) { common.removeLast() }
        }
        prompt.editor.replace(with: matches.count == 1 ? common + " " : common)
    }
}
