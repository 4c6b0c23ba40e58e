import BoardModel
import Screen

/// Runs changes against the chosen board and reports what happened, for the small subcommands
/// (`move`, `assign`, `label`, …) that each turn their arguments into changes.
enum IssueChangeCommand {
    static func commit(_ options: BoardOptions, _ makeChanges: (_ me: String) throws -> [Change]) throws {
        try commit(options) { me, _ in try makeChanges(me) }
    }

    /// The same, for changes that depend on what is on the board (who has been named before).
    static func commit(_ options: BoardOptions, _ makeChanges: (_ me: String, _ board: BoardState) throws -> [Change]) throws {
        let log = try options.open()
        let me = options.actorName
        let events = try log.commit(try makeChanges(me, log.state), actor: me)
        if events.isEmpty {
            Output.print("nothing to change")
        } else {
            for event in events {
                Output.print(event.subjectPrefix + Sanitizer.line(event.summary(in: log.state)))
            }
        }
    }
}
