#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import BoardModel

// Exit codes: 0 success, 1 a problem the user can fix (one line on stderr), 2 a usage error.
do {
    // The hot commands' plain lines skip ArgumentParser's start-up cost (`PlainCommands`).
    var command = try PlainCommands.parse(Array(CommandLine.arguments.dropFirst())) ?? Lanes.parseAsRoot()
    try command.run()
} catch let error as BoardError {
    Output.fail(error.description)
} catch let error as CleanExit {
    Lanes.exit(withError: error)
} catch let error as ExitCode {
    Lanes.exit(withError: error)
} catch {
    let code = Lanes.exitCode(for: error)
    if code == .validationFailure || code.rawValue == 64 {
        Output.error("lanes: " + Lanes.fullMessage(for: error))
        exit(2)
    }
    Lanes.exit(withError: error)
}
