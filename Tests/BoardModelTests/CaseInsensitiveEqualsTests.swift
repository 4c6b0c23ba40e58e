import Testing
@testable import BoardModel

/// `caseInsensitiveEquals` compares two ASCII spellings over their bytes: it must say what
/// comparing them lowercased says, for every pair of ASCII characters and for longer names.
@Suite struct CaseInsensitiveEqualsTests {
    @Test func asciiSpellingsCompareAsTheirLowercasedForms() {
        let characters = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        for a in characters {
            for b in characters {
                #expect(a.caseInsensitiveEquals(b) == (a.lowercased() == b.lowercased()), "\(a.utf8.first!) \(b.utf8.first!)")
                #expect(String.asciiEqualIgnoringCase("user" + a, "USER" + b) == (("user" + a).lowercased() == ("user" + b).lowercased()))
            }
        }
        var random = SeededGenerator(seed: 5)
        let letters = Array("aAbBzZ@[`{09-_ ".utf8)
        for _ in 0..<2000 {
            let a = String(decoding: (0..<Int.random(in: 0...4, using: &random)).map { _ in letters.randomElement(using: &random)! }, as: UTF8.self)
            let b = String(decoding: (0..<Int.random(in: 0...4, using: &random)).map { _ in letters.randomElement(using: &random)! }, as: UTF8.self)
            #expect(a.caseInsensitiveEquals(b) == (a.lowercased() == b.lowercased()))
        }
    }

    @Test func otherSpellingsStillFoldAsSwiftDoes() {
        #expect("É".caseInsensitiveEquals("é"))
        #expect("e\u{301}".caseInsensitiveEquals("É"))
        #expect("\u{212A}".caseInsensitiveEquals("k"))
        #expect(String.asciiEqualIgnoringCase("\u{212A}", "k") == nil)
        #expect(!"user3".caseInsensitiveEquals("user10"))
    }
}
