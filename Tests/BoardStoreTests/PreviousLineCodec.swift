import BoardModel
@testable import BoardStore

/// `LineCodec.decode` as it was before the byte-level kind, rank and priority matching
/// (main 822325e), kept word for word as the oracle the new decoder is compared with
/// (`LineDecoderEquivalenceTests`).
enum PreviousLineCodec {
    /// Decodes one line (without its newline).
    static func decode(_ line: UnsafeBufferPointer<UInt8>) throws(LineError) -> Event {
        var fields = LineCodec.FieldCursor(line)
        func required(_ name: String) throws(LineError) -> UnsafeBufferPointer<UInt8> {
            guard let field = fields.next() else {
                throw LineError("expected at least 5 tab-separated fields, found \(fields.taken)")
            }
            return field
        }
        let idField = try required("id")
        let timeField = try required("time")
        let actorField = try required("actor")
        let issueField = try required("issue")
        let kindField = try required("kind")
        guard let id = EventID(hex: idField) else { throw LineError("bad event id; expected 16 hex digits") }
        guard let at = Timestamp.parse(timeField) else { throw LineError("bad time \"\(text(timeField))\"") }
        let actor = try FieldEscaping.decode(actorField)
        let issue = try issueNumber(issueField)
        let kindName = text(kindField)

        func arg() throws(LineError) -> String {
            guard let field = fields.next() else { throw LineError("\(kindName) is missing a value") }
            return try FieldEscaping.decode(field)
        }
        func rank() throws(LineError) -> Double {
            let raw = try arg()
            guard let value = Double(raw), value.isFinite else { throw LineError("bad rank \"\(raw)\"") }
            return value
        }
        func priority() throws(LineError) -> Priority {
            let raw = try arg()
            guard let value = Priority(rawValue: raw) else { throw LineError("bad priority \"\(raw)\"") }
            return value
        }

        /// A day (`YYYY-MM-DD`) or `-` for none.
        func date() throws(LineError) -> CalendarDate? {
            let raw = try arg()
            if raw == "-" { return nil }
            guard let value = CalendarDate(iso: raw) else { throw LineError("bad date \"\(raw)\"; expected YYYY-MM-DD or -") }
            return value
        }

        let kind: EventKind
        switch kindName {
        case "columns":
            var columns: [Column] = []
            while fields.hasMore {
                columns.append(Column(id: try arg(), name: try arg(), isClosing: try arg() == "closing"))
            }
            guard !columns.isEmpty else { throw LineError("columns needs id, name, flags triples") }
            kind = .columns(columns)
        case "created":
            kind = .created(title: try arg(), body: try arg(), column: try arg(), rank: try rank(), priority: try priority())
        case "retitled": kind = .retitled(try arg())
        case "body-edited": kind = .bodyEdited(try arg())
        case "moved": kind = .moved(from: try arg(), to: try arg(), rank: try rank())
        case "assigned": kind = .assigned(try arg())
        case "unassigned": kind = .unassigned(try arg())
        case "labelled": kind = .labelled(try arg())
        case "unlabelled": kind = .unlabelled(try arg())
        case "prioritised": kind = .prioritised(try priority())
        case "commented": kind = .commented(try arg())
        case "closed": kind = .closed(from: try arg(), to: try arg(), rank: try rank())
        case "reopened": kind = .reopened(from: try arg(), to: try arg(), rank: try rank())
        case "imported": kind = .imported(key: try arg())
        case "comment-edited": kind = .commentEdited(try commentID(fields.next()), text: try arg())
        case "comment-deleted": kind = .commentDeleted(try commentID(fields.next()))
        case "due": kind = .dueSet(try date())
        case "snoozed": kind = .snoozed(try date())
        case "reported": kind = .reported(try arg())
        case "renumbered":
            guard let field = fields.next() else { throw LineError("renumbered is missing a value") }
            kind = .renumbered(from: try issueNumber(field))
        case "linked", "unlinked":
            let name = try arg()
            guard let type = LinkType(rawValue: name), type.isForward else { throw LineError("bad link type \"\(name)\"") }
            guard let field = fields.next() else { throw LineError("\(kindName) is missing the other issue") }
            let other = try issueNumber(field)
            kind = kindName == "linked" ? .linked(type, other) : .unlinked(type, other)
        default:
            if let step = LifecycleStep(rawValue: kindName) {
                kind = .lifecycle(step)
            } else {
                guard let change = try LineCodec.columnEvent(kindName, arg) else { throw LineError("unknown event kind \"\(kindName)\"") }
                kind = .column(change)
            }
        }
        if kind.isBoardWide {
            guard issue == 0 else { throw LineError("\(kindName) is a board event; its issue field must be -") }
        } else if issue == 0 {
            throw LineError("\(kindName) needs an issue number (#N)")
        }
        return Event(id: id, at: at, actor: actor, issue: issue, kind: kind)
    }

    // The helpers it called, unchanged by the new decoder, are the live ones.
    private static func commentID(_ field: UnsafeBufferPointer<UInt8>?) throws(LineError) -> EventID { try LineCodec.commentID(field) }
    private static func issueNumber(_ field: UnsafeBufferPointer<UInt8>) throws(LineError) -> Int { try LineCodec.issueNumber(field) }
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String { LineCodec.text(bytes) }
}
