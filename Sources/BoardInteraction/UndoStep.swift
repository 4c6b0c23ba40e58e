import BoardModel
import BoardQuery

/// One undoable step of this session: what was done, split into parts that each set one field
/// of one issue, and the issues as this session left them.
///
/// Undo and redo are new events, and other people write too: a part is replayed only if its
/// field still holds what this session left in it; otherwise it is left as the other person
/// set it, and the status line says so.
public struct UndoStep: Equatable, Sendable {
    public struct Part: Equatable, Sendable {
        public var issue: Int
        public var field: IssueField
        public var forward: Change
        public var inverse: Change
    }

    public var summary: String
    public var parts: [Part]
    /// The touched issues as this session last left them (after the step, or after its undo).
    var expected: [Int: Issue]
    /// The board's columns as this session last left them, for parts about a column.
    var expectedColumns: [Column]
    /// The touched comments' texts as this session left them (they live in the timeline, not in `Issue`).
    var expectedComments: [IssueField: String] = [:]

    init(summary: String, parts: [Part], board: BoardState) {
        self.summary = summary
        self.parts = parts
        expected = Dictionary(parts.compactMap { part in board.issues[part.issue].map { (part.issue, $0) } }) { first, _ in first }
        expectedColumns = board.columns
        for part in parts {
            guard case .comment = part.field else { continue }
            expectedComments[part.field] = Recording.value(part.field, of: part.issue, in: board)
        }
    }

    /// Whether `part`'s field still holds what this session left there (nil: its issue is gone).
    func stillHolds(_ part: Part, in state: BoardState) -> Bool? {
        if case let .column(id, aspect) = part.field {
            return aspect.value(of: id, in: state.columns) == aspect.value(of: id, in: expectedColumns)
        }
        guard let issue = state.issues[part.issue] else { return nil }
        if case .comment = part.field { return part.field.value(in: issue, board: state) == expectedComments[part.field] }
        guard let expected = expected[part.issue] else { return false }
        return part.field.value(in: issue) == part.field.value(in: expected)
    }

    /// Collects a save's undo parts while its changes are applied under the lock: each part
    /// with the value its field had just before.
    public struct Recording {
        var seen: [(part: Part, before: String)] = []
        public init() {}

        /// `change` is about to be applied to `state`.
        public mutating func see(_ change: Change, before state: BoardState) {
            for (number, field, forward) in change.undoParts(before: state) {
                guard let before = Recording.value(field, of: number, in: state), let inverse = state.inverse(of: forward)?.first else { continue }
                seen.append((Part(issue: number, field: field, forward: forward, inverse: inverse), before))
            }
        }

        /// Only what really changed is undone: a part that changed nothing has no old value to put back.
        public func changedParts(in state: BoardState) -> [Part] {
            seen.filter { part, before in Recording.value(part.field, of: part.issue, in: state).map { $0 != before } ?? false }.map(\.part)
        }

        /// The field's value on the board: a column's from its columns, an issue's from the issue
        /// (a comment's from its timeline).
        static func value(_ field: IssueField, of number: Int, in state: BoardState) -> String? {
            if case let .column(id, aspect) = field { return aspect.value(of: id, in: state.columns) }
            return state.issues[number].map { field.value(in: $0, board: state) }
        }
    }

    /// Plans an undo (`.back`) or redo (`.forward`) of this step against the freshest board and
    /// applies it to `state` (the session runs this inside `EventLog.commit`, under the lock).
    /// Parts whose field someone else changed since are refused, with who did it.
    public func plan(_ direction: UndoDirection, in state: inout BoardState, actor: String,
                     at time: Timestamp) throws(BoardError) -> ReplayResult {
        var result = ReplayResult(step: self, direction: direction)
        for part in parts {
            guard let holds = stillHolds(part, in: state) else { continue }
            guard holds else {
                let timeline = part.issue == 0 ? state.events.suffix(1000).filter { $0.issue == 0 } : state.timelines[part.issue]
                let who = timeline?.last { part.field.isSet(by: $0.kind) }?.actor ?? "someone"
                result.refused.append((part.issue == 0 ? "" : "#\(part.issue) ") + "\(part.field.name) was changed by \(who) since; left as is")
                continue
            }
            result.replayed.append(part)
            let batch = try state.events(for: direction == .back ? part.inverse : part.forward, actor: actor, at: time)
            state.apply(batch)
            result.events.append(contentsOf: batch)
        }
        return result
    }
}

/// Undo goes back, redo forward.
public enum UndoDirection: Equatable, Sendable {
    case back, forward
}

/// This session's undo and redo stacks (newest last).
public struct UndoHistory: Sendable {
    public var undo: [UndoStep] = []
    public var redo: [UndoStep] = []
    public init() {}
}

/// What an undo or redo did: the events written, the parts put back, and the parts left alone.
public struct ReplayResult: Equatable, Sendable {
    public var step: UndoStep
    public var direction: UndoDirection
    public var events: [Event] = []
    public var replayed: [UndoStep.Part] = []
    public var refused: [String] = []
    /// The issue selected before, kept selected afterwards (set by the session).
    public var keep: Int?

    public init(step: UndoStep, direction: UndoDirection, events: [Event] = [], replayed: [UndoStep.Part] = [],
                refused: [String] = [], keep: Int? = nil) {
        self.step = step
        self.direction = direction
        self.events = events
        self.replayed = replayed
        self.refused = refused
        self.keep = keep
    }
}
