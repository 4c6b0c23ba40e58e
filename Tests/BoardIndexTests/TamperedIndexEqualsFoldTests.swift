import Foundation
import Testing
@testable import BoardIndex
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// #20's promise under a changing index file: writers with and without the index, and
/// between them the index replaced by an older copy of itself, by another board's (one that
/// began as a copy of this one: the same first event), cut short, left without its write-ahead
/// log, deleted and built again for `show` alone (its names deferred). Whatever a command opens
/// next (`show`, which may take a deferred index, or any other) reads the fold of the whole log.
@Suite struct TamperedIndexEqualsFoldTests {
    @Test(arguments: [21, 22, 23] as [UInt64])
    func whateverHappenedToTheFileTheIndexIsTheFold(seed: UInt64) throws {
        let fixture = try IndexFixture()
        var random = SeededGenerator(seed: seed)
        let log = try EventLog.open(fixture.location, snapshots: .off)
        try log.commit((1...4).map { .create(title: "issue \($0)", labels: ["bug"], assignees: ["ann"]) }, actor: "ann")
        // Another board that began as a copy of this one: the same first event, its own log file and index.
        let twin = try IndexFixture()
        try FileManager.default.removeItem(atPath: twin.directory.file("board/.lanes/events"))
        try Data(fixture.log).write(to: URL(fileURLWithPath: twin.directory.file("board/.lanes/events")))
        try EventLog.open(twin.location, snapshots: .off).commit([.create(title: "only on the twin", labels: ["ui"]), .close(2)], actor: "zoe")
        _ = try twin.open()
        try twin.checkpoint()
        let twinIndex = twin.directory.read(String(twin.indexPath.dropFirst(twin.directory.path.count + 1)))
        var backup: [UInt8]?
        var rebuilds = 0
        var clock = Timestamp.now.milliseconds - 3_600_000
        for step in 0..<40 {
            clock += Int64.random(in: 1...60_000, using: &random)
            let now = Timestamp(milliseconds: clock)
            let actor = IndexEqualsFoldTests.users[Int.random(in: 0..<3, using: &random)]
            let state = try EventLog.open(fixture.location, snapshots: .off).state
            let change = IndexEqualsFoldTests.change(for: state, wholeBoard: Bool.random(using: &random), random: &random)
            if change.touchedIssues != nil, Bool.random(using: &random), let index = try? fixture.open() {
                _ = try? index.commit([change], actor: actor, now: now)
            } else {
                try log.refresh()
                _ = try? log.commit([change], actor: actor, now: now)
            }
            var tampering = "none"
            let exists = FileManager.default.fileExists(atPath: fixture.indexPath)
            switch exists ? Int.random(in: 0..<7, using: &random) : -1 {
            case 0:
                tampering = "an older copy"
                if let backup { try plant(backup, in: fixture) }
            case 1:
                tampering = "the twin's"
                try plant(twinIndex, in: fixture)
            case 2:
                tampering = "cut short"
                try fixture.checkpoint()
                let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: fixture.indexPath)))
                try plant(Array(bytes.prefix(Int.random(in: 0..<max(1, bytes.count), using: &random))), in: fixture)
            case 3:
                tampering = "without its write-ahead log"
                for suffix in ["-wal", "-shm"] { unlink(fixture.indexPath + suffix) }
            case 4:
                tampering = "deleted"
                for suffix in ["", "-wal", "-shm"] { unlink(fixture.indexPath + suffix) }
            case -1:
                break // no index yet
            default:
                if Bool.random(using: &random) {
                    try fixture.checkpoint()
                    backup = try Array(Data(contentsOf: URL(fileURLWithPath: fixture.indexPath)))
                }
            }
            let comment: Comment = "seed \(seed), step \(step), after \(change), index \(tampering)"
            // `show` first (it may build or keep a deferred index), then any other command.
            let fold = try EventLog.open(fixture.location, snapshots: .off).state
            let shown = try BoardIndex.open(fixture.location, environment: fixture.environment, needs: .rows)
            try IndexFixture.expectShows(fold.issues.keys.sorted().prefix(6), through: shown, as: fold, comment)
            #expect(shown.boardState.highestNumber == fold.highestNumber, comment)
            let index = try fixture.open()
            #expect(!index.meta.isDeferred, comment)
            rebuilds += shown.rebuilds + index.rebuilds
            try fixture.expectMatchesFold(index)
            try ColumnCountsTests.expectKept(fixture, index, comment)
        }
        #expect(rebuilds >= 5, "indexes not believed: \(rebuilds)")
    }

    /// Puts `bytes` where the index file is, as a copy would, without SQLite's files beside it.
    private func plant(_ bytes: [UInt8], in fixture: IndexFixture) throws {
        for suffix in ["-wal", "-shm"] { unlink(fixture.indexPath + suffix) }
        try Data(bytes).write(to: URL(fileURLWithPath: fixture.indexPath))
    }
}
