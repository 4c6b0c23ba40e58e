import ArgumentParser
import BoardExchange
import BoardModel

/// `lanes list [QUERY…]`: the issues matching a query, as a table, JSON or CSV.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List issues matching a query.",
        discussion: "Query words: is:open is:closed assignee:NAME|me|none label:X column:X priority:X author:X created:>2026-01-31 updated:<7d sort:id|created|updated|priority[-desc] \"free text\"; prefix a word with - to negate it."
    )

    @OptionGroup var options: BoardOptions
    @Argument(help: "Query words (all must match).") var query: [String] = []
    @Option(help: "table, json or csv.") var format: ListFormat = .table

    func run() throws {
        let log = try options.open()
        let parsed = try Query.parse(query.joined(separator: " "), me: options.actorName).resolvingColumns(in: log.state)
        let issues = parsed.run(on: log.state)
        switch format {
        case .table: Output.print(IssueTable.render(issues, state: log.state, width: Output.terminalWidth))
        case .json: Output.print(utf8: IssueJSON.list(issues))
        case .csv: Output.print(IssueCSV.write(issues))
        }
    }
}
