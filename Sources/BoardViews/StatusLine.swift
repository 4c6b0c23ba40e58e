import BoardModel
import Keymap
import Screen

/// The bottom line: board, view, counts, filter and actor; the last message; or the prompt
/// (with the completion candidates above it); or, after a prefix key, the keys that may follow.
enum StatusLine {
    /// Draws the status line and returns where the terminal cursor belongs (when a prompt is open).
    static func render(_ context: ViewContext, into grid: inout CellGrid, layout: BoardLayout) -> (x: Int, y: Int)? {
        let theme = context.theme
        let y = layout.height - 1
        let ui = context.ui
        if let question = ui.question { return renderQuestion(question, context, into: &grid, layout: layout) }
        if let prompt = ui.prompt {
            grid.fill(Rect(x: 0, y: y, width: layout.width, height: 1), style: theme[.prompt])
            let lead = prompt.kind.lead
            let before = Sanitizer.line(prompt.editor.beforeCursor)
            let after = Sanitizer.line(String(prompt.editor.text.dropFirst(prompt.editor.beforeCursor.count)))
            // Keep the cursor on screen: show the tail of long input.
            let room = layout.width - 2
            var shown = before
            while DisplayWidth.of(shown) > room, !shown.isEmpty { shown.removeFirst() }
            var x = grid.put(lead, x: 0, y: y, style: theme[.prompt])
            x = grid.put(shown, x: x, y: y, style: theme[.prompt])
            let cursor = x
            grid.put(after, x: x, y: y, style: theme[.prompt], limit: layout.width)
            /// The line above the prompt: the candidates a second <Tab> listed, or an error too
            /// long to sit beside what is typed.
            func above(_ text: String, style: Style) {
                guard y > 0 else { return }
                grid.fill(Rect(x: 0, y: y - 1, width: layout.width, height: 1), style: style)
                grid.put(DisplayWidth.truncate(text, to: layout.width), x: 0, y: y - 1, style: style)
            }
            if !prompt.candidates.isEmpty { above(candidatesLine(prompt.candidates, width: layout.width), style: theme[.status]) }
            if let error = ui.message, error.isError {
                let text = " " + Sanitizer.line(error.text) + " "
                let width = DisplayWidth.of(text)
                if width < layout.width - x - 4 {
                    grid.put(text, x: layout.width - width, y: y, style: theme[.statusError])
                } else if prompt.candidates.isEmpty {
                    above(text, style: theme[.statusError])
                }
            }
            return (min(cursor, layout.width - 1), y)
        }

        grid.fill(Rect(x: 0, y: y, width: layout.width, height: 1), style: theme[.status])
        if !context.ui.pendingKeys.isEmpty {
            grid.put(prefixHint(context, width: layout.width), x: 0, y: y, style: theme[.status])
            return nil
        }
        var parts: [String] = [Sanitizer.line(context.boardName)]
        switch ui.view {
        case .board, .list: parts.append(Sanitizer.line(ui.viewName) + (ui.view == .list ? ListView.position(context) : ""))
        case .issue(let number): parts.append("#\(number)")
        case .help: parts.append("help")
        case .activity: parts.append("activity")
        case .messages: parts.append("messages")
        }
        if !ui.marked.isEmpty { parts.append("\(ui.marked.count) marked") }
        let projection = context.projection
        parts.append(ui.filter.isEmpty ? Plural.count(projection.total, "issue")
                     : "\(projection.matching)/" + Plural.count(projection.total, "issue"))
        if !ui.filter.isEmpty, ui.viewName == "filter" || ui.viewName == "board" { parts.append("/" + Sanitizer.line(ui.filter.source)) }
        parts.append("@" + Sanitizer.line(context.actor))
        let left = " " + parts.joined(separator: " · ") + " "
        // A message wins the space: the status details give way so the whole message shows
        // (on a narrow terminal the message is the only confirmation of what a key did).
        var leftRoom = layout.width
        if let message = ui.message {
            leftRoom = max(min(12, layout.width), layout.width - DisplayWidth.of(Sanitizer.line(message.text)) - 2)
        }
        var x = grid.put(DisplayWidth.truncate(left, to: leftRoom), x: 0, y: y, style: theme[.status])
        if let message = ui.message {
            let text = Sanitizer.line(message.text)
            let room = layout.width - x - 2  // a blank cell on each side of the message
            if room > 3 {
                let shown = DisplayWidth.truncate(text, to: room)
                x = layout.width - DisplayWidth.of(shown) - 1
                grid.put(shown, x: x, y: y, style: message.isError ? theme[.statusError] : theme[.status])
            }
        } else if layout.width - x > 12 {
            let hint = "? help"
            grid.put(hint, x: layout.width - DisplayWidth.of(hint) - 1, y: y, style: theme[.status])
        }
        return nil
    }

    /// What a second <Tab> listed: as many candidates as fit the width, then how many more.
    static func candidatesLine(_ candidates: [String], width: Int) -> String {
        var line = ""
        for (index, candidate) in candidates.enumerated() {
            let item = (line.isEmpty ? " " : "  ") + Sanitizer.line(candidate)
            let left = candidates.count - index - 1
            let more = left > 0 ? "  …+\(left)" : ""
            if line.isEmpty || DisplayWidth.of(line + item + more) < width {
                line += item
            } else {
                line += "  …+\(left + 1)"
                break
            }
        }
        return line
    }

    /// `p… u urgent  h high …`: the keys that may follow the pending ones, from the live keymap.
    static func prefixHint(_ context: ViewContext, width: Int) -> String {
        let pending = context.ui.pendingKeys
        let next = context.keymap.continuations(of: pending, in: KeyContext(view: context.ui.view)).map { keys, command in
            KeyNotation.format(keys) + " "
                + (command.argument.isEmpty ? command.name.rawValue + (command.issue.map { " #\($0)" } ?? "") : command.argument)
        }
        let hint = " " + KeyNotation.format(pending) + "… " + next.joined(separator: "  ")
        return DisplayWidth.truncate(Sanitizer.line(hint), to: width)
    }
}
