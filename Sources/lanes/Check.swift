import ArgumentParser
import Screen

/// `lanes check`: verifies every line of the log; exit 1 if any is bad.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Verify the board's log; prints FILE:LINE: problem for each bad line.")
    @OptionGroup var options: BoardOptions

    func run() throws {
        let log = try options.open()
        let problems = try log.check()
        for problem in problems { Output.print(Sanitizer.line(problem.description)) }
        if let reason = log.readOnlyReason { Output.error("lanes: " + reason) }
        guard problems.isEmpty else { throw ExitCode(1) }
        Output.print("ok: \(log.state.eventCount) events, \(log.state.issues.count) issues")
    }
}
