import BoardModel
import BoardQuery

/// Due dates and waiting: the `d` and `s` prompts, a new day bringing waiting issues back,
/// and `@` completion of names.
extension Reducer {
    /// `due DATE|none` and `snooze DATE|none` on the marked or selected issues; without a date,
    /// the prompt (whose <Tab> offers the date words).
    mutating func runDates(_ command: Command) -> [Effect] {
        if command.argument.isEmpty { return prompt(command.name == .due ? .due : .snooze) }
        let today = context.clock.today
        do {
            if command.name == .due {
                let date = try DateExpression.parseOrNone(command.argument, today: today)
                return save(targets.map { .setDue($0, date) })
            }
            let date = try Snooze.parseUntil(command.argument, today: today)
            return save(targets.map { .snooze($0, date) })
        } catch {
            return message(error.description, error: true)
        }
    }

    /// On a tick, whether the day changed since the session last looked: if so the filter's
    /// day-bound words are read again and the status line says what came back from waiting.
    /// (The projection hides waiting issues against the clock, so they reappear by themselves.)
    mutating func dayBegan() -> [Effect] {
        let today = context.clock.today
        guard let before = ui.today, before != today else {
            ui.today = today
            return []
        }
        ui.today = today
        if !ui.filter.source.isEmpty, let query = try? Query.parse(ui.filter.source, on: context.board, me: context.actor,
                                                                  now: context.now, staleAfterDays: context.staleAfterDays,
                                                                  zone: context.zone) {
            ui.filter = query
        }
        let back = context.board.issues.values.filter { issue in
            issue.snooze.map { $0.until > before && $0.until <= today } == true && issue.isResurfaced(context.clock)
        }.map(\.number).sorted()
        if !back.isEmpty {
            ui.message = UIState.Message("back from waiting: " + back.map { "#\($0)" }.joined(separator: ", "))
        }
        return []
    }

    /// `@` then the start of a name: the board's people.
    func mentionCandidates(_ word: String) -> (lead: String, [String]) {
        word.hasPrefix("@") ? ("@", context.board.knownUsers) : ("", [])
    }
}
