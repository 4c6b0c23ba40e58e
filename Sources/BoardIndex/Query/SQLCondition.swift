/// A boolean SQL expression with its bound values, in the order of its `?` placeholders.
///
/// Every condition the query translation builds is two-valued (never NULL, nullable columns
/// are tested with `IS NOT NULL` first), so that `NOT` of it is exactly its negation.
struct SQLCondition {
    var sql: String
    var values: [SQLiteValue]

    init(_ sql: String, _ values: [SQLiteValue] = []) {
        self.sql = sql
        self.values = values
    }

    /// Every one of `conditions` (true for none).
    static func all(_ conditions: [SQLCondition]) -> SQLCondition {
        guard !conditions.isEmpty else { return SQLCondition("1") }
        return SQLCondition(conditions.map { "(" + $0.sql + ")" }.joined(separator: " AND "), conditions.flatMap(\.values))
    }

    var negated: SQLCondition { SQLCondition("NOT (" + sql + ")", values) }

    /// `expression IN (?, …)`: equal to one of `spellings`.
    static func equal(_ expression: String, in spellings: [String]) -> SQLCondition {
        SQLCondition(expression + " IN (" + spellings.map { _ in "?" }.joined(separator: ", ") + ")", spellings.map { .text($0) })
    }
}
