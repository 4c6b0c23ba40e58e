import Benchmark
import BoardGeneration
import BoardExchange
import BoardIndex
import BoardModel
import BoardQuery
import BoardStore
import BoardViews
import Foundation
import Keymap
import LanesApp
import Screen

/// One benchmark per row of the table in docs/performance.md.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
                                           maxDuration: .seconds(10), maxIterations: 200)

    let large = try! BoardGenerator.board(issues: 100_000, events: 1_000_000)
    let configuration = Configuration(rcFiles: [], environment: ["LANG": "C.UTF-8"])

    // Opening reads .lanes/cache (the snapshot) and the lines written since; the first open of
    // a board, or one after 8 MB of new lines, reads the whole log and writes a new snapshot.
    _ = try! EventLog.open(large) // makes sure the snapshot exists and is current
    for (name, snapshots) in [("from its snapshot", SnapshotPolicy.standard), ("reading the whole log", SnapshotPolicy.off)] {
        Benchmark("open 100k issues / 1M events to the first frame, \(name)",
                  configuration: .init(maxDuration: .seconds(20), maxIterations: 10)) { benchmark in
            let log = try EventLog.open(large, snapshots: snapshots)
            let session = BoardSession(log: log, screen: MemoryScreen(width: 200, height: 50), configuration: configuration, actor: "user1")
            blackHole(session.frame())
            benchmark.stopMeasurement() // freeing the board on the way out is not part of opening it
        }
    }

    // The full-screen board's first frame drawn from the board's index, before the board is
    // read (#20; the board's load follows it): the index checked against the log, each
    // column's counts and first cards by SQL, the frame rendered.
    let indexEnvironment = ["XDG_CACHE_HOME": large.root + "-index-cache", "HOME": large.root]
    _ = try! BoardIndex.open(large, environment: indexEnvironment) // built once, current afterwards
    Benchmark("open 100k issues / 1M events to the first frame, from the index",
              configuration: .init(maxDuration: .seconds(20), maxIterations: 20)) { benchmark in
        let now = Timestamp.now
        guard let index = BoardIndex.openIfCurrent(large, environment: indexEnvironment),
              let (state, projection) = index.firstScreen(cardsPerColumn: FirstScreen.cardsPerColumn(height: 50), now: now,
                                                          zone: .current, staleAfterDays: configuration.settings.staleAfterDays),
              let first = FirstScreen(state: state, projection: projection, configuration: configuration, actor: "user1",
                                      boardName: large.name, readOnlyReason: nil, warnings: [], greeting: nil,
                                      width: 200, height: 50, now: now)
        else { fatalError("no first screen from the index") }
        blackHole(first.frame())
    }

    let log = try! EventLog.open(large)
    let writer = try! EventLog.open(large)
    let mover = try! EventLog.open(large)

    Benchmark("list --format json of 100k issues (open, query, JSON)", configuration: .init(maxIterations: 10)) { benchmark in
        for _ in benchmark.scaledIterations {
            let log = try EventLog.open(large)
            blackHole(IssueJSON.list(Query.everything.run(on: log.state)))
        }
    }

    // Setup (opening the session, the first projection) happens before startMeasurement; each
    // sample is `scaledIterations` keystrokes, reported per keystroke.
    Benchmark("keystroke to frame: cursor down, 100k issues", configuration: .init(scalingFactor: .kilo)) { benchmark in
        alternate(benchmark, log: log, keys: (.character("j"), .character("k")))
    }

    Benchmark("keystroke to frame: open issue and back, 100k issues", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let session = BoardSession(log: log, screen: MemoryScreen(width: 200, height: 50), configuration: configuration, actor: "user1")
        _ = session.frame()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            session.handle(.enter)
            blackHole(session.frame())
            session.handle(.character("q"))
            blackHole(session.frame())
        }
    }

    Benchmark("keystroke to frame: move a card (append, fsync, re-place it), 100k issues",
              configuration: .init(maxIterations: 100)) { benchmark in
        alternate(benchmark, log: mover, after: [.character("l")], keys: (.character("L"), .character("H")))
    }

    Benchmark("keystroke to frame: activity view, events read back from the log, 100k issues",
              configuration: .init(scalingFactor: .kilo)) { benchmark in
        alternate(benchmark, log: log, after: [.character("T")], keys: (.character("j"), .character("k")))
    }

    // Each sample is one keystroke the session has not seen before (earlier results are
    // cached, so repeating a key would measure the cache): a first character scans every issue,
    // a character after "login" narrows that word's result. The backspace that follows each one
    // is setup, outside the measurement.
    let filterKeys = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    // (name, keys before the prompt (`S`: swimlanes by assignee), text typed after `/`)
    for (name, before, prefix) in [("a first character, every issue scanned", "", ""), ("after \"login\", narrowing", "", "login"),
                                   ("a first character, swimlanes by assignee", "S", "")] {
        Benchmark("one keystroke in the / filter: \(name), 100k issues",
                  configuration: .init(maxIterations: filterKeys.count * 2)) { benchmark in
            let session = FilterSession.shared(name, log: log, configuration: configuration, before: before, prefix: prefix)
            session.handle(.backspace)
            let key = filterKeys[session.nextKey() % filterKeys.count]
            blackHole(session.frame())
            benchmark.startMeasurement()
            session.handle(.character(key))
            blackHole(session.frame())
            benchmark.stopMeasurement()
        }
    }

    Benchmark("append one change with fsync, 100k-issue board", configuration: .init(maxIterations: 200)) { benchmark in
        for _ in benchmark.scaledIterations {
            try writer.commit([.comment(1, "benchmark comment")], actor: "bench")
        }
    }

    // The bytes a cursor move sends on the real ncurses backend are measured by
    // scripts/bytes-per-keystroke.sh (tmux pipe-pane); docs/performance.md has both.
}

/// One session with the `/` prompt open, kept across samples so the filter benchmarks measure
/// keystrokes, not opening a session.
final class FilterSession: @unchecked Sendable {
    nonisolated(unsafe) private static var sessions: [String: FilterSession] = [:]
    let session: BoardSession
    private var keys = 0

    private init(session: BoardSession) { self.session = session }

    static func shared(_ name: String, log: EventLog, configuration: Configuration, before: String, prefix: String) -> FilterSession {
        if let existing = sessions[name] { return existing }
        let session = BoardSession(log: log, screen: MemoryScreen(width: 200, height: 50), configuration: configuration, actor: "user1")
        for character in before + "/" + prefix { session.handle(.character(character)) }
        // A key that the backspace before the first sample takes back.
        session.handle(.character("~"))
        let filter = FilterSession(session: session)
        sessions[name] = filter
        return filter
    }

    func handle(_ key: Key) { session.handle(key) }
    func frame() -> CellGrid { session.frame() }
    func nextKey() -> Int {
        defer { keys += 1 }
        return keys
    }
}

/// Measures keystroke to frame for two keys pressed in turn (down/up, right/left) in a session
/// on `log` that has first had the `after` keys (to open a view, select a column).
func alternate(_ benchmark: Benchmark, log: EventLog, after setup: [Key] = [], keys: (Key, Key)) {
    let configuration = Configuration(rcFiles: [], environment: ["LANG": "C.UTF-8"])
    let session = BoardSession(log: log, screen: MemoryScreen(width: 200, height: 50), configuration: configuration, actor: "user1")
    for key in setup { session.handle(key) }
    _ = session.frame()
    benchmark.startMeasurement()
    var first = true
    for _ in benchmark.scaledIterations {
        session.handle(first ? keys.0 : keys.1)
        first.toggle()
        blackHole(session.frame())
    }
}
