import ArgumentParser
import BoardModel
import BoardInteraction
import LanesApp

/// `lanes comment N [TEXT]`: TEXT, or stdin with `-`, or `$VISUAL`/`$EDITOR` on a terminal.
/// `--edit ID` gives the comment with that event id new text the same three ways; `--delete ID`
/// deletes it. Only a comment's author may edit or delete it.
struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "comment", abstract: "Comment on an issue (TEXT, - for stdin, or your editor); edit or delete your comments.")
    @OptionGroup var options: BoardOptions
    @Argument(help: "The issue number.") var number: IssueNumber
    @Argument(help: "The comment; - reads stdin; omitted opens $VISUAL/$EDITOR.") var text: String?
    @Option(name: .customLong("edit"), help: ArgumentHelp("Give your comment with this id new text.", valueName: "ID"))
    var editID: CommentID?
    @Option(name: .customLong("delete"), help: ArgumentHelp("Delete your comment with this id.", valueName: "ID"))
    var deleteID: CommentID?

    func validate() throws {
        if deleteID != nil, editID != nil || text != nil { throw ValidationError("--delete takes no text and no --edit") }
    }

    func run() throws {
        let issue = number.value
        if let id = deleteID?.value {
            try IssueChangeCommand.commitIndexed(options) { _, _ in [.deleteComment(issue, id)] }
            return
        }
        let change: (String) -> Change = { text in
            if let id = editID?.value { .editComment(issue, id, text) } else { .comment(issue, text) }
        }
        switch text {
        case "-":
            var lines: [String] = []
            while let line = readLine(strippingNewline: false) { lines.append(line) }
            try IssueChangeCommand.commitIndexed(options) { _, _ in [change(lines.joined().trimmingSpaces)] }
        case let given?:
            try IssueChangeCommand.commitIndexed(options) { _, _ in [change(given.trimmingSpaces)] }
        case nil:
            try editInEditor(change)
        }
    }

    /// Opens `$VISUAL`/`$EDITOR` on an empty comment or the comment to edit; text whose save
    /// fails is kept on disk and offered the next time.
    func editInEditor(_ change: (String) -> Change) throws {
        guard Output.stdinIsTerminal, Output.stdoutIsTerminal else {
            throw BoardError.invalid("no comment text; give TEXT, or - to read it from stdin")
        }
        let log = try options.open()
        let issue = number.value
        let request: EditorRequest = editID.map { .editComment(issue, $0.value) } ?? .comment([issue])
        let recovery = EditorRecovery(board: log.location.directory, subject: request.subject, environment: ProcessEnvironment.current)
        let template: String
        if let id = editID?.value {
            // Refused before the editor opens, so that nothing is typed in vain.
            let comment = try log.state.editableComment(id, on: issue, by: options.actorName)
            template = EditorTemplate.commentEdit(comment, on: issue, draft: recovery.draft())
        } else {
            _ = try log.state.issue(issue)
            template = EditorTemplate.comment(on: [issue], draft: recovery.draft())
        }
        guard let written = EditorTemplate.commentText(of: try ExternalEditor.edit(template: template)) else {
            recovery.discard()
            Output.print("no comment written")
            return
        }
        // Written in the editor: kept byte for byte, and kept on disk if the save fails.
        do {
            try IssueChangeCommand.commitIndexed(options) { _, _ in [change(written)] }
            recovery.discard()
        } catch let error as BoardError {
            throw BoardError.io(recovery.report(error.description, keepFailure: recovery.keep(written), what: "comment"))
        }
    }
}
