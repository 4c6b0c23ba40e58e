import ArgumentParser
import BoardModel
import BoardInteraction
import LanesApp

/// `lanes comment N [TEXT]`: TEXT, or stdin with `-`, or `$VISUAL`/`$EDITOR` on a terminal.
struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "comment", abstract: "Comment on an issue (TEXT, - for stdin, or your editor).")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The issue number.") var number: IssueNumber
    @Argument(help: "The comment; - reads stdin; omitted opens $VISUAL/$EDITOR.") var text: String?

    func run() throws {
        let comment: String
        switch text {
        case "-":
            var lines: [String] = []
            while let line = readLine(strippingNewline: false) { lines.append(line) }
            comment = lines.joined()
        case let given?:
            comment = given
        case nil:
            guard Output.stdinIsTerminal, Output.stdoutIsTerminal else {
                throw BoardError.invalid("no comment text; give TEXT, or - to read it from stdin")
            }
            let log = try options.open()
            _ = try log.state.issue(number.value)
            let recovery = EditorRecovery(board: log.location.directory, subject: "comment-\(number.value)",
                                          environment: ProcessEnvironment.current)
            let edited = try ExternalEditor.edit(template: EditorTemplate.comment(on: [number.value], draft: recovery.draft()))
            guard let written = EditorTemplate.commentText(of: edited) else {
                recovery.discard()
                Output.print("no comment written")
                return
            }
            // Written in the editor: kept byte for byte, and kept on disk if the save fails.
            do {
                try IssueChangeCommand.commit(options) { _ in [.comment(number.value, written)] }
                recovery.discard()
            } catch let error as BoardError {
                throw BoardError.io(recovery.report(error.description, keepFailure: recovery.keep(written), what: "comment"))
            }
            return
        }
        try IssueChangeCommand.commit(options) { _ in [.comment(number.value, comment.trimmingSpaces)] }
    }
}
