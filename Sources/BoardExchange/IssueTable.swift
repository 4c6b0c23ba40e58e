import BoardModel
import Screen

/// The human table of `lanes list`: aligned by display width, every cell sanitised.
///
/// Issues are added one at a time and kept only as their sanitised, measured cells
/// (`TextTable`), so a list holds its rows' text, not the issues they came from; the table is
/// written once the last is in, as its columns are as wide as their widest cell.
public struct IssueTable: Sendable {
    static let header = ["ID", "TITLE", "COLUMN", "ASSIGNEES", "LABELS", "PRIORITY", "UPDATED"]
    private var table = TextTable(columnCount: IssueTable.header.count)
    private let state: BoardState
    private let now: Timestamp

    /// An empty table (its header only) of issues on `state`, their ages counted to `now`.
    public init(state: BoardState, now: Timestamp) {
        self.state = state
        self.now = now
        table.append(IssueTable.header)
    }

    /// How many issues' rows it holds.
    public var count: Int { table.rowCount - 1 }

    /// Adds `issue`'s row, each cell sanitised.
    public mutating func add(_ issue: Issue) {
        table.add(sanitizing: "#\(issue.number)")
        table.add(sanitizing: issue.title)
        table.add(sanitizing: state.columnName(issue.column))
        table.add(sanitizingJoined: issue.assignees)
        table.add(sanitizingJoined: issue.labels)
        table.add(sanitizing: issue.priority == .none ? "-" : issue.priority.rawValue)
        table.add(sanitizing: issue.updated.age(relativeTo: now))
    }

    /// The table's lines, in pieces, to `write`; when `width` is given, the title column
    /// shrinks so rows fit.
    public func render(width: Int?, _ write: ([UInt8]) -> Void) {
        var widths = table.widths
        if let width {
            let others = widths.enumerated().filter { $0.offset != 1 }.map(\.element).reduce(0, +) + 2 * (widths.count - 1)
            widths[1] = max(10, min(widths[1], width - others))
        }
        table.render(widths: widths, width: width, write)
    }

    /// Renders `issues` (see `render(width:_:)`).
    public static func render(_ issues: [Issue], state: BoardState, width: Int?, now: Timestamp = .now) -> String {
        var table = IssueTable(state: state, now: now)
        for issue in issues { table.add(issue) }
        var out: [UInt8] = []
        table.render(width: width) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }
}
