import BoardModel

/// `b` and `B`: linking the selected (or every marked) issue to another, and unlinking.
/// "These five are duplicates of #12": mark them, `b`, `duplicates 12`.
extension Reducer {
    /// `TYPE NUMBER` from the prompt or the `:` line, applied to each target but the other
    /// issue itself.
    mutating func runLink(_ command: Command) -> [Effect] {
        let words = words(command.argument)
        let other = words.count == 2 ? Command.issueNumber(words[1], bare: true) : nil
        guard let other else {
            return message("\(command.name.rawValue) needs a type and an issue: \(command.name.rawValue) duplicates 12", error: true)
        }
        let type: LinkType
        do {
            type = try LinkType.named(words[0])
        } catch {
            return message(error.description, error: true)
        }
        guard context.board.issues.contains(other) else { return message(BoardError.noSuchIssue(other).description, error: true) }
        let numbers = targets.filter { $0 != other }
        guard !numbers.isEmpty else { return message(targets.isEmpty ? "nothing selected" : "#\(other) cannot be linked to itself", error: true) }
        if command.name == .link { return save(numbers.map { .link($0, type, other) }) }
        let linked = numbers.filter { context.board.issues[$0]?.links.contains(IssueLink(type, other)) == true }
        guard !linked.isEmpty else { return message("no link \"\(type.rawValue) #\(other)\" to remove", error: true) }
        return save(linked.map { .unlink($0, type, other) })
    }

    /// `b` and `B` without an argument: the prompt, unless there is no link to remove.
    mutating func openLinkPrompt(_ name: CommandName) -> [Effect] {
        if name == .unlink, !targets.isEmpty, targets.allSatisfy({ context.board.issues[$0]?.links.isEmpty ?? true }) {
            return message(targets.count == 1 ? "#\(targets[0]) has no links" : "no marked issue has links", error: true)
        }
        return prompt(name == .link ? .link : .unlink)
    }

    /// <Tab> after `link`/`unlink`: first a type, then an issue. Unlinking offers only the
    /// types and issues the targets are linked with.
    func linkCandidates(_ name: CommandName, position: Int, issues: [Issue], word: String) -> (lead: String, [String]) {
        let links = issues.flatMap(\.links)
        switch (name, position) {
        case (.link, 0): return ("", LinkType.allCases.map(\.rawValue))
        case (.link, 1): return issueNumbers(word)
        case (.unlink, 0): return ("", LinkType.allCases.map(\.rawValue).filter { type in links.contains { $0.type.rawValue == type } })
        case (.unlink, 1):
            // The type is the word before this one (`unlink blocks 7`, `:unlink 3 blocks 7`).
            let before = ui.prompt?.editor.beforeCursor ?? ""
            let type = words(String(before.dropLast(word.count))).last ?? ""
            let numbers = Set(links.filter { $0.type.rawValue == type }.map(\.issue)).sorted()
            return (word.hasPrefix("#") ? "#" : "", numbers.map(String.init))
        default: return ("", [])
        }
    }
}
