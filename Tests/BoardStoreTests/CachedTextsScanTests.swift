import Foundation
import Testing
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// The titles and descriptions a board leaves in its cache, read by scans (`CachedTexts.Scan`,
/// one per thread of a search text's build): each gives a text's UTF-8 exactly as `IssueBody.text`
/// gives it, also two scans read turn about over two halves of the file; once the file was
/// changed in place or cut short, a scan hands over nothing it cannot vouch for (`text` repairs).
@Suite struct CachedTextsScanTests {
    /// Every text a board holds stored, with its span.
    static func storedTexts(_ state: BoardState) -> [(texts: StoredTexts, span: UInt64, text: String)] {
        state.issues.values.flatMap { issue in
            [issue.storedTitle, issue.storedBody].compactMap { body -> (StoredTexts, UInt64, String)? in
                if case .stored(let texts, let span) = body { (texts, span, body.text) } else { nil }
            }
        }
    }

    /// Each of `stored` read by two scans turn about, the first half by one, the second by the other.
    static func readTurnAbout(_ stored: [(texts: StoredTexts, span: UInt64, text: String)]) -> [[UInt8]?] {
        var scans = [stored[0].texts.scan(), stored[0].texts.scan()]
        let middle = stored.count / 2
        var read = [[UInt8]?](repeating: nil, count: stored.count)
        for step in 0..<(stored.count - middle) {
            for (scan, index) in [(0, step), (1, middle + step)] where step < middle || scan == 1 {
                read[index] = scans[scan].utf8(stored[index].span).map(Array.init)
            }
        }
        return read
    }

    static func cachedBoard(in dir: TemporaryDirectory) throws -> EventLog {
        let location = BoardLocation(root: dir.path)
        try EventLog.create(location)
        let words = ["login", "日本語", "翻訳", "한국어", "emoji 🎉", "Timeline", "tab\there", "line\nbreak"]
        var random = SeededGenerator(seed: 3)
        func sentence(_ count: Int) -> String { (0..<count).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ") }
        // Enough descriptions for many windows of the file (256 KB each).
        try EventLog.open(location, snapshots: .off).commit((1...3_000).map { n in
            .create(title: "\(n) " + sentence(Int(random.next() % 6)), body: n % 5 == 0 ? "" : sentence(Int(random.next() % 60)))
        }, actor: "ann")
        _ = try EventLog.open(location, snapshots: SnapshotTests.always) // writes the cache
        let cached = try EventLog.open(location, snapshots: SnapshotTests.always)
        #expect(cached.readFromCache)
        return cached
    }

    @Test func twoScansTurnAboutReadEachTextAsItIs() throws {
        let dir = TemporaryDirectory()
        let cached = try Self.cachedBoard(in: dir)
        let stored = Self.storedTexts(cached.state)
        #expect(stored.count > 4_000)
        let read = Self.readTurnAbout(stored)
        // The first text read otherwise than it is (rather than thousands printed whole).
        #expect(read.indices.first { read[$0] != Array(stored[$0].text.utf8) } == nil)
    }

    enum Change: CaseIterable { case invalidBytesWrittenInPlace, cutShort }

    /// A scan begun after the file changed (invalid UTF-8 written over descriptions, or the file
    /// cut short) vouches for none of it: each text is left to `text`, which repairs it, or
    /// reads it as empty, as before.
    @Test(arguments: Change.allCases)
    func aScanVouchesForNothingOfAFileChangedSinceItWasChecked(change: Change) throws {
        let dir = TemporaryDirectory()
        let cached = try Self.cachedBoard(in: dir)
        let stored = Self.storedTexts(cached.state)
        let changed = [1, stored.count / 2, stored.count - 2]
        // Past the tick of a file system whose change times are coarse.
        usleep(20_000)
        switch change {
        case .invalidBytesWrittenInPlace:
            let fd = open(cached.location.snapshotPath, O_WRONLY)
            #expect(fd >= 0)
            let bad: [UInt8] = [0xFF, 0xC3, 0x28, 0xED, 0xA0]
            for index in changed {
                let (offset, length) = StoredTexts.place(of: stored[index].span)
                #expect(length >= bad.count && pwrite(fd, bad, bad.count, off_t(offset)) == bad.count)
            }
            close(fd)
        case .cutShort:
            #expect(truncate(cached.location.snapshotPath, off_t(StoredTexts.place(of: stored[changed[1]].span).offset)) == 0)
        }
        #expect(Self.readTurnAbout(stored).allSatisfy { $0 == nil })
        let now = Self.storedTexts(cached.state).map(\.text)
        switch change {
        case .invalidBytesWrittenInPlace: #expect(changed.allSatisfy { now[$0].hasPrefix("\u{FFFD}") })
        case .cutShort: #expect(now[changed[1]...].allSatisfy(\.isEmpty) && now[..<changed[1]] == stored[..<changed[1]].map(\.text)[...])
        }
    }
}
