import Testing
@testable import BoardModel
@testable import BoardQuery
import LanesTestSupport

/// The `/` filter's search text built on both cores (each half of the slots copied by its own
/// thread into its own part of one buffer) holds exactly what one core builds, and what each
/// issue's title and body say: with multi-byte text, capitals, empty bodies, texts held and
/// texts stored in a file (two files), and stored texts that no longer read as they were
/// counted (bytes changed in place, a file cut short), which the build repairs as `String` does.
@Suite struct SearchTextCopyTests {
    static let words = ["login", "LOGIN", "Timeline", "日本語", "翻訳", "한국어", "emoji 🎉", "ÄÖÜ", "İstanbul", "a1", "Z9", "-", "x"]

    /// Bytes as a cache file holds texts: each at an offset, with other bytes between. A scan
    /// hands over the bytes of a text that are valid UTF-8 as they lie, and leaves others to
    /// `text` (as `CachedTexts` does for a file changed in place).
    final class MemoryTexts: StoredTextSource {
        nonisolated(unsafe) let bytes: UnsafeMutableBufferPointer<UInt8>

        init(_ bytes: [UInt8]) {
            self.bytes = .allocate(capacity: bytes.count)
            _ = self.bytes.initialize(from: bytes)
        }

        deinit { bytes.deallocate() }

        func text(at offset: Int, length: Int) -> String { String(decoding: stored(offset, length), as: UTF8.self) }

        func stored(_ offset: Int, _ length: Int) -> UnsafeBufferPointer<UInt8> {
            offset + length <= bytes.count ? UnsafeBufferPointer(rebasing: bytes[offset..<(offset + length)]) : UnsafeBufferPointer(start: nil, count: 0)
        }

        func scan() -> any StoredTextScan { Scan(texts: self) }

        struct Scan: StoredTextScan {
            let texts: MemoryTexts
            func utf8(_ span: UInt64) -> UnsafeBufferPointer<UInt8>? {
                let (offset, length) = StoredTexts.place(of: span)
                let bytes = texts.stored(offset, length)
                return String(decoding: bytes, as: UTF8.self).utf8.elementsEqual(bytes) ? bytes : nil
            }
        }
    }

    /// Where a stored text goes wrong, if anywhere: in the first half of the slots or the second.
    enum Damage: CaseIterable { case none, invalidInFirstHalf, invalidInSecondHalf, cutShortInSecondHalf }

    /// `issues` issues; about two in three of their texts stored (one file for most, another
    /// for every seventh issue), the rest held.
    static func storedBoard(issues: Int, seed: UInt64, damage: Damage) throws -> BoardState {
        var random = SeededGenerator(seed: seed)
        func sentence(_ words: Int) -> String {
            (0..<words).map { _ in Self.words[Int(random.next() % UInt64(Self.words.count))] }.joined(separator: " ")
        }
        var state = try LanesTestSupport.board((1...issues).map { n in
            .create(title: "\(n) " + sentence(Int(random.next() % 5)), body: n % 4 == 0 ? "" : sentence(Int(random.next() % 30)))
        })
        var files: [[UInt8]] = [[], []], spans: [(number: Int, file: Int, title: UInt64?, body: UInt64?)] = []
        func store(_ text: String, in file: Int) -> UInt64 {
            files[file] += Array("other fields ".utf8)
            defer { files[file] += Array(text.utf8) }
            return StoredTexts.span(offset: files[file].count, length: text.utf8.count)!
        }
        for issue in state.issues.values where issue.number % 3 != 0 {
            let file = issue.number % 7 == 0 ? 1 : 0
            spans.append((issue.number, file, issue.number % 2 == 0 ? store(issue.title, in: file) : nil, store(issue.body, in: file)))
        }
        // Bytes changed in place: invalid UTF-8 where a body was.
        let damaged = damage == .invalidInFirstHalf ? 2 : issues - 2
        if damage == .invalidInFirstHalf || damage == .invalidInSecondHalf, let at = spans.firstIndex(where: { $0.number == damaged }) {
            let (offset, length) = StoredTexts.place(of: spans[at].body!)
            let bad: [UInt8] = [0x66, 0xFF, 0xC3, 0x28, 0xE2, 0x82, 0xED, 0xA0, 0x80]
            files[spans[at].file].replaceSubrange(offset..<(offset + length), with: bad)
            spans[at].body = StoredTexts.span(offset: offset, length: bad.count)
        }
        if damage == .cutShortInSecondHalf { files[0].removeLast(files[0].count / 4) }
        let stored = files.map { StoredTexts(MemoryTexts($0)) }
        for (number, file, title, body) in spans {
            state.issues.modify(number) { issue in
                if let title { issue.storedTitle = .stored(stored[file], span: title) }
                if let body { issue.storedBody = .stored(stored[file], span: body) }
            }
        }
        return state
    }

    static func built(_ state: BoardState, twoCoresFrom: Int) -> SearchTextReference {
        let text = SearchText(state: state, twoCoresFrom: twoCoresFrom)
        return SearchTextReference(bytes: text.bytes.withUnsafeBufferPointer(Array.init), starts: text.starts, letters: text.letters)
    }

    @Test(arguments: Damage.allCases)
    func aTextBuiltOnBothCoresIsTheTextBuiltOnOne(damage: Damage) throws {
        for (seed, issues) in [(1, 2), (2, 3), (3, 301)] as [(UInt64, Int)] {
            let state = try Self.storedBoard(issues: issues, seed: seed, damage: damage)
            let expected = SearchTextReference(state)
            let one = Self.built(state, twoCoresFrom: .max), both = Self.built(state, twoCoresFrom: 2)
            #expect(one.firstDifference(from: expected) == nil, "one core, \(issues) issues, \(damage)")
            #expect(both.firstDifference(from: expected) == nil, "both cores, \(issues) issues, \(damage)")
        }
    }

    /// Both cores copy their halves into one buffer of the counted size when the stored texts
    /// read as counted; when one does not, the halves give up and one core copies it all.
    @Test(arguments: Damage.allCases)
    func theHalvesGiveUpOnlyWhenATextIsNotTheSizeCounted(damage: Damage) throws {
        let state = try Self.storedBoard(issues: 301, seed: 4, damage: damage)
        var starts = [Int32](repeating: 0, count: 302), letters = [UInt64](repeating: 0, count: 301)
        let bytes = state.issues.withValues { issues in
            starts.withUnsafeMutableBufferPointer { starts in
                letters.withUnsafeMutableBufferPointer { letters in
                    SearchText.Copy(issues: issues, starts: starts, letters: letters).onBothCores()
                }
            }
        }
        #expect((bytes == nil) == (damage != .none), "\(damage)")
        if let bytes {
            let copied = SearchTextReference(bytes: bytes.withUnsafeBufferPointer(Array.init), starts: starts, letters: letters)
            #expect(copied.firstDifference(from: SearchTextReference(state)) == nil)
        }
    }
}
