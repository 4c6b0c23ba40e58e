import BoardModel
import BoardQuery
import Screen

/// Every input of the full-screen session, as the reducer sees it: what the person did, and
/// what came back from the effects the reducer asked for. `reduce` handles each in one place.
public enum Message: Sendable {
    /// The board was opened: what to say first.
    case opened(Opening)
    /// Every key but a resize or the mouse: bindings, prefix keys, prompt editing.
    case key(Key)
    /// A command not typed as keys (`execute`, tests).
    case command(Command)
    /// A mouse click on what the layout drew there.
    case clicked(ClickTarget, double: Bool)
    /// The terminal changed size.
    case resized
    /// The mouse wheel: rows to move the selection or scroll (±3 per notch), in the board
    /// column under the pointer.
    case wheel(rows: Int, column: Int?)
    /// No key for a while: time to look for other writers.
    case tick
    /// Other writers' events arrived (`keep`: the issue selected before).
    case othersWrote([Event], keep: Int?)
    case refreshFailed(String)
    /// A save waits for another process's lock (`holder` says who holds it, or is empty).
    case waitingForLock(holder: String)
    case saved(SaveResult)
    case saveFailed(String, SaveRequest)
    case replayed(ReplayResult)
    case replayFailed(String, UndoStep, UndoDirection)
    /// The editor closed; `text` is what it left in the file.
    case editorReturned(EditorResult)
    case editorFailed(String, EditorRequest)
    /// Where editor text whose save failed was kept: the status line's report.
    case draftKept(String)
    /// The activity marker as read before it was moved to the newest event.
    case lastSeen(Timestamp?)
}

/// What the session knows when the board opens, for the first status line.
public struct Opening: Sendable {
    /// The rc files' and themes' problems.
    public var problems: [FileProblem]
    /// Why the board cannot be written, if it cannot.
    public var readOnlyReason: String?
    /// Lines of the log that could not be read (`lanes check` lists them).
    public var unreadableLines: Int
    /// What was found while reading the log (a torn tail, say).
    public var warnings: [String]
    /// Whether the terminal gets ASCII only (a locale that is not UTF-8).
    public var asciiOnly: Bool
    public var swimlanes: Swimlanes
    /// Said instead of everything else (the demo board says where it is).
    public var greeting: String?
    /// What needs this person today ("3 overdue, 2 back from waiting, 1 mention"), if anything.
    public var attention: String?

    public init(problems: [FileProblem] = [], readOnlyReason: String? = nil, unreadableLines: Int = 0, warnings: [String] = [],
                asciiOnly: Bool = false, swimlanes: Swimlanes = .none, greeting: String? = nil, attention: String? = nil) {
        self.attention = attention
        self.problems = problems
        self.readOnlyReason = readOnlyReason
        self.unreadableLines = unreadableLines
        self.warnings = warnings
        self.asciiOnly = asciiOnly
        self.swimlanes = swimlanes
        self.greeting = greeting
    }

    /// The status line's word on the rc files' problems: one is shown whole; several are
    /// counted, short enough for 40 columns, and `:messages` lists them.
    public static func problemSummary(_ problems: [FileProblem]) -> String? {
        guard let first = problems.first else { return nil }
        guard problems.count > 1 else { return first.description }
        let files = Set(problems.map { $0.file.split(separator: "/").last.map(String.init) ?? $0.file })
        let place = files.count == 1 ? files.first! : "rc files"
        return Plural.count(problems.count, "problem") + " in \(place); see :messages"
    }
}

/// What the editor left: the request, the template it was opened on, the text it returned,
/// and whether the template offered a draft kept from a failed save.
public struct EditorResult: Sendable {
    public var request: EditorRequest
    public var template: String
    public var text: String
    public var hadDraft: Bool

    public init(request: EditorRequest, template: String, text: String, hadDraft: Bool) {
        self.request = request
        self.template = template
        self.text = text
        self.hadDraft = hadDraft
    }
}
