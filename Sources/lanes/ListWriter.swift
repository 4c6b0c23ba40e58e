#if canImport(Glibc)
import Glibc
#endif
import BoardExchange
import BoardModel

/// `lanes list --format json|csv` written as the issues arrive: the first bytes leave while
/// later issues are still being read, and no more than a buffer's worth is held, whatever the
/// board's size. The bytes are exactly those of `IssueJSON.list` and `IssueCSV.write` printed
/// whole (`Output.print`), the way `list` wrote them before it streamed.
struct ListWriter {
    let format: ListFormat
    /// One writer for the whole array, as `IssueJSON.list` writes it.
    private var json = JSONWriter()
    private var csv: [UInt8] = []
    /// Written out whenever this much is waiting: big enough that writes are few, small enough
    /// that the first bytes leave after a few hundred issues.
    private static let flushSize = 64 * 1024

    /// Starts the output (`[`, or the CSV header line).
    init(format: ListFormat) {
        self.format = format
        Output.widenPipe(STDOUT_FILENO)
        switch format {
        case .json: json.beginArray()
        case .csv: csv.append(contentsOf: IssueCSV.headerRow.utf8)
        case .table: preconditionFailure("the table needs every row's width first")
        }
    }

    mutating func add(_ issue: Issue) {
        if format == .json {
            IssueJSON.write(issue, to: &json)
            flushIfFull()
        } else {
            csv.append(contentsOf: IssueCSV.row(issue).utf8)
            if csv.count >= ListWriter.flushSize { ListWriter.write(csv); csv.removeAll(keepingCapacity: true) }
        }
    }

    /// An issue's JSON object as `IssueJSON.object` writes it (format `json`).
    mutating func add(json object: UnsafeRawBufferPointer) {
        json.json(object)
        flushIfFull()
    }

    private mutating func flushIfFull() {
        if json.bytes.count >= ListWriter.flushSize { json.flush(ListWriter.write) }
    }

    /// Ends the output: `]` and the newline `Output.print` adds; for CSV, whose last line ends
    /// in CRLF, the one more newline it has always added.
    mutating func finish() {
        if format == .json {
            json.endArray()
            json.flush(ListWriter.write)
        } else {
            ListWriter.write(csv)
        }
        ListWriter.write([10])
    }

    private static func write(_ bytes: [UInt8]) { Output.write(bytes, to: STDOUT_FILENO) }
}
