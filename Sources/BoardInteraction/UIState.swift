import BoardModel
import BoardQuery
import Screen

/// Everything about the full-screen session that is not the board itself: which view is shown,
/// what is selected, the filter, the prompt and the last message.
///
/// Kept apart from `BoardState` so that views read the board without copying it, and so that
/// selection is stored by issue number: a card stays selected when it moves or when other
/// writers add issues above it.
public struct UIState: Sendable {
    public enum View: Hashable, Sendable {
        case board, list
        case issue(Int)
        case help
        /// The board's own timeline, newest first.
        case activity
        /// `:messages`: the rc files' problems and recent status messages.
        case messages
    }

    public enum PromptKind: String, Hashable, Sendable {
        case command, filter
        case newIssue = "new issue"
        case comment, assign, unassign, label
        case move = "move to"
        /// An issue number to go to (`#`).
        case goto = "go to"
        /// y deletes the selected comment.
        case deleteComment = "delete this comment? (y/n)"

        /// What the prompt shows before the typed text.
        public var lead: String {
            switch self {
            case .command: ":"
            case .filter: "/"
            case .goto: "#"
            default: rawValue + ": "
            }
        }
    }

    /// A line being typed on the status line.
    public struct Prompt: Hashable, Sendable {
        public var kind: PromptKind
        public var editor: LineEditor
        /// Position while browsing history with <Up>/<Down> (nil: editing the new line).
        public var historyIndex: Int?
        /// The line being typed before history browsing started.
        public var draft = ""
        /// What a second <Tab> listed, shown on a line above the prompt until the next edit.
        public var candidates: [String] = []
        /// Whether the last key was a <Tab> that left a choice open (the next one lists it).
        public var tabbed = false
        /// The filter in force when a `/` prompt opened: what <Enter> on a bad query puts back.
        public var filterInForce: Query?
        public init(kind: PromptKind, text: String = "") {
            self.kind = kind
            self.editor = LineEditor(text: text)
        }

        /// Any key but <Tab> ends a completion: the listed candidates go away.
        public mutating func endCompletion() {
            candidates = []
            tabbed = false
        }
    }

    public struct Message: Hashable, Sendable {
        public var text: String
        public var isError: Bool
        public init(_ text: String, isError: Bool = false) {
            self.text = text
            self.isError = isError
        }
    }

    public var view: View = .board
    /// Views to return to with `back`.
    public var history: [View] = []
    /// The board's selected column (index into the board's columns).
    public var column = 0
    /// The selected issue in each column, by column id.
    public var selected: [String: Int] = [:]
    /// The selected issue in the list view.
    public var listSelected: Int?
    /// Scroll offsets, kept by `Viewport.adjust` so the selection stays visible.
    public var firstColumn = 0
    public var cardOffset: [String: Int] = [:]
    public var listOffset = 0
    /// First visible line of the issue and help views.
    public var scroll = 0
    /// The selected line of the issue view (its `IssueRow` says what keys act on).
    public var issueCursor = 0
    /// Where each issue view was left when a reference was followed from it: `back` returns there.
    public var issuePlaces: [Int: IssuePlace] = [:]
    public var filter = Query.everything
    public var helpFilter = ""
    public var prompt: Prompt?
    public var message: Message?
    /// Issues marked with <Space>; actions apply to all of them.
    public var marked: Set<Int> = []
    /// A new issue the filter does not match, shown anyway until the selection moves off it.
    public var pinned: Int?
    /// Assign text naming someone new, already warned about: <Enter> on it again assigns.
    public var confirming: String?
    /// Earlier entries of each prompt, newest last, for <Up>/<Down>.
    public var promptHistory: [PromptKind: [String]] = [:]
    /// The saved view in use (its name is shown on the status line).
    public var viewName = "board"
    /// The selected entry of the activity view (0 = newest) and its scroll offset.
    public var activitySelected = 0
    public var activityOffset = 0
    /// The newest event this user had seen when the activity view opened: the "last seen" marker.
    public var lastSeen: Timestamp?
    /// How the board is split into horizontal bands.
    public var swimlanes = Swimlanes.none
    /// First visible row of the board body when swimlanes are on.
    public var boardRowOffset = 0
    /// Keys typed so far of a longer binding (`p` of `pu`): the status line hints what may follow.
    public var pendingKeys: [Key] = []
    /// This session's undo and redo steps.
    public var undo = UndoHistory()
    /// The rc files' and themes' problems, found at load (`:messages` lists them all).
    public var problems: [FileProblem] = []
    /// Status-line messages shown so far, oldest first, for `:messages`.
    public private(set) var recentMessages: [Message] = []
    /// How many `recentMessages` are kept.
    public static let recentMessageLimit = 100

    /// Remembers the message on the status line, if it is new, for `:messages`.
    public mutating func recordMessage() {
        guard let message, message != recentMessages.last else { return }
        recentMessages.append(message)
        if recentMessages.count > UIState.recentMessageLimit { recentMessages.removeFirst() }
    }

    public init() {}

    /// The view that `open-issue`, `back` and the status line think of as "where we are".
    public var baseView: View {
        for view in [view] + history.reversed() where view == .board || view == .list { return view }
        return .board
    }
}
