import ArgumentParser
import BoardExchange

/// `lanes export`: the whole board, issues with their timelines.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write the whole board as JSON (with timelines) or CSV.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

    @OptionGroup var options: BoardOptions
    @Option(help: "json or csv.") var format: Format = .json
    @Flag(help: "Include deleted issues (JSON marks them \"deleted\": true).") var includeDeleted = false

    func run() throws {
        let log = try options.open(snapshots: .off)
        switch format {
        case .json: Output.print(utf8: IssueJSON.export(log.state, name: log.location.name, includingDeleted: includeDeleted))
        case .csv: Output.print(IssueCSV.write(log.state.exportedIssues(includingDeleted: includeDeleted)))
        }
    }
}
