import ArgumentParser
import Testing
@testable import lanes

/// Every command names itself in its configuration. Without a name, ArgumentParser derives one
/// from the type's name (`String(describing:)`), and it does so for every subcommand of the
/// tree on every start, `--version` included: dynamic casts that each scan all the binary's
/// protocol conformances, a third of the process floor (docs/performance.md, "The process floor").
@Suite struct CommandNameTests {
    @Test func everyCommandNamesItselfSoStartUpNeedsNoReflection() {
        func unnamed(_ command: ParsableCommand.Type, path: String) -> [String] {
            let configuration = command.configuration
            let here = path + " " + (configuration.commandName ?? "\(command) (unnamed)")
            return (configuration.commandName == nil ? [here] : [])
                + configuration.subcommands.flatMap { unnamed($0, path: here) }
        }
        #expect(unnamed(Lanes.self, path: "").isEmpty)
    }

    /// The explicit names are the ones users and scripts already type.
    @Test func theNamesAreTheOnesTheTypesGaveBefore() {
        let names = Lanes.configuration.subcommands.map { $0.configuration.commandName ?? "" }
        #expect(names == [
            "init", "add", "list", "show", "move", "assign", "label", "priority", "due", "snooze", "digest", "edit",
            "comment", "close", "reopen", "link", "unlink", "check", "export", "import", "sync", "demo", "merge-driver",
            "columns", "intake", "archive", "unarchive", "delete", "restore", "access", "ssh-gateway", "index-text",
        ])
    }
}
