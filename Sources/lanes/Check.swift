import ArgumentParser
import BoardModel
import LanesApp
import Screen

/// `lanes check`: verifies every line of the log and of the rc files (the user's and the
/// board's `lanesrc`, and the theme they name); exit 1 if any is bad.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify the board's log and rc files; prints FILE:LINE: problem for each bad line.")
    @OptionGroup var options: BoardOptions

    func run() throws {
        let log = try options.open()
        let problems = try log.check().map(\.description)
        let rc = Configuration(rcFiles: Configuration.rcFiles(boardDirectory: log.location.directory, environment: options.environment),
                               environment: options.environment, board: log.state).errors.map(\.description)
        let cycles = log.state.linkCycles.map { "links form a cycle: \($0); unlink one of them" }
        for problem in problems + rc + cycles { Output.print(Sanitizer.line(problem)) }
        if let reason = log.readOnlyReason { Output.error("lanes: " + reason) }
        guard problems.isEmpty, rc.isEmpty, cycles.isEmpty else { throw ExitCode(1) }
        Output.print("ok: \(Plural.count(log.state.eventCount, "event")), \(Plural.count(log.state.issues.count, "issue"))")
    }
}
