import ArgumentParser
import BoardExchange
import BoardIndex
import BoardModel

/// `lanes show N`: one issue's fields and timeline.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an issue's fields and timeline.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var options: BoardOptions
    @Argument(help: "The issue number.") var number: IssueNumber
    @Option(help: "text or json.") var format: Format = .text

    func run() throws {
        let state = try board()
        let issue = try state.issue(number.value)
        let timeline = state.timelines[issue.number] ?? []
        switch format {
        case .text:
            Output.print(IssueText.render(issue, timeline: timeline, state: state, now: options.clock.now))
        case .json:
            var json = JSONWriter()
            IssueJSON.write(issue, timeline: timeline, to: &json)
            Output.print(json.output)
        }
    }

    /// The issue with its timeline and what mentions it, from the board's index (the whole
    /// board where no index can be kept).
    private func board() throws -> BoardState {
        do {
            if let index = try options.openIndex(needs: .rows) { return try index.showing(number.value) }
        } catch is IndexUnavailable {}
        return try options.open().state
    }
}
