import Foundation
import Testing
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// A whole read decoded in windows on both cores (`BackgroundDecode`) while the log changes
/// under it, and the cache such a read writes: the read must fold what the log held when it
/// began, a later look must fold what was added or what replaced it, and a cache written by a
/// windowed read must open as the log folds, also with lines appended after it.
@Suite struct WindowedReadTests {
    static let always = SnapshotPolicy(minimumBytes: 0, maximumTail: 1 << 30)

    /// A log without bad lines (so a read writes the cache) of `count` issues, each with a title
    /// of multi-byte text and a body of about `bodyBytes` bytes (plain words, then escapes: tabs, newlines,
    /// backslashes), comments about them, with CR LF line ends, blank and comment lines between.
    static func cleanLog(seed: UInt64, issues count: Int, bodyBytes: Int) -> [UInt8] {
        var random = SeededGenerator(seed: seed)
        let words = ["日本語", "é", "e\u{301}", "🎉", "한국어", "tab\there", "back\\slash", "line\nbreak", "plain", "𠀋", "\u{202E}x"]
        func text(_ bytes: Int) -> String {
            var text = ""
            while text.utf8.count < bytes { text += words.randomElement(using: &random)! + " " }
            return text
        }
        // Most of a long body is plain words (made once: building megabytes word by word is slow).
        let filler = String(repeating: "plain words ", count: bodyBytes / 12)
        var bytes = Array((LineCodec.header + "\n").utf8)
        LineCodec.encode(Event(id: EventID(random.next()), at: Timestamp(milliseconds: 1_780_000_000_000), actor: "ann", issue: 0,
                               kind: .columns(Column.defaults)), into: &bytes)
        var at: Int64 = 1_780_000_000_000
        for number in 1...count {
            at += 60_000
            var line: [UInt8] = []
            LineCodec.encode(Event(id: EventID(random.next()), at: Timestamp(milliseconds: at), actor: "ann", issue: number,
                                   kind: .created(title: "issue \(number) " + text(20), body: filler + text(40), column: "backlog",
                                                  rank: Double(number), priority: .none)), into: &line)
            if number % 3 == 0, line.last == 10 { line.insert(13, at: line.count - 1) } // CR LF
            bytes += line
            if number % 2 == 0 {
                LineCodec.encode(Event(id: EventID(random.next()), at: Timestamp(milliseconds: at + 1), actor: "bob",
                                       issue: Int.random(in: 1...number, using: &random), kind: .commented(text(40))), into: &bytes)
            }
            if number % 7 == 0 { bytes += Array((number % 2 == 0 ? "\n" : "# a comment\n").utf8) }
        }
        return bytes
    }

    static func board(_ bytes: [UInt8], in dir: TemporaryDirectory) throws -> BoardLocation {
        let location = BoardLocation(root: dir.path)
        try EventLog.create(location)
        dir.write(".lanes/events", bytes)
        return location
    }

    /// Every window size from one byte up writes a cache; opened from it (and from it plus lines
    /// appended after it), the board is the log's fold.
    @Test func aCacheWrittenByAWindowedReadOpensAsTheLogFolds() throws {
        let bytes = Self.cleanLog(seed: 9, issues: 200, bodyBytes: 300)
        let dir = TemporaryDirectory()
        let location = try Self.board(bytes, in: dir)
        let reference = try EventLog.open(location, snapshots: .off)
        #expect(reference.problems.isEmpty && reference.state.issues.count == 200)
        for window in [1, 333, 20_000] {
            try? FileManager.default.removeItem(atPath: location.snapshotPath)
            dir.write(".lanes/events", bytes)
            let read = try EventLog.open(location, snapshots: .off)
            let writing = try EventLog.open(location, snapshots: Self.always)
            writing.decodeWindows = (shared: 0, window: window)
            try? FileManager.default.removeItem(atPath: location.snapshotPath)
            try writing.reload()
            SharedDecodeTests().expectSame(writing, reference, "windows of \(window) bytes")
            #expect(FileManager.default.fileExists(atPath: location.snapshotPath), "windows of \(window): the read wrote the cache")
            let cached = try EventLog.open(location, snapshots: Self.always)
            #expect(cached.readFromCache, "windows of \(window)")
            SharedDecodeTests().expectSame(cached, reference, "from the cache of windows of \(window) bytes")
            // Another writer after the cache: the cache and the tail fold what the grown log folds.
            _ = try read.commit([.create(title: "after \(window) 日本"), .comment(2, "more é"), .move(3, to: "doing")], actor: "cy")
            let grown = try EventLog.open(location, snapshots: .off)
            let tail = try EventLog.open(location, snapshots: Self.always)
            #expect(tail.readFromCache, "windows of \(window)")
            SharedDecodeTests().expectSame(tail, grown, "the cache of windows of \(window) bytes and a tail")
        }
    }

    /// A log big enough to be read on both cores by default (8 MB), which another writer appends
    /// to, or replaces, while it is read (told by the read's progress): the read folds what the
    /// log held when it began and writes a cache of that; a refresh then folds the new lines, or
    /// the new file; a later open from the cache folds the log as it is.
    @Test(arguments: [false, true])
    func aLogGrowingOrReplacedDuringAWindowedReadIsFoldedAsItWasThenCaughtUp(replaced: Bool) throws {
        let bytes = Self.cleanLog(seed: 4, issues: 600, bodyBytes: 15_000)
        #expect(bytes.count > 8 << 20, "read on both cores (EventLog.decodeWindows)")
        let dir = TemporaryDirectory(), before = TemporaryDirectory()
        let location = try Self.board(bytes, in: dir)
        let reference = try EventLog.open(try Self.board(bytes, in: before), snapshots: .off)
        let other = try EventLog.open(location, snapshots: .off)
        let replacement = Self.cleanLog(seed: 5, issues: 40, bodyBytes: 50)
        var calls = 0
        let read = try EventLog.open(location, snapshots: Self.always) { done, total in
            calls += 1
            guard calls == 2 else { return } // a window after the first: the other core is decoding
            if replaced {
                let path = dir.file(".lanes/events.new")
                FileManager.default.createFile(atPath: path, contents: Data(replacement))
                #expect(rename(path, location.eventsPath) == 0)
            } else {
                _ = try? other.commit([.create(title: "while read 日本"), .close(5), .comment(7, "a\tb")], actor: "dee")
            }
        }
        #expect(calls > 2, "the read reported its windows")
        SharedDecodeTests().expectSame(read, reference, "the log as it was when the read began")
        let now = try EventLog.open(location, snapshots: .off)
        #expect(now.state.issues.count == (replaced ? 40 : 601))
        try read.refresh()
        SharedDecodeTests().expectSame(read, now, "refreshed after the log was \(replaced ? "replaced" : "appended to")")
        let cached = try EventLog.open(location, snapshots: Self.always)
        SharedDecodeTests().expectSame(cached, now, "opened again (from the cache: \(cached.readFromCache))")
    }
}
