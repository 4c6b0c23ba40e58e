/// When the index's trigram table (`issue_text`, FTS5 `tokenize='trigram'`) can find every
/// issue that free text matches today, and the FTS5 phrase that asks it.
///
/// Today a free-text word matches an issue whose title or body contains it as bytes
/// (`String.containsLowercased`): an ASCII word against the text with ASCII capitals folded,
/// any other word against the text lowercased by Swift (full Unicode mappings, `İ` → `i̇`).
/// The trigram table folds case one code point at a time by SQLite's own table and needs at
/// least three code points. So:
/// - an ASCII word of three or more characters is safe: the bytes it matches are ASCII, and
///   SQLite folds ASCII exactly as the matcher does (it folds more, e.g. the Kelvin sign to
///   `k`, which only adds candidates);
/// - a word of caseless characters (CJK, kana, hangul, digits, punctuation, …) is safe: only
///   those very characters lowercase to them, so a match in the lowercased text is the same
///   characters in the stored text (`TrigramPhraseTests` checks that against every scalar);
/// - anything else (a cased non-ASCII letter, a combining mark, fewer than three characters)
///   is not narrowed: the matcher decides alone.
enum TrigramPhrase {
    /// The FTS5 query that finds every issue containing `needle` (lowercased, as the query
    /// parser leaves it), or nil if the trigram table cannot promise that.
    static func of(_ needle: String) -> String? {
        guard needle.unicodeScalars.count >= 3, !needle.unicodeScalars.contains("\0"), isFoundInBytes(needle) else { return nil }
        // A quoted FTS5 string is taken literally; a quote inside is doubled. (The query parser
        // drops quotes from free text, but this must not depend on it.)
        return "\"" + needle.replacing("\"", with: "\"\"") + "\""
    }

    /// Whether every text `needle` matches holds its bytes as they are, ASCII capitals aside
    /// (the first two cases above): then a text without them cannot match
    /// (`RowTextFilter`), and the trigram table, which holds the bytes, finds it.
    static func isFoundInBytes(_ needle: String) -> Bool {
        let scalars = needle.unicodeScalars
        return scalars.allSatisfy(\.isASCII) || scalars.allSatisfy(isCaseless)
    }

    /// A character no other character lowercases into and that has no case itself: ASCII
    /// other than letters, or a non-ASCII scalar that is neither cased nor case-ignorable
    /// (combining marks are case-ignorable: `İ` lowercases to `i` and U+0307).
    static func isCaseless(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return !(scalar.properties.isAlphabetic) }
        let properties = scalar.properties
        return !properties.isCased && !properties.isCaseIgnorable
            && !properties.changesWhenLowercased && !properties.changesWhenUppercased && !properties.changesWhenTitlecased
    }
}
