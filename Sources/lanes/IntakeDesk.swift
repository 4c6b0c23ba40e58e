#if canImport(Glibc)
import Glibc
#endif
import BoardModel
import BoardStore
import LanesApp
import MailIntake

/// Files one message at a time into an open board: parses it, saves its attachments, then
/// commits its events under the lock (waiting at most `Intake.lockWait`).
final class IntakeDesk {
    struct Refused: Error { var reason: String }

    let log: EventLog
    let plan: IntakePlan.Options
    let attachmentLimit: Int

    init(options: BoardOptions, plan: IntakePlan.Options) throws {
        log = try options.open()
        if let reason = log.readOnlyReason { throw BoardError.readOnly(reason) }
        if let column = plan.column { _ = try log.state.resolveColumn(column) }
        self.plan = plan
        attachmentLimit = Configuration(rcFiles: Configuration.rcFiles(boardDirectory: log.location.directory, environment: Environment.variables),
                                        environment: Environment.variables, board: log.state).attachmentLimit
        let seconds = try? BoundedNumber.parse(Environment.variables["LANES_INTAKE_LOCK_WAIT"] ?? "", in: 0...3_600,
                                               what: "LANES_INTAKE_LOCK_WAIT")
        lockWait = seconds.map { Int64($0) * 1_000 } ?? Intake.lockWait
        log.onLockWait = { _ in }
    }

    /// How long each delivery waits for the board lock (`LANES_INTAKE_LOCK_WAIT` seconds, else
    /// `Intake.lockWait`): a mail server would rather retry than hold a delivery process.
    let lockWait: Int64

    /// Files `bytes`; returns the line to print. Throws `Refused` for a message that can never
    /// be filed, `BoardError` when the board cannot be written now.
    func file(_ bytes: [UInt8]) throws -> String {
        guard !bytes.isEmpty else { throw Refused(reason: "the message is empty") }
        let report = MailReport(bytes)
        guard report.hasHeaders else { throw Refused(reason: "not a mail message: it has no header fields") }
        if report.from == nil, report.subject.isEmpty, report.text.isEmpty, report.attachments.isEmpty {
            throw Refused(reason: "the message has no sender, subject, text or attachment; nothing to file")
        }
        // Filed before (as far as this process has read): no need to save its attachments again.
        // The commit decides for certain, under the lock, against the freshest board.
        let known = log.state.importedKeys[MailKey.key(messageID: report.messageID)] != nil
        let list = known ? [] : try saveAttachments(report.attachments)
        var options = plan
        options.now = .now
        var outcome = IntakePlan.Outcome.alreadyFiled(0)
        var filed: [Event] = []
        let deadline = Timestamp.now.milliseconds + lockWait
        log.cancelsLockWait = { Timestamp.now.milliseconds > deadline }
        try log.commit { state throws(BoardError) in
            let (done, events) = try IntakePlan.events(for: report, attachmentList: list, options: options, into: &state)
            outcome = done
            filed = events
            return events
        }
        // A reply to a waiting issue wakes it (the fold's rule for anyone else's change): say so.
        return ([outcome.line(sender: report.from?.address ?? "unknown sender")] + Wake.reports(for: filed, in: log.state))
            .joined(separator: "; ")
    }

    /// Attachments kept per message; a message with more lists the rest as not saved.
    static let maximumSaved = 100

    /// Saves what fits under the limit; returns one line per attachment for the text.
    func saveAttachments(_ attachments: [MailAttachment]) throws(BoardError) -> [String] {
        var lines: [String] = []
        for (index, attachment) in attachments.enumerated() {
            if index == IntakeDesk.maximumSaved * 2 {
                lines.append("… and \(attachments.count - index) more, not listed")
                break
            }
            let about = "\(attachment.name) (\(attachment.type), \(IntakeDesk.size(attachment.size)))"
            if attachment.size > attachmentLimit {
                lines.append(about + " not saved: larger than the attachment limit (\(IntakeDesk.size(attachmentLimit)))")
            } else if index >= IntakeDesk.maximumSaved {
                lines.append(about + " not saved: more than \(IntakeDesk.maximumSaved) attachments")
            } else {
                try AttachmentStore.save(attachment.bytes, as: attachment.storedName, in: log.location)
                lines.append(about + " saved as " + AttachmentStore.relativePath(attachment.storedName))
            }
        }
        return lines
    }

    /// `812 bytes`, `12 KB`, `3.4 MB`.
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return Plural.count(bytes, "byte") }
        if bytes < 1 << 20 { return "\(bytes >> 10) KB" }
        let tenths = bytes * 10 >> 20
        return tenths % 10 == 0 || tenths >= 1000 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }
}
