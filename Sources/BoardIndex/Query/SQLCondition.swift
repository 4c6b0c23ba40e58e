/// A boolean SQL expression with its bound values, in the order of its `?` placeholders.
///
/// Every condition the query translation builds is two-valued (never NULL, nullable columns
/// are tested with `IS NOT NULL` first), so that `NOT` of it is exactly its negation.
struct SQLCondition {
    var sql: String
    var values: [SQLiteValue]
    /// For `issues.number IN (SELECT number FROM table WHERE …)`, that list: `all` intersects them.
    var list: MemberList?

    /// The issue numbers of the rows of `table` (`assignees`, `labels`) that meet `row`
    /// (SQL over that table alone, `?` bound to `values`).
    struct MemberList {
        let table: String
        let row: String
        let values: [SQLiteValue]
    }

    init(_ sql: String, _ values: [SQLiteValue] = [], list: MemberList? = nil) {
        self.sql = sql
        self.values = values
        self.list = list
    }

    /// Every one of `conditions` (true for none). Conditions on the numbers of other tables'
    /// rows become one `IN` of their intersection: `assignee:X label:Y` then reads the issues
    /// in both lists, not every issue of the first looked up to be tested against the second.
    /// The first list leads: SQLite reads it and looks each number up in the others (by their
    /// keys, which start with name and number), so the shortest should come first
    /// (`BoardIndex.shortest`); an `INTERSECT` sorted both lists whole into temporary trees.
    static func all(_ conditions: [SQLCondition]) -> SQLCondition {
        let lists = conditions.compactMap(\.list)
        guard lists.count < 2 else {
            var sql = "SELECT l0.number FROM \(lists[0].table) l0 WHERE (\(lists[0].row))"
            for (offset, other) in lists.enumerated().dropFirst() {
                sql += " AND EXISTS (SELECT 1 FROM \(other.table) l\(offset) WHERE (\(other.row)) AND l\(offset).number = l0.number)"
            }
            let both = SQLCondition("issues.number IN (" + sql + ")", lists.flatMap(\.values))
            return all([both] + conditions.filter { $0.list == nil })
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
