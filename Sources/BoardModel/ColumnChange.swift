/// A change to the board's columns (`lanes columns …`, `:column …`): board-wide, written as
/// `column-*` events (`ColumnEvent`) so that every clone sees, merges and undoes it like any
/// other change.
public enum ColumnChange: Hashable, Sendable {
    /// A new column (its id already chosen, see `BoardState.newColumnID`).
    case add(Column, at: ColumnPosition = .last)
    case rename(String, to: String)
    case move(String, to: ColumnPosition)
    /// Removes a column; its issues go to `to` (required while it holds any).
    case remove(String, to: String? = nil)
    /// Sets or clears (nil) the board's WIP limit of a column.
    case limit(String, wip: Int?)
    case setClosing(String, Bool)

    /// The column the change is about, as it was named (id or name).
    public var column: String {
        switch self {
        case .add(let column, _): column.id
        case .rename(let name, _), .move(let name, _), .remove(let name, _), .limit(let name, _), .setClosing(let name, _): name
        }
    }
}

/// Where a column goes among the others.
public enum ColumnPosition: Hashable, Sendable {
    case first, last
    case after(String)
    case before(String)
}

/// The largest board WIP limit (the same bound as an rc `set wip`).
public enum ColumnLimits {
    public static let maximumWIP = 99_999

    /// `N` or `none`, as `lanes columns wip` and `:column wip` take it.
    public static func parseWIP(_ text: String) throws(BoardError) -> Int? {
        if text.lowercased() == "none" { return nil }
        return try BoundedNumber.parse(text, in: 0...maximumWIP, what: "a WIP limit")
    }

    /// `on` or `off`, as `lanes columns closing` takes it.
    public static func parseSwitch(_ text: String) throws(BoardError) -> Bool {
        switch text.lowercased() {
        case "on", "yes", "true": return true
        case "off", "no", "false": return false
        default: throw .invalid("closing takes on or off, not \"\(text)\"")
        }
    }
}
