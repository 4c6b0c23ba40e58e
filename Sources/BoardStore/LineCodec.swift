#if canImport(Glibc)
import Glibc
#endif
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
        out.append(contentsOf: event.id.description.utf8)
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
             .assigned(let text), .unassigned(let text), .labelled(let text), .unlabelled(let text), .reported(let text):
            field(text, &out)
        case .prioritised(let priority):
            field(priority.rawValue, &out)
        case .renumbered(let old):
            field("#" + String(old), &out)
        case .imported(let key):
            field(key, &out)
        case let .linked(type, other), let .unlinked(type, other):
            field(type.rawValue, &out); field("#" + String(other), &out)
        case let .commentEdited(id, text):
            field(id.description, &out); field(text, &out)
        case .commentDeleted(let id):
            field(id.description, &out)
        case .lifecycle:
            break
        case .dueSet(let date), .snoozed(let date):
            field(date?.description ?? "-", &out)
        case let .moved(from, to, rank), let .closed(from, to, rank), let .reopened(from, to, rank):
            field(from, &out); field(to, &out); field(rankText(rank), &out)
        case .column(let change):
            for text in columnFields(change) { field(text, &out) }
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
        var fields = FieldCursor(line)
        func required(_ fields: inout FieldCursor) throws(LineError) -> UnsafeBufferPointer<UInt8> {
            guard let field = fields.next() else {
                throw LineError("expected at least 5 tab-separated fields, found \(fields.taken)")
            }
            return field
        }
        let idField = try required(&fields)
        let timeField = try required(&fields)
        let actorField = try required(&fields)
        let issueField = try required(&fields)
        let kindField = try required(&fields)
        guard let id = EventID(hex: idField) else { throw LineError("bad event id; expected 16 hex digits") }
        guard let at = Timestamp.parse(timeField) else { throw LineError("bad time \"\(text(timeField))\"") }
        let actor = try FieldEscaping.decode(actorField)
        let issue = try issueNumber(issueField)
        var args = LineArguments(fields: fields, kindField: kindField)

        let kind: EventKind
        let lineKind = LineKind(kindField)
        switch lineKind {
        case .columns:
            var columns: [Column] = []
            while args.hasMore {
                columns.append(Column(id: try args.text(), name: try args.text(), isClosing: try args.text() == "closing"))
            }
            guard !columns.isEmpty else { throw LineError("columns needs id, name, flags triples") }
            kind = .columns(columns)
        case .created:
            kind = .created(title: try args.text(), body: try args.text(), column: try args.text(), rank: try args.rank(),
                            priority: try args.priority())
        case .retitled: kind = .retitled(try args.text())
        case .bodyEdited: kind = .bodyEdited(try args.text())
        case .moved: kind = .moved(from: try args.text(), to: try args.text(), rank: try args.rank())
        case .assigned: kind = .assigned(try args.text())
        case .unassigned: kind = .unassigned(try args.text())
        case .labelled: kind = .labelled(try args.text())
        case .unlabelled: kind = .unlabelled(try args.text())
        case .prioritised: kind = .prioritised(try args.priority())
        case .commented: kind = .commented(try args.text())
        case .closed: kind = .closed(from: try args.text(), to: try args.text(), rank: try args.rank())
        case .reopened: kind = .reopened(from: try args.text(), to: try args.text(), rank: try args.rank())
        case .imported: kind = .imported(key: try args.text())
        case .commentEdited: kind = .commentEdited(try commentID(args.fields.next()), text: try args.text())
        case .commentDeleted: kind = .commentDeleted(try commentID(args.fields.next()))
        case .due: kind = .dueSet(try args.date())
        case .snoozed: kind = .snoozed(try args.date())
        case .reported: kind = .reported(try args.text())
        case .renumbered:
            guard let field = args.fields.next() else { throw LineError("renumbered is missing a value") }
            kind = .renumbered(from: try issueNumber(field))
        case .linked, .unlinked:
            let name = try args.text()
            guard let type = LinkType(rawValue: name), type.isForward else { throw LineError("bad link type \"\(name)\"") }
            guard let field = args.fields.next() else { throw LineError("\(args.kindName) is missing the other issue") }
            let other = try issueNumber(field)
            kind = lineKind == .linked ? .linked(type, other) : .unlinked(type, other)
        case nil:
            let kindName = args.kindName
            if let step = LifecycleStep(rawValue: kindName) {
                kind = .lifecycle(step)
            } else {
                guard let change = try columnEvent(kindName, { () throws(LineError) -> String in try args.text() }) else {
                    throw LineError("unknown event kind \"\(kindName)\"")
                }
                kind = .column(change)
            }
        }
        if kind.isBoardWide {
            guard issue == 0 else { throw LineError("\(args.kindName) is a board event; its issue field must be -") }
        } else if issue == 0 {
            throw LineError("\(args.kindName) needs an issue number (#N)")
        }
        return Event(id: id, at: at, actor: actor, issue: issue, kind: kind)
    }

    /// Walks the tab-separated fields of a line without allocating.
    struct FieldCursor {
        let line: UnsafeBufferPointer<UInt8>
        var position = 0
        var taken = 0
        var finished = false

        init(_ line: UnsafeBufferPointer<UInt8>) { self.line = line }

        var hasMore: Bool { !finished }

        mutating func next() -> UnsafeBufferPointer<UInt8>? {
            guard !finished else { return nil }
            var end = line.count
            if position < line.count, let base = line.baseAddress,
               let tab = memchr(base + position, 9, line.count - position) {
                end = base.distance(to: tab.assumingMemoryBound(to: UInt8.self))
            }
            let field = UnsafeBufferPointer(rebasing: line[position..<end])
            if end >= line.count { finished = true } else { position = end + 1 }
            taken += 1
            return field
        }
    }

    /// The id of the comment a `comment-edited` or `comment-deleted` line is about.
    static func commentID(_ field: UnsafeBufferPointer<UInt8>?) throws(LineError) -> EventID {
        guard let field, let id = EventID(hex: field) else { throw LineError("bad comment id; expected 16 hex digits") }
        return id
    }

    static func issueNumber(_ field: UnsafeBufferPointer<UInt8>) throws(LineError) -> Int {
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

    /// The first 40 bytes of a field, for messages.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes.prefix(40), as: UTF8.self)
    }
}
