import BoardModel

/// The log's line format: one event per line, tab-separated fields.
///
/// `ID TAB TIME TAB ACTOR TAB #ISSUE TAB KIND [TAB ARG]…` — see docs/store-format.md. Decoding works
/// on raw bytes (no Foundation parsing, no regex) because it is the hot path of opening a board.
public enum LineCodec {
    /// The first line of every log.
    public static let headerPrefix = "lanes-log "
    public static let formatVersion = 1
    public static var header: String { headerPrefix + String(formatVersion) }

    /// The format version named by a header line, or nil if the line is not a header.
    public static func version(ofHeader line: UnsafeBufferPointer<UInt8>) -> Int? {
        let prefix = Array(headerPrefix.utf8)
        guard line.count > prefix.count, Array(line[0..<prefix.count]) == prefix else { return nil }
        var value = 0
        for byte in line[prefix.count...] {
            guard byte >= 48, byte <= 57, value < 1_000_000 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    /// The line for `event`, newline included.
    public static func encode(_ event: Event, into out: inout [UInt8]) {
        out.append(contentsOf: event.id.utf8)
        out.append(9)
        out.append(contentsOf: event.at.iso8601.utf8)
        field(event.actor, &out)
        out.append(9)
        if event.issue == 0 {
            out.append(UInt8(ascii: "-"))
        } else {
            out.append(UInt8(ascii: "#"))
            out.append(contentsOf: String(event.issue).utf8)
        }
        field(event.kind.name, &out)
        switch event.kind {
        case .columns(let columns):
            for column in columns {
                field(column.id, &out)
                field(column.name, &out)
                field(column.isClosing ? "closing" : "-", &out)
            }
        case let .created(title, body, column, rank, priority):
            field(title, &out); field(body, &out); field(column, &out)
            field(rankText(rank), &out); field(priority.rawValue, &out)
        case .retitled(let text), .bodyEdited(let text), .commented(let text),
             .assigned(let text), .unassigned(let text), .labelled(let text), .unlabelled(let text):
            field(text, &out)
        case .prioritised(let priority):
            field(priority.rawValue, &out)
        case let .moved(from, to, rank), let .closed(from, to, rank), let .reopened(from, to, rank):
            field(from, &out); field(to, &out); field(rankText(rank), &out)
        }
        out.append(10)
    }

    public static func encode(_ event: Event) -> [UInt8] {
        var out: [UInt8] = []
        encode(event, into: &out)
        return out
    }

    private static func field(_ text: String, _ out: inout [UInt8]) {
        out.append(9)
        FieldEscaping.append(text, to: &out)
    }

    /// Ranks are written in Swift's shortest round-trip form; whole numbers without ".0".
    static func rankText(_ rank: Double) -> String {
        if rank == rank.rounded(), abs(rank) < 1e15 { return String(Int64(rank)) }
        return String(rank)
    }

    /// Decodes one line (without its newline).
    public static func decode(_ line: UnsafeBufferPointer<UInt8>) throws(LineError) -> Event {
        var fields: [UnsafeBufferPointer<UInt8>] = []
        fields.reserveCapacity(8)
        var start = 0
        for i in 0..<line.count where line[i] == 9 {
            fields.append(UnsafeBufferPointer(rebasing: line[start..<i]))
            start = i + 1
        }
        fields.append(UnsafeBufferPointer(rebasing: line[start..<line.count]))
        guard fields.count >= 5 else { throw LineError("expected at least 5 tab-separated fields, found \(fields.count)") }

        let id = String(decoding: fields[0], as: UTF8.self)
        guard !id.isEmpty, fields[0].allSatisfy(isIDByte) else { throw LineError("bad event id") }
        guard let at = Timestamp.parse(fields[1]) else { throw LineError("bad time \"\(text(fields[1]))\"") }
        let actor = try FieldEscaping.decode(fields[2])
        let issue = try issueNumber(fields[3])
        let kindName = text(fields[4])
        let args = Array(fields.dropFirst(5))

        func arg(_ index: Int) throws(LineError) -> String {
            guard index < args.count else { throw LineError("\(kindName) needs \(index + 1) value(s)") }
            return try FieldEscaping.decode(args[index])
        }
        func rank(_ index: Int) throws(LineError) -> Double {
            let raw = try arg(index)
            guard let value = Double(raw), value.isFinite else { throw LineError("bad rank \"\(raw)\"") }
            return value
        }
        func priority(_ index: Int) throws(LineError) -> Priority {
            let raw = try arg(index)
            guard let value = Priority(rawValue: raw) else { throw LineError("bad priority \"\(raw)\"") }
            return value
        }

        let kind: EventKind
        switch kindName {
        case "columns":
            guard args.count >= 3, args.count % 3 == 0 else { throw LineError("columns needs id, name, flags triples") }
            var columns: [Column] = []
            for i in stride(from: 0, to: args.count, by: 3) {
                columns.append(Column(id: try arg(i), name: try arg(i + 1), isClosing: try arg(i + 2) == "closing"))
            }
            kind = .columns(columns)
        case "created":
            kind = .created(title: try arg(0), body: try arg(1), column: try arg(2), rank: try rank(3), priority: try priority(4))
        case "retitled": kind = .retitled(try arg(0))
        case "body-edited": kind = .bodyEdited(try arg(0))
        case "moved": kind = .moved(from: try arg(0), to: try arg(1), rank: try rank(2))
        case "assigned": kind = .assigned(try arg(0))
        case "unassigned": kind = .unassigned(try arg(0))
        case "labelled": kind = .labelled(try arg(0))
        case "unlabelled": kind = .unlabelled(try arg(0))
        case "prioritised": kind = .prioritised(try priority(0))
        case "commented": kind = .commented(try arg(0))
        case "closed": kind = .closed(from: try arg(0), to: try arg(1), rank: try rank(2))
        case "reopened": kind = .reopened(from: try arg(0), to: try arg(1), rank: try rank(2))
        default: throw LineError("unknown event kind \"\(kindName)\"")
        }
        if case .columns = kind {
            guard issue == 0 else { throw LineError("columns is a board event; its issue field must be -") }
        } else if issue == 0 {
            throw LineError("\(kindName) needs an issue number (#N)")
        }
        return Event(id: id, at: at, actor: actor, issue: issue, kind: kind)
    }

    private static func issueNumber(_ field: UnsafeBufferPointer<UInt8>) throws(LineError) -> Int {
        if field.count == 1, field[0] == UInt8(ascii: "-") { return 0 }
        guard field.count >= 2, field.count <= 10, field[0] == UInt8(ascii: "#") else {
            throw LineError("bad issue field \"\(text(field))\"; expected #N or -")
        }
        var value = 0
        for byte in field.dropFirst() {
            guard byte >= 48, byte <= 57 else { throw LineError("bad issue field \"\(text(field))\"") }
            value = value * 10 + Int(byte - 48)
        }
        guard value > 0 else { throw LineError("issue numbers start at #1") }
        return value
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes.prefix(40), as: UTF8.self)
    }
}
