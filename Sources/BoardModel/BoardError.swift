/// A problem the user can fix, with the one-line message shown after `lanes: `.
public enum BoardError: Error, Equatable, Sendable, CustomStringConvertible {
    case noSuchIssue(Int)
    case noSuchColumn(String, available: [String])
    case emptyTitle
    case badPriority(String)
    case badQuery(String)
    case readOnly(String)
    case io(String)
    case invalid(String)
    /// The issue exists but was deleted: `lanes restore` brings it back.
    case deletedIssue(Int)

    public var description: String {
        switch self {
        case .noSuchIssue(let number):
            "no issue #\(number) on this board"
        case let .noSuchColumn(name, available):
            "no column \"\(name)\"; columns are: \(available.joined(separator: ", "))"
        case .emptyTitle:
            "an issue needs a title"
        case .badPriority(let text):
            "no priority \"\(text)\"; priorities are: \(Priority.names)"
        case .deletedIssue(let number):
            "#\(number) is deleted (lanes restore \(number), or :restore \(number) in the board, brings it back)"
        case .badQuery(let message), .readOnly(let message), .io(let message), .invalid(let message):
            message
        }
    }
}
