#if canImport(Glibc)
import Glibc
#endif
import BoardExchange
import BoardModel

/// `lanes list --format json|csv` written as the issues arrive: the first bytes leave while
/// later issues are still being read, and no more than a buffer's worth is held, whatever the
/// board's size. The bytes are exactly those of `IssueJSON.list` and `IssueCSV.write` printed
/// whole (`Output.print`), the way `list` wrote them before it streamed.
struct ListStream {
    let format: ListFormat
    private var buffer: [UInt8] = []
    private var count = 0
    /// Written out whenever this much is waiting: big enough that writes are few, small enough
    /// that the first bytes leave after a few hundred issues.
    private static let flushSize = 64 * 1024

    /// Starts the output (`[`, or the CSV header line).
    init(format: ListFormat) {
        self.format = format
        buffer.reserveCapacity(ListStream.flushSize + 16 * 1024)
        switch format {
        case .json: buffer.append(UInt8(ascii: "["))
        case .csv: buffer.append(contentsOf: IssueCSV.headerRow.utf8)
        case .table: preconditionFailure("the table needs every row's width first")
        }
    }

    mutating func add(_ issue: Issue) {
        switch format {
        case .json:
            if count > 0 { buffer.append(UInt8(ascii: ",")) }
            var json = JSONWriter()
            IssueJSON.write(issue, to: &json)
            buffer.append(contentsOf: json.bytes)
        default:
            buffer.append(contentsOf: IssueCSV.row(issue).utf8)
        }
        count += 1
        if buffer.count >= ListStream.flushSize { flush() }
    }

    /// Ends the output: `]` and the newline `Output.print` adds; for CSV, whose last line ends
    /// in CRLF, the one more newline it has always added.
    mutating func finish() {
        if format == .json { buffer.append(UInt8(ascii: "]")) }
        buffer.append(10)
        flush()
    }

    private mutating func flush() {
        Output.write(buffer, to: STDOUT_FILENO)
        buffer.removeAll(keepingCapacity: true)
    }
}
