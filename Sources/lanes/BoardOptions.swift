#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import BoardIndex
import BoardModel
import BoardStore
import LanesApp

/// `--board` and `--as`, shared by every subcommand that opens a board.
struct BoardOptions: ParsableArguments {
    nonisolated(unsafe) private static var openLogs: [EventLog] = []

    @Option(name: .long, help: ArgumentHelp("The board: a directory holding .lanes/ (default: $LANES_BOARD, the nearest .lanes/ above the current directory, or your personal board).", valueName: "dir"))
    var board: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Act as this user (default: $LANES_USER, or your login name).", valueName: "name"))
    var actor: String?

    @Option(name: .long, help: ArgumentHelp("Act as if it were this moment (2026-12-04T09:00:00Z, or a date: its UTC midnight), in the local zone ($TZ): for tests and for looking ahead. Changes are stamped with it.", valueName: "time"))
    var now: String?

    var environment: [String: String] { Environment.variables }

    func validate() throws {
        if let now, Timestamp.parse(now) == nil {
            throw ValidationError("--now \"\(now)\" is not a time; use 2026-12-04T09:00:00Z or 2026-12-04")
        }
    }

    /// `--now` (checked by `validate`) or the clock, in the local zone.
    var clock: DayClock { DayClock(now: fixedNow()) }

    /// The session's clock: `--now`, fixed, or the running clock.
    var fixedNow: () -> Timestamp {
        let fixed = now.flatMap(Timestamp.parse)
        return { fixed ?? .now }
    }

    var location: BoardLocation {
        BoardLocation.resolve(board: board, environment: environment, workingDirectory: Environment.workingDirectory)
    }

    /// `--as`, else `LANES_USER`, else the login name.
    var actorName: String {
        if let actor, !actor.trimmingSpaces.isEmpty { return actor.trimmingSpaces }
        if let user = environment["LANES_USER"], !user.isEmpty { return user }
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return environment["USER"] ?? "unknown"
    }

    /// Opens the board, telling the user when it is read-only or waiting for the lock.
    ///
    /// The log is kept alive until the process exits: freeing a million events one by one on
    /// the way out would cost a tenth of a second for nothing.
    /// `snapshots: .off` for commands that read every event anyway (one sequential read beats
    /// reading a million archived lines back one by one).
    func open(snapshots: SnapshotPolicy = .standard, keepingWholeRead: Bool = false,
              progress: ((Int, Int) -> Void)? = nil) throws -> EventLog {
        let log = try EventLog.open(location, snapshots: snapshots, keepingWholeRead: keepingWholeRead, progress: progress)
        if let restriction { log.restrict(restriction) }
        BoardOptions.openLogs.append(log)
        for warning in log.warnings { Output.error("lanes: warning: " + warning) }
        log.onLockWait = BoardOptions.sayWaiting
        return log
    }

    /// Why this session may not write whatever the board's files allow (a viewer through the gateway).
    var restriction: String? { GatewaySession.current?.role == .viewer ? GatewaySession.viewerReason : nil }

    /// Opens the board's index (`BoardIndex`), caught up with the log, telling the user what
    /// `open` would; nil when no index can be kept (an unusable cache directory), and the
    /// command then reads the board whole with `open`. A command that `needs` only `.rows` may
    /// be answered before the index's build is whole (`BoardIndex.Needs`).
    func openIndex(needs: BoardIndex.Needs = .everything) throws -> BoardIndex? {
        do {
            let index = try BoardIndex.open(location, environment: environment, needs: needs, onLockWait: BoardOptions.sayWaitingForIndex)
            for warning in index.warnings { Output.error("lanes: warning: " + warning) }
            return index
        } catch is IndexUnavailable {
            return nil
        }
    }

    /// Tells the user who a writer waits for, so a wait is never a silent hang.
    static func sayWaiting(for holder: Int?) {
        Output.error("lanes: waiting for the board lock" + LockHolder.describe(holder) + "…")
    }

    /// The same for the index, which another lanes is writing (a build takes seconds at a
    /// million issues; a stopped one holds it until it goes on).
    static func sayWaitingForIndex() {
        Output.error("lanes: waiting for another lanes to finish writing the board's index…")
    }
}

/// The process environment and working directory.
enum Environment {
    static var variables: [String: String] { ProcessEnvironment.current }

    static var workingDirectory: String { BoardLocation.currentDirectory }
}

/// `--format` values of `list`.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// Issue numbers accept `42` and `#42`.
struct IssueNumber: ExpressibleByArgument {
    var value: Int
    init?(argument: String) {
        let digits = argument.hasPrefix("#") ? String(argument.dropFirst()) : argument
        guard let value = Int(digits), value > 0 else { return nil }
        self.value = value
    }
}
