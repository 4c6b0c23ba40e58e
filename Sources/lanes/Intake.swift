#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import BoardModel
import BoardStore
import LanesApp
import MailIntake
import Screen

/// `lanes intake`: mail to issues. One message on stdin (what a `.forward`, procmail or a
/// Postfix/Exim pipe hands over), every message of a maildir's `new/`, or of an mbox.
///
/// Exit codes follow sysexits, as mail servers read them: 0 filed (or filed before), 65 a
/// message that can never be filed (the server bounces it), 75 the board cannot be written
/// now (lock held too long, disk full, read-only, no board): the server keeps it and retries.
struct Intake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "File mail as issues: a new report becomes an issue, a reply a comment (see docs/intake.md).",
        discussion: """
            Reads one message from stdin, or --maildir DIR (files DIR/new, moves each to DIR/cur) or --mbox FILE. \
            Prints "#61 created (from ana@example.com)" or "#42 commented (reply from ana@example.com)" per message. \
            Exit status: 0 filed or already filed, 65 a message that cannot be filed, 75 the board cannot be written now \
            (the mail server retries).
            """
    )

    @OptionGroup var options: BoardOptions
    @Option(help: ArgumentHelp("The column new issues land in (default: the board's first).", valueName: "column")) var column: String?
    @Option(name: .customLong("label"), help: ArgumentHelp("Label new issues (repeatable).", valueName: "label")) var labels: [String] = []
    @Flag(name: .customLong("no-merge"), help: "File a repeated report (same subject, open issue of the last 14 days) as a new issue.")
    var noMerge = false
    @Flag(name: .customLong("reopen-on-reply"), help: "Reopen a closed issue when a reply to it arrives (default: comment only).")
    var reopenOnReply = false
    @Option(help: ArgumentHelp("File every message in DIR/new and move it to DIR/cur.", valueName: "dir")) var maildir: String?
    @Option(help: ArgumentHelp("File every message of this mbox file.", valueName: "file")) var mbox: String?

    static let dataError: Int32 = 65
    static let temporaryFailure: Int32 = 75
    /// How long a delivery waits for the board lock before the mail server is asked to retry.
    static let lockWait: Int64 = 30_000
    /// The largest message read; a bigger one is refused (65).
    static let maximumMessage = 128 << 20

    func validate() throws {
        if maildir != nil, mbox != nil { throw ValidationError("give --maildir or --mbox, not both") }
    }

    func run() throws {
        let desk: IntakeDesk
        do {
            desk = try IntakeDesk(options: options, plan: IntakePlan.Options(
                column: column, labels: labels, merge: !noMerge, reopenOnReply: reopenOnReply, actor: options.actorName))
        } catch let error as BoardError {
            Output.error("lanes: " + error.description)
            throw ExitCode(Intake.temporaryFailure)
        }
        var refused = false
        var sources: [MailSource] = []
        do {
            if let maildir {
                sources = try MailSource.maildir(maildir)
            } else if let mbox {
                sources = try MailSource.mbox(mbox)
            } else {
                sources = [MailSource(name: "stdin", bytes: try MailSource.readStandardInput(limit: Intake.maximumMessage), maildirFile: nil)]
            }
        } catch let error as MailSource.TooLarge {
            Output.error("lanes: " + error.description)
            throw ExitCode(Intake.dataError)
        } catch let error as BoardError {
            Output.error("lanes: " + error.description)
            throw ExitCode(Intake.temporaryFailure)
        }
        for source in sources {
            do {
                if let refusal = source.refusal { throw IntakeDesk.Refused(reason: refusal) }
                let line = try desk.file(source.bytes)
                Output.print(Sanitizer.line(line))
                try source.markFiled()
            } catch let error as IntakeDesk.Refused {
                Output.error("lanes: " + (sources.count > 1 ? Sanitizer.line(source.name) + ": " : "") + error.reason)
                refused = true
            } catch let error as BoardError {
                Output.error("lanes: " + error.description + "; the mail server should try again later")
                throw ExitCode(Intake.temporaryFailure)
            }
        }
        if refused { throw ExitCode(Intake.dataError) }
    }
}
