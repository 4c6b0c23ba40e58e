import BoardModel
import Screen

/// Keys typed while a prompt is open: line editing, history, completion, submit and cancel.
enum PromptInput {
    enum Outcome {
        case editing
        case submit(String)
        case cancel
    }

    /// `history` holds earlier entries (newest last); `candidates` are the words <Tab> completes.
    static func handle(_ key: Key, _ prompt: inout UIState.Prompt, history: [String], candidates: () -> [String]) -> Outcome {
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
        case .tab: complete(&prompt, candidates: candidates())
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

    /// Completes the last word to the longest common prefix of the candidates it starts
    /// (keeping a leading `+` or `-` of label words).
    static func complete(_ prompt: inout UIState.Prompt, candidates: [String]) {
        let text = prompt.editor.text
        let head = text.lastIndex(of: " ").map { String(text[...$0]) } ?? ""
        var word = String(text.dropFirst(head.count))
        var sign = ""
        if prompt.kind == .label, let first = word.first, first == "+" || first == "-" {
            sign = String(first)
            word.removeFirst()
        }
        let matches = candidates.filter { $0.hasPrefix(word) }
        guard let first = matches.first else { return }
        var common = first
        for match in matches.dropFirst() {
            while !match.hasPrefix(common) { common.removeLast() }
        }
        prompt.editor.replace(with: head + sign + common + (matches.count == 1 ? " " : ""))
    }
}
