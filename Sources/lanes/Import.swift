#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import BoardExchange
import BoardModel
import BoardStore
import Foundation
import Screen

/// `lanes import FILE`: issues from GitHub, Jira, taskwarrior or Lanes' own CSV.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import issues from GitHub (gh/REST JSON), Jira (CSV), taskwarrior (task export) or lanes export (JSON or CSV).",
        discussion: "Re-importing the same file adds nothing: each issue remembers its source key. Bad rows are reported with their line or item and the rest imports."
    )

    enum Source: String, ExpressibleByArgument, CaseIterable { case github, jira, taskwarrior, csv, lanes }

    @OptionGroup var options: BoardOptions
    @Argument(help: "The file to import.") var file: String
    @Option(help: "The format (default: guessed from the file).") var from: Source?
    @Option(name: .customLong("map-status"), help: ArgumentHelp("Map a Jira status to a column: \"In QA=review\" (repeatable).", valueName: "status=column"))
    var statusMappings: [String] = []
    @Flag(help: "Show what would be imported; change nothing.") var dryRun = false
    @Flag(help: "Create the columns --map-status names that the board does not have (otherwise nothing is imported).")
    var createColumns = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw BoardError.io("cannot read \(file)") }
        let text = String(decoding: data, as: UTF8.self)
        guard let format = from.map({ ImportFormat(rawValue: $0.rawValue)! }) ?? ImportFormat.guess(text) else {
            throw BoardError.invalid("cannot tell the format of \(file); use --from github|jira|taskwarrior|csv|lanes")
        }
        var statusMap: [String: String] = [:]
        for mapping in statusMappings {
            let parts = mapping.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--map-status takes STATUS=COLUMN, e.g. \"In QA=review\"")
            }
            statusMap[parts[0]] = parts[1]
        }
        let (issues, problems) = try format.read(text, statusMap: statusMap)
        for problem in problems { Output.error("lanes: \(file): \(problem)") }
        let log = try options.open()
        let missingColumns = ImportColumns.missing(statusMap, on: log.state)
        if !missingColumns.isEmpty, !createColumns { throw ImportColumns.refusal(missingColumns) }
        let actor = options.actorName
        var summary = ImportPlan.Summary()
        if dryRun {
            var state = log.state
            _ = try ImportColumns.create(missingColumns, in: &state, actor: actor)
            _ = try ImportPlan.events(for: issues, into: &state, summary: &summary)
        } else {
            let progress = Output.stderrIsTerminal && issues.count >= 1000
            if progress { Output.progress("importing \(Plural.count(issues.count, "issue")) from \(format.rawValue)…") }
            try log.commit { state throws(BoardError) in
                summary = ImportPlan.Summary()
                let columns = try ImportColumns.create(ImportColumns.missing(statusMap, on: state), in: &state, actor: actor)
                return try columns + ImportPlan.events(for: issues, into: &state, summary: &summary) { done in
                    guard progress else { return }
                    let filled = done * 30 / issues.count
                    Output.progress("importing [" + String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled)
                                    + "] \(done)/\(issues.count)")
                }
            }
            if progress { Output.progress("") }
        }
        let verb = dryRun ? "would import" : "imported"
        let newColumns = Set(missingColumns.map(\.column)).sorted()
        if !newColumns.isEmpty {
            Output.print("\(dryRun ? "would create" : "created") \(Plural.noun("column", newColumns.count)) "
                         + Sanitizer.line(newColumns.joined(separator: ", ")))
        }
        Output.print("\(verb) \(Plural.count(summary.imported.count, "issue")) from \(Sanitizer.line(file)) (\(format.rawValue))"
            + (summary.skipped > 0 ? ", skipped \(summary.skipped) already imported" : "")
            + (summary.renumbered > 0 ? ", \(summary.renumbered) renumbered (their numbers were taken)" : "")
            + (summary.linksLeftOut > 0 ? ", \(Plural.count(summary.linksLeftOut, "link")) to issues not in the file left out" : "")
            + (problems.isEmpty ? "" : "; rows with problems: \(problems.count)"))
        // The rest imported, but a script must not take a partial import for a whole one.
        if !problems.isEmpty {
            Output.error("lanes: \(Plural.count(problems.count, "row")) of \(Sanitizer.line(file)) could not be \(dryRun ? "read" : "imported")")
            throw ExitCode(1)
        }
    }
}
