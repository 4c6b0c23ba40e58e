/// The spellings to look a name up by in the index so that SQL equality finds every name the
/// query matcher's `caseInsensitiveEquals` finds (assignees, labels, authors, columns).
///
/// `caseInsensitiveEquals` compares Swift strings (canonical equivalence) after Unicode
/// lowercasing; SQL compares bytes, under `NOCASE` folding ASCII letters only. For a name that
/// lowercases to ASCII the two differ only where a non-ASCII character stands for an ASCII
/// one: the Kelvin sign for `k`, the Greek question mark for `;`, the Greek varia for a
/// backtick (`QueryTranslationRulesTests` checks this against every Unicode scalar). So such a
/// name is looked up by its spellings with those substituted; any other name is not looked up
/// (its word is left to the matcher, or, negated, looked up by its own lowercased spelling:
/// bytes that are equal are names that are equal).
enum NameSpellings {
    /// The non-ASCII scalars that `caseInsensitiveEquals` takes for an ASCII character, by
    /// that character lowercased.
    static let standIns: [UInt8: [String]] = [
        UInt8(ascii: "k"): ["\u{212A}"],
        UInt8(ascii: ";"): ["\u{037E}"],
        UInt8(ascii: "`"): ["\u{1FEF}"],
    ]

    /// Every spelling of `name` to compare a column with: with `lowercased`, a column holding
    /// names as Swift lowercases them (`assignees.name`, `labels.label`), compared as bytes;
    /// otherwise a column holding names as spelled, compared under `NOCASE` (`issues.author`).
    /// Nil when `name` does not lowercase to ASCII or would need more than `limit` spellings.
    static func of(_ name: String, lowercased: Bool, limit: Int = 16) -> [String]? {
        let bytes = Array(name.lowercased().utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var spellings = [""]
        for byte in bytes {
            // A stand-in that lowercases to ASCII (the Kelvin sign) is stored as that ASCII.
            let others = (standIns[byte] ?? []).map { lowercased ? $0.lowercased() : $0 }.filter { !$0.utf8.allSatisfy { $0 < 0x80 } }
            guard spellings.count * (1 + others.count) <= limit else { return nil }
            spellings = spellings.flatMap { prefix in ([String(UnicodeScalar(byte))] + others).map { prefix + $0 } }
        }
        return spellings
    }
}
