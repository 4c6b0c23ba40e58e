import BoardModel

/// How `lanes intake` files one message, decided under the board's lock against the freshest
/// state: already filed, a reply to an issue, a repeated report of an open one, or a new issue.
public enum IntakePlan {
    public struct Options: Sendable {
        public var column: String?
        public var labels: [String]
        /// Repeated reports become a comment on the open issue (unless `--no-merge`).
        public var merge: Bool
        /// A reply to a closed issue reopens it only when asked (`--reopen-on-reply`).
        public var reopenOnReply: Bool
        /// Who files new issues (the `created` event's actor); replies are the sender's.
        public var actor: String
        public var now: Timestamp

        public init(column: String? = nil, labels: [String] = [], merge: Bool = true, reopenOnReply: Bool = false,
                    actor: String, now: Timestamp = .now) {
            self.column = column
            self.labels = labels
            self.merge = merge
            self.reopenOnReply = reopenOnReply
            self.actor = actor
            self.now = now
        }
    }

    /// What was done, worded as `lanes intake` prints it.
    public enum Outcome: Equatable, Sendable {
        case created(Int)
        case replied(Int, reopened: Bool)
        case merged(Int)
        case alreadyFiled(Int)

        public var number: Int {
            switch self { case .created(let n), .replied(let n, _), .merged(let n), .alreadyFiled(let n): n }
        }

        /// `#61 created (from ana@example.com)`, `#42 commented (reply from ana@example.com)`.
        public func line(sender: String) -> String {
            switch self {
            case .created(let n): "#\(n) created (from \(sender))"
            case .replied(let n, false): "#\(n) commented (reply from \(sender))"
            case .replied(let n, true): "#\(n) commented and reopened (reply from \(sender))"
            case .merged(let n): "#\(n) commented (also reported by \(sender))"
            case .alreadyFiled(let n): "#\(n) already filed (no change)"
            }
        }
    }

    /// Repeated reports are merged into an open issue created at most this long ago.
    public static let mergeWindow: Int64 = 14 * Timestamp.day

    /// Longest title taken from the first line of a message without a subject.
    static let maximumTitle = 120

    /// The events that file `report` (with `attachmentList` lines appended to its text),
    /// applied to `state` as they are made.
    public static func events(for report: MailReport, attachmentList: [String], options: Options,
                              into state: inout BoardState) throws(BoardError) -> (Outcome, [Event]) {
        let key = MailKey.key(messageID: report.messageID)
        if let number = state.importedKeys[key] { return (.alreadyFiled(number), []) }
        var builder = Builder(state: state, now: options.now)
        let sender = report.from?.address ?? "unknown sender"
        let reporter = report.from.map { Reporter.format(name: $0.name, address: $0.address) }
        let listed = attachmentList.isEmpty ? "" : "\n\nAttachments:\n" + attachmentList.map { "- " + $0 }.joined(separator: "\n")
        let outcome: Outcome
        if let number = replyTarget(report, in: state) {
            let marked = ReplyText.marked(report.text.isEmpty ? "(no text)" : report.text)
            let text = attachmentList.isEmpty ? marked : insert(listed, into: marked)
            try builder.change(.comment(number, text), actor: sender)
            var reopened = false
            if options.reopenOnReply, let issue = builder.state.issues[number], !issue.isOpen {
                try builder.change(.reopen(number), actor: sender)
                reopened = true
            }
            try builder.add(.imported(key: key), on: number, actor: sender)
            outcome = .replied(number, reopened: reopened)
        } else if options.merge, let number = repeatedReport(report, in: state, now: options.now) {
            let text = "also reported by \(reporter ?? sender):\n\n" + (report.text.isEmpty ? "(no text)" : report.text) + listed
            try builder.change(.comment(number, text), actor: sender)
            if let reporter { try builder.add(.reported(reporter), on: number, actor: options.actor) }
            try builder.add(.imported(key: key), on: number, actor: options.actor)
            outcome = .merged(number)
        } else {
            let number = try state.nextNumber()
            try builder.change(.create(title: title(report), body: report.text + listed, column: options.column, labels: options.labels),
                               actor: options.actor)
            if let reporter { try builder.add(.reported(reporter), on: number, actor: options.actor) }
            try builder.add(.imported(key: key), on: number, actor: options.actor)
            outcome = .created(number)
        }
        state = builder.state
        return (outcome, builder.events)
    }

    /// The issue a reply belongs to: the newest message it answers that was filed, else `[#N]`.
    static func replyTarget(_ report: MailReport, in state: BoardState) -> Int? {
        for id in report.references {
            if let number = state.importedKeys[MailKey.key(messageID: id)], state.issues[number] != nil { return number }
        }
        if let number = SubjectLine.issueReference(report.subject), state.issues[number] != nil { return number }
        return nil
    }

    /// The newest open issue created in the last 14 days whose title is this subject, normalised.
    static func repeatedReport(_ report: MailReport, in state: BoardState, now: Timestamp) -> Int? {
        let subject = SubjectLine.normalised(report.subject)
        guard !subject.isEmpty else { return nil }
        var found: Issue?
        for issue in state.issues.values where issue.isOpen && now.milliseconds - issue.created.milliseconds <= mergeWindow
            && SubjectLine.normalised(issue.title) == subject {
            if found.map({ issue.created > $0.created }) ?? true { found = issue }
        }
        return found?.number
    }

    /// The title: the cleaned subject, else the first line of the text, else "(no subject)".
    static func title(_ report: MailReport) -> String {
        let subject = SubjectLine.title(report.subject)
        if !subject.isEmpty { return subject }
        let firstLine = report.text.split(separator: "\n").first { !$0.trimmingSpaces.isEmpty }.map { $0.trimmingSpaces } ?? ""
        guard !firstLine.isEmpty else { return "(no subject)" }
        return firstLine.count > maximumTitle ? String(firstLine.prefix(maximumTitle - 1)) + "…" : firstLine
    }

    /// `list` placed just above the fold separator, so the attachments of a reply stay in view.
    static func insert(_ list: String, into marked: String) -> String {
        let lines = marked.split(separator: "\n", omittingEmptySubsequences: false)
        guard let cut = lines.firstIndex(where: { $0 == QuoteFold.separator }) else { return marked + list }
        return lines[..<cut].joined(separator: "\n").trimmingSpaces + list + "\n\n" + lines[cut...].joined(separator: "\n")
    }

    /// Collects events, each applied to a copy of the state as it is made.
    struct Builder {
        var state: BoardState
        let now: Timestamp
        var events: [Event] = []

        mutating func change(_ change: Change, actor: String) throws(BoardError) {
            for event in try state.events(for: change, actor: actor, at: now) { try apply(event) }
        }

        mutating func add(_ kind: EventKind, on number: Int, actor: String) throws(BoardError) {
            // After the issue's latest event, as `events(for:)` stamps changes (see Issue.fold).
            let after = state.issues[number].map { Timestamp(milliseconds: $0.updated.milliseconds + 1) } ?? now
            try apply(Event(id: .random(), at: max(now, after), actor: actor, issue: number, kind: kind))
        }

        private mutating func apply(_ event: Event) throws(BoardError) {
            if let reason = state.apply(event) { throw .invalid("cannot file the message: \(reason)") }
            events.append(event)
        }
    }
}
