import BoardModel
import BoardQuery

/// Every named command, once: its name, its help line and whether it takes an argument.
///
/// Keys, the `:` command line, rc files, the help screen and docs/keys.md all come from this one
/// table (tig's request table, neomutt's opcodes), so a command cannot exist in one place and be
/// missing from another.
public enum CommandName: String, CaseIterable, Sendable {
    case back, quit, cancel, help, redraw, suspend
    case commandLine = "command-line"
    case filter
    case toggleView = "toggle-view"
    case cursorUp = "cursor-up", cursorDown = "cursor-down", cursorLeft = "cursor-left", cursorRight = "cursor-right"
    case cursorFirst = "cursor-first", cursorLast = "cursor-last", pageUp = "page-up", pageDown = "page-down"
    case openIssue = "open-issue"
    case moveCardLeft = "move-card-left", moveCardRight = "move-card-right"
    case moveCardUp = "move-card-up", moveCardDown = "move-card-down"
    case move
    case newIssue = "new-issue", editIssue = "edit-issue", comment
    case commentLine = "comment-line"
    case assign, unassign, label, priority
    case closeReopen = "close-reopen"
    case moveTo = "move-to"
    case view
    case mark
    case markAll = "mark-all"
    case undo, redo
    case activity
    case swimlanes
    case goto
    case messages
    case column
    case columnMenu = "column-menu"
    case follow
    case editComment = "edit-comment", deleteComment = "delete-comment"
    case toggleTask = "toggle-task"
    case none

    /// The one help line shown by `?`, completion and docs.
    public var help: String {
        switch self {
        case .back: "Go back to the previous view; quit from the board"
        case .quit: "Quit Lanes"
        case .cancel: "Cancel the prompt or clear the message"
        case .help: "Show the keys of this view"
        case .redraw: "Redraw the whole screen"
        case .suspend: "Suspend Lanes (resume with fg)"
        case .commandLine: "Type a command, e.g. :move doing"
        case .filter: "Filter issues with a query (as you type); :filter QUERY sets it"
        case .toggleView: "Switch between the board and the list"
        case .cursorUp: "Select the card or row above; scroll up"
        case .cursorDown: "Select the card or row below; scroll down"
        case .cursorLeft: "Select the column to the left"
        case .cursorRight: "Select the column to the right"
        case .cursorFirst: "Select the first card or row"
        case .cursorLast: "Select the last card or row"
        case .pageUp: "Scroll up a page"
        case .pageDown: "Scroll down a page"
        case .openIssue: "Open the selected issue and its timeline"
        case .moveCardLeft: "Move the selected card to the previous column"
        case .moveCardRight: "Move the selected card to the next column"
        case .moveCardUp: "Move the selected card up in its column"
        case .moveCardDown: "Move the selected card down in its column"
        case .move: "Move the selected issue to a column: :move COLUMN"
        case .newIssue: "Create an issue in the selected column (asks for the title)"
        case .editIssue: "Edit the title and description in $VISUAL/$EDITOR"
        case .comment: "Comment in $VISUAL/$EDITOR"
        case .commentLine: "Comment with a one-line prompt"
        case .assign: "Assign users (completes known users and me): :assign USER..."
        case .unassign: "Unassign users (completes the assignees); no names unassigns everyone"
        case .label: "Add and remove labels: :label +bug -ui"
        case .priority: "Set the priority: :priority urgent|high|medium|low|none"
        case .closeReopen: "Close the issue, or reopen it if closed"
        case .moveTo: "Move to a column chosen from a prompt with completion"
        case .view: "Switch to a saved view by number or name: :view mine"
        case .mark: "Mark or unmark the selected issue; actions apply to all marked issues"
        case .markAll: "Mark every issue in the filter (again: unmark all)"
        case .undo: "Undo your last change (as new events that restore the old values)"
        case .redo: "Redo the change you last undid"
        case .activity: "Show the board's activity, newest first, marked where you last looked"
        case .swimlanes: "Split the board into bands: " + Swimlanes.names.joined(separator: " → ")
        case .goto: "Select and open an issue by number, from any view: :goto 12 or :12"
        case .messages: "List every problem in the rc files and themes, and recent messages"
        case .column: "Change the board's columns: :column add|rename|move|remove|wip|closing …"
        case .columnMenu: "Column menu: what :column can do, for the selected column"
        case .follow: "Follow the #N reference or link on the selected line (back with q or <Backspace>)"
        case .editComment: "Edit your selected comment in $VISUAL/$EDITOR"
        case .deleteComment: "Delete your selected comment (asks first)"
        case .toggleTask: "Check or uncheck the selected task item (- [ ]) of the description"
        case .none: "Do nothing (unbinds a key)"
        }
    }

    /// The argument a command takes on the `:` line, if any, for help and completion.
    public var argument: String? {
        switch self {
        case .filter: "QUERY"
        case .move: "COLUMN"
        case .assign, .unassign: "USER..."
        case .label: "+LABEL -LABEL..."
        case .priority: "PRIORITY"
        case .view: "NUMBER|NAME"
        case .swimlanes: Swimlanes.names.joined(separator: "|")
        case .commentLine, .newIssue: "TEXT"
        case .goto: "NUMBER"
        case .column: "ACTION COLUMN …"
        default: nil
        }
    }

    /// Whether the command acts on one issue, so that `:NAME 12 …` names it instead of the
    /// selection (or the marked issues).
    public var takesIssue: Bool {
        switch self {
        case .openIssue, .editIssue, .comment, .commentLine, .assign, .unassign, .label, .priority,
             .closeReopen, .moveTo, .move, .mark, .goto: true
        default: false
        }
    }

    /// Other names the `:` line accepts, for what people type without thinking (`:close 12`).
    public static let aliases: [String: CommandName] = ["close": .closeReopen, "open": .openIssue]

    /// A command by its name or one of its aliases.
    public init?(named name: String) {
        guard let command = CommandName(rawValue: name) ?? CommandName.aliases[name] else { return nil }
        self = command
    }

    /// Commands offered by completion and help (everything but `none`).
    public static var visible: [CommandName] { allCases.filter { $0 != .none } }

    /// Commands that change the board: refused at once on a read-only board, before any prompt.
    public static let changing: Set<CommandName> = [
        .moveCardLeft, .moveCardRight, .moveCardUp, .moveCardDown, .move, .newIssue, .editIssue, .comment,
        .commentLine, .assign, .unassign, .label, .priority, .closeReopen, .moveTo, .undo, .redo,
        .column, .columnMenu,
        .editComment, .deleteComment, .toggleTask,
    ]
}

/// A command with its arguments, as produced by a key, the `:` line or an rc file.
public struct Command: Hashable, Sendable {
    public var name: CommandName
    public var argument: String
    /// The issue named on the `:` line (`:close 12`); nil acts on the marked or selected issues.
    public var issue: Int?

    public init(_ name: CommandName, argument: String = "", issue: Int? = nil) {
        self.name = name
        self.argument = argument
        self.issue = issue
    }

    /// Parses `move doing`, `filter label:bug is:open`, `assign 12 bob`, `close #12` or `12`.
    ///
    /// A command that acts on an issue takes its number (`12` or `#12`) as the first word; for a
    /// command whose argument is free text only `#12` counts, so `:comment-line 2 people agree`
    /// stays a comment. A bare `12` or `#12` is `goto`. Arguments a command does not take are an
    /// error rather than ignored.
    public static func parse(_ text: String) throws(BoardError) -> Command {
        let trimmed = text.trimmingSpaces
        let word = String(trimmed.prefix { $0 != " " })
        if let number = Command.issueNumber(word, bare: true) {
            return try parse("goto \(number)" + trimmed.dropFirst(word.count))
        }
        guard let name = CommandName(named: word) else {
            let names = CommandName.visible.map(\.rawValue) + CommandName.aliases.keys.sorted()
            let close = names.filter { $0.hasPrefix(String(word.prefix(2))) }
            let hint = close.isEmpty ? "press ? for the list" : "did you mean " + close.joined(separator: ", ") + "?"
            throw .invalid("unknown command \"\(word)\"; \(hint)")
        }
        var argument = String(trimmed.dropFirst(word.count)).trimmingSpaces
        var issue: Int?
        if name.takesIssue {
            let first = String(argument.prefix { $0 != " " })
            if let number = Command.issueNumber(first, bare: name != .commentLine) {
                issue = number
                argument = String(argument.dropFirst(first.count)).trimmingSpaces
            }
        }
        if !argument.isEmpty, name.argument == nil || name == .goto {
            throw .invalid(name.takesIssue ? "\(name.rawValue) takes only an issue number: :\(name.rawValue) [NUMBER]"
                                           : "\(name.rawValue) takes no arguments")
        }
        if name == .move, argument.isEmpty { throw .invalid("move needs a column: :move [NUMBER] COLUMN") }
        return Command(name, argument: argument, issue: issue)
    }

    /// The issue number in `#12`, or in `12` when `bare` numbers count.
    public static func issueNumber(_ word: String, bare: Bool) -> Int? {
        let digits = word.hasPrefix("#") ? word.dropFirst() : bare ? Substring(word) : ""
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits), number > 0 else { return nil }
        return number
    }
}
