import Testing
@testable import BoardIndex
import BoardModel

/// The two rules the query translation rests on, checked against every Unicode scalar as
/// Swift (the matcher's side) sees it: which names SQLite's `NOCASE` must be asked for
/// (`NameSpellings`), and which free text the trigram table can search (`TrigramPhrase`).
@Suite struct QueryTranslationRulesTests {
    /// Every assigned plane (0–3 and 14); the others are unassigned or private use, with no
    /// case and no decomposition.
    static let allScalars: [Unicode.Scalar] = (Array(0...0x3FFFF) + Array(0xE0000...0xEFFFF)).compactMap { Unicode.Scalar(UInt32($0)) }

    /// Every non-ASCII scalar that `caseInsensitiveEquals` takes for an ASCII character is
    /// one of `NameSpellings.standIns`, under that character, and the spellings of that
    /// character find it: as spelled under `NOCASE`, and as the index stores it lowercased.
    @Test func standInsAreEveryNonASCIIScalarThatEqualsAnASCIICharacter() {
        // Each printable ASCII character and the lowercased one `caseInsensitiveEquals` compares;
        // String keys hash by canonical equivalence, as `==` compares.
        var ascii: [String: UInt8] = [:]
        for byte in UInt8(0x20)...0x7E { ascii[String(UnicodeScalar(byte))] = byte >= 65 && byte <= 90 ? byte | 0x20 : byte }
        var found: [UInt8: [String]] = [:]
        for scalar in Self.allScalars where !scalar.isASCII {
            let text = String(scalar)
            let keys: Set<UInt8> = Set([ascii[text], ascii[text.lowercased()]].compactMap { $0 })
            for key in keys {
                let character = String(UnicodeScalar(key))
                #expect(text.caseInsensitiveEquals(character))
                #expect(NameSpellings.of(character, lowercased: false)?.contains(text) == true, "\(scalar.value)")
                let stored = text.lowercased()
                #expect(stored == character || NameSpellings.of(character, lowercased: true)?.contains(stored) == true, "\(scalar.value)")
                found[key, default: []].append(text)
            }
        }
        #expect(found == NameSpellings.standIns)
    }

    @Test func spellingsOfANameCoverEveryStandIn() {
        #expect(NameSpellings.of("Bob", lowercased: false) == ["bob"])
        #expect(NameSpellings.of("k8s", lowercased: false) == ["k8s", "\u{212A}8s"])
        #expect(NameSpellings.of("K8s", lowercased: true) == ["k8s"], "the Kelvin sign is stored lowercased, as k")
        #expect(NameSpellings.of("\u{212A}im", lowercased: true) == ["kim"], "a name that lowercases to ASCII")
        #expect(Set(NameSpellings.of("kk;", lowercased: false) ?? []) == ["kk;", "\u{212A}k;", "k\u{212A};", "\u{212A}\u{212A};",
                                                                      "kk\u{037E}", "\u{212A}k\u{037E}", "k\u{212A}\u{037E}", "\u{212A}\u{212A}\u{037E}"])
        #expect(NameSpellings.of("a;b", lowercased: true) == ["a;b", "a\u{037E}b"])
        #expect(NameSpellings.of("ünal", lowercased: true) == nil, "a non-ASCII name is left to the matcher")
        #expect(NameSpellings.of("kkkkk", lowercased: false) == nil, "too many spellings: left to the matcher")
    }

    /// A scalar `TrigramPhrase` calls caseless lowercases to itself, and no other scalar
    /// lowercases to anything containing it: so a match in lowercased text is that very
    /// scalar in the stored text, which the trigram table finds.
    @Test func caselessScalarsComeOnlyFromThemselves() {
        var producedByOthers = Set<Unicode.Scalar>()
        for scalar in Self.allScalars {
            for lowered in String(scalar).lowercased().unicodeScalars where lowered != scalar { producedByOthers.insert(lowered) }
        }
        var caseless = 0
        for scalar in Self.allScalars where TrigramPhrase.isCaseless(scalar) {
            caseless += 1
            #expect(String(scalar).lowercased() == String(scalar), "\(scalar.value)")
            #expect(!producedByOthers.contains(scalar), "\(scalar.value)")
        }
        #expect(caseless > 90_000, "CJK, kana, hangul, digits and punctuation are caseless")
    }

    @Test func phrasesOnlyWhereTrigramsFindEveryMatch() {
        #expect(TrigramPhrase.of("login") == "\"login\"")
        #expect(TrigramPhrase.of("dark mode") == "\"dark mode\"")
        #expect(TrigramPhrase.of("翻訳テスト") == "\"翻訳テスト\"")
        #expect(TrigramPhrase.of("a\"b") == "\"a\"\"b\"")
        #expect(TrigramPhrase.of("翻訳") == nil, "two characters: no trigram")
        #expect(TrigramPhrase.of("ab") == nil)
        #expect(TrigramPhrase.of("straße") == nil, "a cased non-ASCII letter")
        #expect(TrigramPhrase.of("i\u{307}st") == nil, "İ lowercases to i and U+0307")
        #expect(TrigramPhrase.of("bug翻訳") == nil, "ASCII letters beside non-ASCII are matched against lowercased text")
    }
}
