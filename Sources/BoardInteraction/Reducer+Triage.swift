import BoardModel
import BoardQuery

/// Triage: creating, editing, assigning, labelling, prioritising, closing, views, marks, undo.
extension Reducer {
    /// The issues an action applies to: the one the command names, else the marked ones, else
    /// the selected one.
    var targets: [Int] {
        if let named { return [named] }
        if !ui.marked.isEmpty { return ui.marked.sorted() }
        return selectedIssue.map { [$0] } ?? []
    }

    mutating func runTriage(_ command: Command) -> [Effect] {
        let argument = command.argument
        switch command.name {
        case .newIssue:
            if argument.isEmpty { return prompt(.newIssue) }
            // Created inside a filtered view, the issue takes what the filter asks for, so it shows there.
            let fields = ui.filter.newIssueFields
            let selectedColumn = ui.view == .board && lanes.indices.contains(ui.column) ? lanes[ui.column].column.id : nil
            let board = context.board
            let known = fields.labels.isEmpty ? [] : board.knownLabels
            let labels = fields.labels.map { label in known.first { $0.caseInsensitiveEquals(label) } ?? label }
            return save([.create(title: argument, column: fields.column ?? selectedColumn, labels: labels,
                                 assignees: board.resolveUsers(fields.assignees, me: context.actor).users,
                                 priority: fields.priority ?? .none)])
        case .editIssue:
            guard let number = selectedIssue else { return message("nothing selected", error: true) }
            return [.runEditor(.issue(number))]
        case .comment:
            guard !targets.isEmpty else { return message("nothing selected", error: true) }
            return [.runEditor(.comment(targets))]
        case .commentLine:
            if argument.isEmpty { return prompt(.comment) }
            return save(targets.map { .comment($0, argument) })
        case .assign:
            if argument.isEmpty { return prompt(.assign) }
            let (users, unknown) = context.board.resolveUsers(words(argument), me: context.actor)
            let asked = named.map { "assign \($0) \(argument)" } ?? argument
            if !unknown.isEmpty, ui.confirming != asked {
                // A name nobody has used is often a typo: ask once, <Enter> again assigns
                // (in the `:` line if the command named its issue there).
                ui.confirming = asked
                ui.prompt = named == nil ? UIState.Prompt(kind: .assign, text: argument) : UIState.Prompt(kind: .command, text: asked)
                let list = unknown.joined(separator: ", ")
                return message("nobody on the board is called \(list) yet; <Enter> assigns anyway", error: true)
            }
            ui.confirming = nil
            return save(targets.map { .assign($0, users) })
        case .unassign:
            if argument.isEmpty { return prompt(.unassign) }
            let users = context.board.resolveUsers(words(argument), me: context.actor).users
            return save(targets.map { .unassign($0, users) })
        case .label:
            if argument.isEmpty { return prompt(.label) }
            let (add, remove) = LabelEdit.parse(argument.split(separator: " "))
            return save(targets.map { .label($0, add: add, remove: remove) })
        case .priority:
            guard let priority = Priority(name: argument) else {
                return message(argument.isEmpty ? "priority: press p then u h m l or n" : BoardError.badPriority(argument).description, error: true)
            }
            return save(targets.map { .prioritise($0, priority) })
        case .closeReopen:
            // Marked issues close together while any is open (never toggled one by one);
            // they reopen together only when all are closed.
            let issues = targets.compactMap { context.board.issues[$0] }
            let anyOpen = issues.contains { $0.isOpen }
            return save(issues.map { anyOpen ? .close($0.number) : .reopen($0.number) })
        case .moveTo:
            if argument.isEmpty { return prompt(.move) }
            do {
                let column = try context.board.resolveColumn(argument)
                return save(targets.map { .move($0, to: column.id) })
            } catch {
                return message(error.description, error: true)
            }
        case .view:
            return switchView(argument)
        case .mark:
            guard let number = selectedIssue else { return message("nothing selected", error: true) }
            if ui.marked.remove(number) == nil { ui.marked.insert(number) }
            moveCursor(by: 1)
            ui.message = UIState.Message("\(ui.marked.count) marked")
        case .markAll:
            let all = Set(context.projection.list)
            ui.marked = ui.marked.isSuperset(of: all) && !all.isEmpty ? [] : all
            ui.message = UIState.Message("\(ui.marked.count) marked")
        case .activity:
            if ui.view != .activity {
                push(.activity)
                ui.activitySelected = 0
                return [.markActivitySeen(newest: context.board.events.last?.at)]
            }
        case .swimlanes:
            if argument.isEmpty {
                ui.swimlanes = ui.swimlanes.next
            } else if let chosen = Swimlanes(rawValue: argument) {
                ui.swimlanes = chosen
            } else {
                return message("no swimlanes \"\(argument)\"; use \(Plural.choice(Swimlanes.names))", error: true)
            }
            ui.boardRowOffset = 0
            ui.message = UIState.Message("swimlanes: \(ui.swimlanes.rawValue)")
        case .undo:
            guard let step = ui.undo.undo.popLast() else { return message("nothing to undo", error: true) }
            return [.replay(step, .back, keep: selectedOnBoard)]
        case .redo:
            guard let step = ui.undo.redo.popLast() else { return message("nothing to redo", error: true) }
            return [.replay(step, .forward, keep: selectedOnBoard)]
        default:
            break
        }
        return []
    }

    /// What a prompt's text means once <Enter> is pressed (the prompt closes, unless its text
    /// is a filter that does not parse).
    mutating func submit(_ kind: UIState.PromptKind, _ text: String) -> [Effect] {
        let trimmed = text.trimmingSpaces
        let open = ui.prompt
        ui.prompt = nil
        switch kind {
        case .command:
            return []
        case .filter:
            if setFilterText(text) {
                if ui.view != .help { ui.viewName = trimmed.isEmpty ? "board" : "filter" }
            } else {
                // Not a prefix that parsed on the way: the filter in force when the prompt opened.
                if let before = open?.filterInForce { ui.filter = before }
                ui.prompt = open
            }
            return []
        case .goto:
            if trimmed.isEmpty { return [] }
            guard let number = Command.issueNumber(trimmed, bare: true) else {
                return message("\"\(trimmed)\" is not an issue number; type one, e.g. 12", error: true)
            }
            return run(Command(.goto, issue: number))
        case .newIssue:
            return trimmed.isEmpty ? [] : runTriage(Command(.newIssue, argument: trimmed))
        case .comment:
            return trimmed.isEmpty ? [] : runTriage(Command(.commentLine, argument: trimmed))
        case .assign:
            return trimmed.isEmpty ? [] : runTriage(Command(.assign, argument: trimmed))
        case .unassign:
            if trimmed.isEmpty {
                // No names: unassign everyone from each target.
                return save(targets.compactMap { number in
                    context.board.issues[number].flatMap { $0.assignees.isEmpty ? nil : .unassign(number, $0.assignees) }
                })
            }
            return runTriage(Command(.unassign, argument: trimmed))
        case .label:
            return trimmed.isEmpty ? [] : runTriage(Command(.label, argument: trimmed))
        case .move:
            return trimmed.isEmpty ? [] : runTriage(Command(.moveTo, argument: trimmed))
        case .deleteComment:
            return confirmCommentDeletion(trimmed)
        }
    }

    mutating func switchView(_ argument: String) -> [Effect] {
        let views = context.views
        let view: SavedView?
        if let number = Int(argument) {
            view = number > 0 && number <= views.count ? views[number - 1] : nil
        } else {
            view = views.first { $0.name == argument }
        }
        guard let view else {
            return message("no view \"\(argument)\"; views are: " + views.enumerated().map { "\($0.offset + 1) \($0.element.name)" }.joined(separator: ", "), error: true)
        }
        do {
            ui.filter = try Query.parse(view.query, on: context.board, me: context.actor, now: context.now,
                                        staleAfterDays: context.staleAfterDays)
            ui.viewName = view.name
            ui.message = nil
        } catch {
            return message("view \(view.name): \(error.description)", error: true)
        }
        return []
    }

    mutating func prompt(_ kind: UIState.PromptKind) -> [Effect] {
        guard kind == .newIssue || !targets.isEmpty else { return message("nothing selected", error: true) }
        ui.prompt = UIState.Prompt(kind: kind)
        ui.confirming = nil
        return []
    }

    /// Saves `changes` as one step; the card selected now stays selected once they are saved.
    func save(_ changes: [Change]) -> [Effect] {
        changes.isEmpty ? [] : [.save(SaveRequest(changes, keep: selectedOnBoard))]
    }

    /// The words of a prompt.
    func words(_ text: String) -> [String] {
        text.split(separator: " ").map(String.init)
    }
}
