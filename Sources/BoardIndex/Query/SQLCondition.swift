/// A boolean SQL expression with its bound values, in the order of its `?` placeholders.
///
/// Every condition the query translation builds is two-valued (never NULL, nullable columns
/// are tested with `IS NOT NULL` first), so that `NOT` of it is exactly its negation.
struct SQLCondition {
    var sql: String
    var values: [SQLiteValue]
    /// For `issues.number IN (SELECT number FROM table WHERE …)`, that list: `BoardIndex.list`
    /// reads it from `name_bits` instead (`NameBitsTable.intersection`).
    var list: MemberList?

    /// The issue numbers of the rows of `table` (`assignees`, `labels`) whose name (folded, as
    /// the table holds it) is one of `names`.
    struct MemberList {
        let table: String
        let names: [String]
    }

    init(_ sql: String, _ values: [SQLiteValue] = [], list: MemberList? = nil) {
        self.sql = sql
        self.values = values
        self.list = list
    }

    /// Every one of `conditions` (true for none).
    static func all(_ conditions: [SQLCondition]) -> SQLCondition { joined(conditions, by: " AND ", none: "1") }

    /// At least one of `conditions` (false for none).
    static func any(_ conditions: [SQLCondition]) -> SQLCondition { joined(conditions, by: " OR ", none: "0") }

    private static func joined(_ conditions: [SQLCondition], by operator: String, none: String) -> SQLCondition {
        guard !conditions.isEmpty else { return SQLCondition(none) }
        return SQLCondition(conditions.map { "(" + $0.sql + ")" }.joined(separator: `operator`), conditions.flatMap(\.values))
    }

    var negated: SQLCondition { SQLCondition("NOT (" + sql + ")", values) }

    /// `expression IN (?, …)`: equal to one of `spellings`.
    static func equal(_ expression: String, in spellings: [String]) -> SQLCondition {
        SQLCondition(expression + " IN (" + spellings.map { _ in "?" }.joined(separator: ", ") + ")", spellings.map { .text($0) })
    }
}
