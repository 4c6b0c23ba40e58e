import Foundation
import Testing
@testable import BoardModel
@testable import BoardStore
@testable import LanesApp
import Keymap
import LanesTestSupport
import Screen

/// The full-screen board must look and behave the same whether it was opened from the snapshot
/// cache (events read back from the log on demand) or by reading the whole log.
@Suite struct SnapshotSessionTests {
    @Test func everyViewIsTheSameThroughTheCache() throws {
        let temporary = TemporaryDirectory()
        defer { withExtendedLifetime(temporary) {} }
        let directory = temporary.path
        let location = BoardLocation(root: directory)
        try EventLog.create(location)
        let seed = try EventLog.open(location, snapshots: .off)
        try seed.commit((1...30).map { .create(title: "Card \($0) 日本語", body: $0 % 2 == 0 ? "login body" : "", column: ["todo", "doing"][$0 % 2]) },
                        actor: "ann")
        for number in 1...30 {
            try seed.commit([.comment(number, "note on \(number)"), .label(number, add: ["bug"], remove: [])], actor: "bob")
        }
        let policy = SnapshotPolicy(minimumBytes: 0, maximumTail: 1 << 20)
        // The full-screen board writes the cache after its first frame.
        let first = try EventLog.open(location, snapshots: SnapshotPolicy(minimumBytes: 0, writesAfterFirstFrame: true))
        #expect(!FileManager.default.fileExists(atPath: location.snapshotPath))
        let firstScreen = MemoryScreen(width: 100, height: 30)
        BoardSession(log: first, screen: firstScreen, configuration: Configuration(rcFiles: [], environment: [:]), actor: "ann")
            .run(idleMilliseconds: nil)
        #expect(FileManager.default.fileExists(atPath: location.snapshotPath), "written once the first frame was drawn")
        let cached = try EventLog.open(location, snapshots: policy)
        #expect(cached.readFromCache, "opened from the cache")
        let whole = try EventLog.open(location, snapshots: .off)

        let configuration = Configuration(rcFiles: [], environment: ["LANG": "C.UTF-8"])
        let now = Timestamp.now
        func session(_ log: EventLog) -> (BoardSession, MemoryScreen) {
            let screen = MemoryScreen(width: 100, height: 30)
            return (BoardSession(log: log, screen: screen, configuration: configuration, actor: "ann", now: { now }), screen)
        }
        let (a, screenA) = session(cached)
        let (b, screenB) = session(whole)
        // Each step, and text the cached board's frame must show then (read back from the log).
        let steps: [(String, String?)] = [("", "Card"), ("l", nil), ("jj", nil), ("<Enter>", "note on"), ("q", nil),
                                          ("T", "bob"), ("jjj", nil), ("<Enter>", "note on"), ("q", nil), ("q", nil),
                                          ("/login", "login"), ("<Enter>", nil), ("<Esc>", nil)]
        for (keys, shown) in steps {
            for key in KeyNotation.parse(keys) ?? [] {
                screenA.feed([key])
                screenB.feed([key])
            }
            a.run(idleMilliseconds: nil)
            b.run(idleMilliseconds: nil)
            #expect(a.frame().text == b.frame().text, "after \(keys)")
            if let shown { #expect(a.frame().text.contains(shown), "after \(keys)") }
        }
    }
}
