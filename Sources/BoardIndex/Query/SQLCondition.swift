/// A boolean SQL expression with its bound values, in the order of its `?` placeholders.
///
/// Every condition the query translation builds is two-valued (never NULL, nullable columns
/// are tested with `IS NOT NULL` first), so that `NOT` of it is exactly its negation.
struct SQLCondition {
    var sql: String
    var values: [SQLiteValue]
    /// For `issues.number IN (SELECT number …)`, that `SELECT`: `all` intersects them.
    var numbers: String?

    init(_ sql: String, _ values: [SQLiteValue] = [], numbers: String? = nil) {
        self.sql = sql
        self.values = values
        self.numbers = numbers
    }

    /// Every one of `conditions` (true for none). Conditions on the numbers of other tables'
    /// rows become one `IN` of their `INTERSECT`: `assignee:X label:Y` then reads the issues
    /// in both lists, not every issue of the first looked up to be tested against the second.
    static func all(_ conditions: [SQLCondition]) -> SQLCondition {
        let lists = conditions.filter { $0.numbers != nil }
        guard lists.count < 2 else {
            let both = SQLCondition("issues.number IN (" + lists.map { $0.numbers! }.joined(separator: " INTERSECT ") + ")",
                                    lists.flatMap(\.values))
            return all([both] + conditions.filter { $0.numbers == nil })
        }
        guard !conditions.isEmpty else { return SQLCondition("1") }
        return SQLCondition(conditions.map { "(" + $0.sql + ")" }.joined(separator: " AND "), conditions.flatMap(\.values))
    }

    var negated: SQLCondition { SQLCondition("NOT (" + sql + ")", values) }

    /// `expression IN (?, …)`: equal to one of `spellings`.
    static func equal(_ expression: String, in spellings: [String]) -> SQLCondition {
        SQLCondition(expression + " IN (" + spellings.map { _ in "?" }.joined(separator: ", ") + ")", spellings.map { .text($0) })
    }
}
