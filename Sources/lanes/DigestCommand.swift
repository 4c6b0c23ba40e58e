import ArgumentParser
import BoardExchange
import BoardModel
import BoardQuery
import LanesApp

/// `lanes digest`: what needs attention now and what happened since, for cron and mail.
struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest", abstract: "What needs attention and what changed: for a person or the whole team.",
        discussion: "Sections: overdue; due in the next 7 days; back from waiting; stale (stale-after); new and unassigned; "
            + "mentions; changes since, by issue; with --for all, who carries what. "
            + "Suited to cron: lanes digest --for all | mail -s board lead@example.com")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @OptionGroup var options: BoardOptions
    @Option(help: ArgumentHelp("Changes since an age (12h, 1d, 2w) or a date (" + DateExpression.forms + "): its local midnight.",
                               valueName: "age|date"))
    var since = "1d"
    @Option(name: .customLong("for"), help: ArgumentHelp("A person, me, or all (the team, with who carries what).", valueName: "name|me|all"))
    var person = "me"
    @Option(help: "text, markdown or json.") var format: Format = .text

    func run() throws {
        let digest = try make()
        switch format {
        case .text: Output.print(String(DigestFormat.text(digest).dropLast()))
        case .markdown: Output.print(String(DigestFormat.markdown(digest).dropLast()))
        case .json: Output.print(utf8: DigestFormat.json(digest))
        }
    }

    /// The digest from the board's index (the issues that may need attention and those touched
    /// since, not the whole board), or from the whole board where no index can be kept.
    private func make() throws -> Digest {
        let clock = options.clock
        let since = try Self.moment(since, clock: clock)
        if let index = try options.openIndex() {
            let rules = Digest.Rules(person: try who { try index.resolveUsers($0, me: options.actorName) }, since: since, clock: clock,
                                     staleAfterDays: staleAfterDays(board: index.boardState))
            return try index.digest(rules)
        }
        let log = try options.open()
        return Digest(state: log.state, person: who { log.state.resolveUsers($0, me: options.actorName) }, since: since, clock: clock,
                      staleAfterDays: staleAfterDays(board: log.state))
    }

    /// Whose digest: nil for the team (`all`), else the name as the board spells it.
    private func who(_ resolve: ([String]) throws -> (users: [String], unknown: [String])) rethrows -> String? {
        person.lowercased() == "all" ? nil : try resolve([person]).users.first
    }

    private func staleAfterDays(board: BoardState) -> Int {
        Configuration(rcFiles: Configuration.rcFiles(boardDirectory: options.location.directory, environment: options.environment),
                      environment: options.environment, board: board).settings.staleAfterDays
    }

    /// `12h`, `1d`, `2w` before the clock, or the start of a date.
    static func moment(_ text: String, clock: DayClock) throws(BoardError) -> Timestamp {
        let hours: [Character: Int] = ["h": 1, "d": 24, "w": 24 * 7]
        if let unit = text.last, let scale = hours[unit], text.dropLast().allSatisfy(\.isNumber), !text.dropLast().isEmpty {
            let amount = try BoundedNumber.parse(text.dropLast(), in: 0...(100 * 366 * 24 / scale), what: "--since")
            return Timestamp(milliseconds: clock.now.milliseconds - Int64(amount * scale) * 3_600_000)
        }
        do {
            return clock.start(of: try DateExpression.parse(text, today: clock.today))
        } catch {
            throw .invalid("--since \"\(text)\" is neither an age (12h, 1d, 2w) nor a date (\(DateExpression.forms))")
        }
    }
}
