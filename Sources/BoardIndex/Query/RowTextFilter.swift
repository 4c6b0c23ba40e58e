import BoardQuery

/// The free text of a query as a test on an issue's row before it is decoded: the row's `data`
/// (the snapshot coding, its title and description among it as UTF-8) must hold every
/// free-text word the query asks for whose matches hold its bytes (`TrigramPhrase.isFoundInBytes`).
///
/// What `list` reads where the free-text index does not reach yet (`IndexFilter`): testing the
/// bytes of a row costs a fraction of decoding it. Conservative: a word it cannot promise is not
/// tested, and a row that passes is decided by the query's own matcher.
struct RowTextFilter {
    private let words: [FoldedBytesSearch]

    init(_ query: Query) {
        words = query.terms.compactMap { term in
            guard !term.negated, case .text(let needle) = term.condition, TrigramPhrase.isFoundInBytes(needle) else { return nil }
            return FoldedBytesSearch(lowercased: needle)
        }
    }

    /// Whether the issue of the row `statement` is on (its columns as `IssueRow.selected`) may
    /// match the query's free text.
    func admits(_ statement: SQLiteStatement) -> Bool {
        words.isEmpty || statement.withBlob(3) { data in words.allSatisfy { $0.occurs(in: data) } }
    }
}
