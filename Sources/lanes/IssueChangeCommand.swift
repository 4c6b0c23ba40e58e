import BoardIndex
import BoardModel
import BoardStore
import Screen

/// Runs changes against the chosen board and reports what happened, for the small subcommands
/// (`move`, `assign`, `label`, …) that each turn their arguments into changes.
enum IssueChangeCommand {
    /// Who `names` mean on the board (`BoardState.resolveUsers`), for commands that name users.
    typealias UserResolver = (_ names: [String]) throws -> (users: [String], unknown: [String])

    static func commit(_ options: BoardOptions, _ makeChanges: (_ me: String) throws -> [Change]) throws {
        try commit(options) { me, _ in try makeChanges(me) }
    }

    /// The same, for changes that depend on what is on the board (who has been named before).
    static func commit(_ options: BoardOptions, _ makeChanges: (_ me: String, _ board: BoardState) throws -> [Change]) throws {
        let log = try options.open()
        let me = options.actorName
        let events = try log.commit(try makeChanges(me, log.state), actor: me, now: options.fixedNow())
        report(events, in: log.state)
    }

    /// The same through the board's index (`BoardIndex`): the board is never read whole, only
    /// the issues the changes touch. Where the index cannot be kept, the board is read as
    /// above; the output is the same either way. `report` prints what was written.
    /// (The moment only, `fixedNow`, not `clock`: a write needs no time zone, and the first
    /// `TimeZone.current` loads ICU's zone data, a tenth of an `add`'s own CPU.)
    static func commitIndexed(_ options: BoardOptions,
                              report: (_ events: [Event], _ state: BoardState) -> Void = report(_:in:),
                              _ makeChanges: (_ me: String, _ users: UserResolver) throws -> [Change]) throws {
        let me = options.actorName
        // After a clone the index is built as for `show` and the changes planned on its build's
        // fold (`BoardIndex.commit`): the names are not in the index yet, the fold knows them.
        guard let index = try options.openIndex(needs: .foldIfBuilt) else {
            let log = try options.open()
            let changes = try makeChanges(me) { log.state.resolveUsers($0, me: me) }
            return report(try log.commit(changes, actor: me, now: options.fixedNow()), log.state)
        }
        let changes = try makeChanges(me) { names in
            if let read = index.builtFrom { return read.state.resolveUsers(names, me: me) }
            return try index.resolveUsers(names, me: me)
        }
        do {
            let committed = try index.commit(changes, actor: me, now: options.fixedNow(), restriction: options.restriction,
                                             onLockWait: BoardOptions.sayWaiting)
            report(committed.events, committed.state)
            Retired.release(consume committed) // after a clone, the whole board: freed off this thread
        } catch is IndexUnavailable {
            let log = try options.open()
            report(try log.commit(changes, actor: me, now: options.fixedNow()), log.state)
        }
    }

    /// Prints each event written (or that there was nothing to change) and the snoozes they woke.
    static func report(_ events: [Event], in state: BoardState) {
        if events.isEmpty {
            Output.print("nothing to change")
        } else {
            for event in events {
                Output.print(event.subjectPrefix + Sanitizer.line(event.summary(in: state)))
            }
            for wake in Wake.reports(for: events, in: state) { Output.print(Sanitizer.line(wake)) }
        }
    }
}
