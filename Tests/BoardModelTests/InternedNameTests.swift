import Testing
@testable import BoardModel

/// Issues keep their column, author and closed-from column as numbers into one table of the
/// process (`InternedName`): a name must read back as given, whatever its length, and equal
/// names must be equal numbers, however many threads add them at once.
@Suite struct InternedNameTests {
    @Test func aNameReadsBackAsGivenAndEqualNamesAreEqual() {
        let names = ["", "doing", "user24", "Ana Lima <ana@example.com>", "日本語の列", "done\u{301}", String(repeating: "x", count: 5000)]
        for name in names {
            #expect(InternedName(name).string == name)
            #expect(InternedName(name) == InternedName(name))
            #expect(!InternedName(name).isNone)
        }
        #expect(Set(names.map(InternedName.init)).count == names.count)
        #expect(InternedName.none.isNone && InternedName.none.string == "")
        #expect(InternedName.none != InternedName(""))
    }

    /// Names that Swift's `==` calls equal but whose bytes differ (é composed and e with a
    /// combining accent) are two names: each issue reads back the bytes its log holds, whichever
    /// spelling the process met first (the table's keys compared canonically handed the second
    /// spelling the first one's bytes).
    @Test func canonicallyEqualSpellingsKeepTheirOwnBytes() {
        let composed = "Ren\u{E9}-\(UInt64.random(in: 0...UInt64.max))", decomposed = composed.replacingOccurrences(of: "\u{E9}", with: "e\u{301}")
        #expect(composed == decomposed && Array(composed.utf8) != Array(decomposed.utf8))
        let first = InternedName(composed), second = InternedName(decomposed)
        #expect(Array(first.string.utf8) == Array(composed.utf8))
        #expect(Array(second.string.utf8) == Array(decomposed.utf8))
        #expect(first != second)
    }

    /// Two threads adding the same thousands of new names (past one block of the table) get the
    /// same number for each, and each reads back right on either thread.
    @Test func threadsAddingTheSameNamesAgree() async {
        let prefix = "thread-test-\(UInt64.random(in: 0...UInt64.max))-"
        let names = (0..<5_000).map { prefix + String($0) }
        async let first = Task.detached { names.map(InternedName.init) }.value
        async let second = Task.detached { names.reversed().map(InternedName.init) }.value
        let (forward, backward) = await (first, second)
        #expect(forward == Array(backward.reversed()))
        let readBack = await Task.detached { forward.map(\.string) }.value
        #expect(readBack == names)
    }
}

/// Threads interning the two spellings of the same names (é composed and decomposed) at once,
/// each in its own order: each spelling gets one number on every thread, the two spellings
/// two numbers, and each reads back its own bytes on any thread.
@Suite struct InternedNameSpellingThreadTests {
    @Test func threadsAddingBothSpellingsOfNamesAgreeOnEach() async {
        let prefix = "spelling-\(UInt64.random(in: 0...UInt64.max))-"
        let composed = (0..<3_000).map { prefix + "\u{E9}\($0)" }
        let decomposed = composed.map { $0.replacingOccurrences(of: "\u{E9}", with: "e\u{301}") }
        let both = zip(composed, decomposed).flatMap { [$0, $1] }
        async let a = Task.detached { both.map(InternedName.init) }.value
        async let b = Task.detached { both.reversed().map(InternedName.init) }.value
        async let c = Task.detached { decomposed.map(InternedName.init) + composed.map(InternedName.init) }.value
        let (forward, backward, split) = await (a, b, c)
        #expect(forward == Array(backward.reversed()))
        #expect(split == stride(from: 1, to: both.count, by: 2).map { forward[$0] } + stride(from: 0, to: both.count, by: 2).map { forward[$0] })
        #expect(Set(forward).count == both.count, "two spellings, two names")
        let readBack = await Task.detached { forward.map { Array($0.string.utf8) } }.value
        #expect(readBack == both.map { Array($0.utf8) })
    }
}
