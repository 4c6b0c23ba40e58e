import BoardModel
import BoardQuery
import Screen

/// Keys typed while a prompt is open: line editing, history, <Tab> completion, submit and
/// cancel. `/` filters as the text changes.
extension Reducer {
    mutating func promptKey(_ key: Key) -> [Effect] {
        guard var prompt = ui.prompt else { return [] }
        if key == .tab {
            complete()
        } else {
            prompt.endCompletion()
            switch key {
            case .enter: return submitTyped(prompt)
            case .escape, .control("c"), .control("g"): return cancelPrompt(prompt)
            case .backspace, .control("h"):
                if prompt.editor.text.isEmpty { return cancelPrompt(prompt) }
                prompt.editor.backspace()
            case .delete, .control("d"): prompt.editor.deleteForward()
            case .left, .control("b"): prompt.editor.left()
            case .right, .control("f"): prompt.editor.right()
            case .home, .control("a"): prompt.editor.home()
            case .end, .control("e"): prompt.editor.end()
            case .control("w"): prompt.editor.deleteWord()
            case .control("u"): prompt.editor.deleteToStart()
            case .up, .control("p"): browse(&prompt, by: -1)
            case .down, .control("n"): browse(&prompt, by: 1)
            case .character(let character): prompt.editor.insert(character)
            default: break
            }
            ui.prompt = prompt
        }
        // `/` filters as you type, completed words included.
        if prompt.kind == .filter, let text = ui.prompt?.editor.text { setFilterText(text) }
        return []
    }

    /// <Esc>: the prompt closes; a `/` prompt also drops the filter (or the help filter).
    mutating func cancelPrompt(_ prompt: UIState.Prompt) -> [Effect] {
        ui.prompt = nil
        guard prompt.kind == .filter else { return [] }
        if ui.view == .help {
            ui.helpFilter = ""
            return []
        }
        return run(Command(.cancel))
    }

    /// <Enter>: the text joins the prompt's history; a `:` line runs as a command, any other
    /// prompt's text means what `submit` says.
    mutating func submitTyped(_ prompt: UIState.Prompt) -> [Effect] {
        let text = prompt.editor.text
        if !text.trimmingSpaces.isEmpty, ui.promptHistory[prompt.kind]?.last != text {
            ui.promptHistory[prompt.kind, default: []].append(text)
        }
        guard prompt.kind == .command else { return submit(prompt.kind, text) }
        ui.prompt = nil
        guard !text.trimmingSpaces.isEmpty else { return [] }
        do {
            return run(try Command.parse(text))
        } catch {
            return message(error.description, error: true)
        }
    }

    /// <Up>/<Down>: earlier entries of this prompt, newest first; past the newest, the line
    /// being typed before browsing started.
    func browse(_ prompt: inout UIState.Prompt, by delta: Int) {
        let history = ui.promptHistory[prompt.kind] ?? []
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
