import BoardModel
import BoardQuery

/// <Tab> in a prompt: completes the word before the cursor by its position — the command name,
/// then what that command takes (an issue number, columns, users, labels with `+`/`-`,
/// priorities) — and query words and their values inside `/`. A second <Tab> that cannot add
/// anything lists the candidates (shells, tig).
extension Reducer {
    mutating func complete() {
        guard var prompt = ui.prompt else { return }
        let before = prompt.editor.beforeCursor
        let head = before.lastIndex(of: " ").map { String(before[...$0]) } ?? ""
        let word = String(before.dropFirst(head.count))
        let words = head.split(separator: " ").map(String.init)
        let (lead, candidates) = self.candidates(prompt.kind, words: words, word: word)
        let typed = word.dropFirst(lead.count)
        var seen = Set<String>()
        let matches = candidates.filter { $0.hasPrefix(typed) && seen.insert($0).inserted }
        guard let first = matches.first else { return }
        var common = first
        for match in matches.dropFirst() {
            while !match.hasPrefix(common) { common.removeLast() }
        }
        if matches.count == 1 {
            prompt.editor.replaceBeforeCursor(with: head + lead + common + (common.hasSuffix(":") ? "" : " "))
            prompt.endCompletion()
        } else if common.count > typed.count {
            prompt.editor.replaceBeforeCursor(with: head + lead + common)
            prompt.candidates = []
            prompt.tabbed = true
        } else if prompt.tabbed {
            prompt.candidates = matches
        } else {
            prompt.tabbed = true
        }
        ui.prompt = prompt
    }

    /// What the word after `words` may be, and the part of it that stays in front of the
    /// candidates (`+`, `-`, `#`, `label:`).
    func candidates(_ kind: UIState.PromptKind, words: [String], word: String) -> (lead: String, [String]) {
        switch kind {
        case .command:
            guard let first = words.first else {
                if word.hasPrefix("#") { return issueNumbers(word) }
                return ("", CommandName.visible.map(\.rawValue) + CommandName.aliases.keys.sorted())
            }
            guard let name = CommandName(named: first) else { return ("", []) }
            var arguments = Array(words.dropFirst())
            var subject: Int?
            if name.takesIssue, let number = arguments.first.flatMap({ Command.issueNumber($0, bare: name != .commentLine) }) {
                subject = number
                arguments.removeFirst()
            } else if name.takesIssue, arguments.isEmpty,
                      name.argument == nil || name == .goto || word.hasPrefix("#") || word.first?.isNumber == true {
                return issueNumbers(word)
            }
            if name == .column { return ("", ColumnCommandLine.candidates(after: arguments, board: context.board)) }
            return argumentCandidates(name, position: arguments.count, subject: subject, word: word)
        case .filter: return argumentCandidates(.filter, position: 0, subject: nil, word: word)
        case .assign: return argumentCandidates(.assign, position: words.count, subject: nil, word: word)
        case .unassign: return argumentCandidates(.unassign, position: words.count, subject: nil, word: word)
        case .label: return argumentCandidates(.label, position: words.count, subject: nil, word: word)
        case .move: return argumentCandidates(.moveTo, position: words.count, subject: nil, word: word)
        case .goto: return words.isEmpty ? issueNumbers(word) : ("", [])
        case .deleteComment: return ("", [])
        case .newIssue, .comment: return mentionCandidates(word)
        case .due, .snooze: return ("", words.isEmpty ? DateExpression.suggestions : [])
        case .link: return argumentCandidates(.link, position: words.count, subject: nil, word: word)
        case .unlink: return argumentCandidates(.unlink, position: words.count, subject: nil, word: word)
        }
    }

    /// Candidates for the argument at `position` of `name`; `subject` is the issue named on the
    /// line, else the marked or selected issues are (whose assignees and labels can be removed).
    func argumentCandidates(_ name: CommandName, position: Int, subject: Int?, word: String) -> (lead: String, [String]) {
        let board = context.board
        let issues = (subject.map { [$0] } ?? targets).compactMap { board.issues[$0] }
        let first = position == 0
        switch name {
        case .move, .moveTo: return ("", first ? board.columns.map(\.id) : [])
        case .assign: return ("", ["me"] + board.knownUsers)
        case .unassign: return ("", Set(issues.flatMap(\.assignees)).sorted())
        case .label:
            if word.hasPrefix("-") { return ("-", Set(issues.flatMap(\.labels)).sorted()) }
            return (word.hasPrefix("+") ? "+" : "", board.knownLabels)
        case .priority: return ("", first ? Priority.allCases.map(\.rawValue) : [])
        case .swimlanes: return ("", first ? Swimlanes.names : [])
        case .view: return ("", first ? context.views.map(\.name) : [])
        case .filter: return queryCandidates(word)
        case .commentLine, .newIssue: return mentionCandidates(word)
        case .due, .snooze: return ("", first ? DateExpression.suggestions : [])
        case .link, .unlink: return linkCandidates(name, position: position, issues: issues, word: word)
        default: return ("", [])
        }
    }

    /// A query word: a qualifier (`lab` → `label:`), or its value after the colon.
    func queryCandidates(_ word: String) -> (lead: String, [String]) {
        let sign = word.hasPrefix("-") ? "-" : ""
        let term = word.dropFirst(sign.count)
        guard let colon = term.firstIndex(of: ":") else { return (sign, Query.qualifiers.map { $0 + ":" }) }
        let key = term[..<colon].lowercased()
        let board = context.board
        let values: [String] = switch key {
        case "is": ["open", "closed", "stale", "untriaged", "archived", "overdue", "snoozed", "resurfaced", "attention", "blocked", "parent"]
        case "mentions": ["me"] + board.knownUsers
        case "due": ["none", "<7d", "today"]
        case "has": ["duplicates"]
        case "blocks", "blocked-by", "parent": board.issues.keys.sorted().map(String.init)
        case "assignee": ["me", "none"] + board.knownUsers
        case "author": ["me"] + board.knownUsers
        case "label": board.knownLabels
        case "reporter": board.knownReporters
        case "column": board.columns.map(\.id)
        case "priority": Priority.allCases.map(\.rawValue)
        case "sort": QuerySort.Key.allCases.flatMap { [$0.rawValue, $0.rawValue + "-desc"] }
        default: []
        }
        return (sign + term[...colon], values.map { $0.contains(" ") ? "\"" + $0 + "\"" : $0 })
    }

    /// Issue numbers, in numeric order, after an optional `#`.
    func issueNumbers(_ word: String) -> (lead: String, [String]) {
        (word.hasPrefix("#") ? "#" : "", context.board.issues.keys.sorted().map(String.init))
    }
}
