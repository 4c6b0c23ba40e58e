import ArgumentParser
import BoardExchange
import BoardModel
import BoardQuery

/// `lanes list [QUERY…]`: the issues matching a query, as a table, JSON or CSV.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List issues matching a query.",
        discussion: "Query words: " + Query.words + "; prefix a word with - to negate it. Quote words with < or > for the shell: lanes list 'updated:<7d'."
    )

    @OptionGroup var options: BoardOptions
    @Argument(help: "Query words (all must match).") var query: [String] = []
    @Option(help: "table, json or csv.") var format: ListFormat = .table

    func run() throws {
        let log = try options.open()
        let clock = options.clock
        let parsed = try Query.parse(query.joined(separator: " "), on: log.state, me: options.actorName, now: clock.now, zone: clock.zone)
        let issues = parsed.run(on: log.state, now: clock.now)
        switch format {
        case .table: Output.print(IssueTable.render(issues, state: log.state, width: Output.terminalWidth))
        case .json: Output.print(utf8: IssueJSON.list(issues))
        case .csv: Output.print(IssueCSV.write(issues))
        }
    }
}
