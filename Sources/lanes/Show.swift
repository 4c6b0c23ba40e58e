import ArgumentParser
import BoardExchange
import BoardModel

/// `lanes show N`: one issue's fields and timeline.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show an issue's fields and timeline.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var options: BoardOptions
    @Argument(help: "The issue number.") var number: IssueNumber
    @Option(help: "text or json.") var format: Format = .text

    func run() throws {
        let log = try options.open()
        let issue = try log.state.issue(number.value)
        let timeline = log.state.timelines[issue.number] ?? []
        switch format {
        case .text:
            Output.print(IssueText.render(issue, timeline: timeline, state: log.state, now: options.clock.now))
        case .json:
            var json = JSONWriter()
            IssueJSON.write(issue, timeline: timeline, to: &json)
            Output.print(json.output)
        }
    }
}
