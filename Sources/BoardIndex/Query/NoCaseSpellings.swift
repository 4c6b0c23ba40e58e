/// The spellings to look a name up by in the index so that SQLite's `NOCASE` finds every name
/// the query matcher's `caseInsensitiveEquals` finds (assignees, labels, authors, columns).
///
/// `NOCASE` folds ASCII letters only, while `caseInsensitiveEquals` compares Swift strings
/// (canonical equivalence) after Unicode lowercasing. For an ASCII name the two differ only
/// where a non-ASCII character stands for an ASCII one: the Kelvin sign for `k`, the Greek
/// question mark for `;`, the Greek varia for a backtick (`NoCaseSpellingsTests` checks that
/// list against every Unicode scalar). So an ASCII name is looked up by its spellings with
/// those substituted; a name with other non-ASCII characters is not looked up at all (the
/// term is not narrowed by the index, and the matcher decides alone).
enum NoCaseSpellings {
    /// The non-ASCII scalars equal, for `caseInsensitiveEquals`, to an ASCII character
    /// (lowercased). `NOCASE` already pairs ASCII capitals with their small letters.
    static let standIns: [UInt8: [String]] = [
        UInt8(ascii: "k"): ["\u{212A}"],
        UInt8(ascii: ";"): ["\u{037E}"],
        UInt8(ascii: "`"): ["\u{1FEF}"],
    ]

    /// Every spelling of `name` to look up under `NOCASE`, or nil when `name` is not ASCII or
    /// would need more than `limit` spellings (then the term is left to the matcher).
    static func of(_ name: String, limit: Int = 16) -> [String]? {
        let bytes = Array(name.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var spellings = [""]
        for byte in bytes {
            let own = String(UnicodeScalar(byte))
            let others = standIns[byte | (byte >= 65 && byte <= 90 ? 0x20 : 0)] ?? []
            guard spellings.count * (1 + others.count) <= limit else { return nil }
            spellings = spellings.flatMap { prefix in ([own] + others).map { prefix + $0 } }
        }
        return spellings
    }
}
