/// A step in an issue's life outside its columns: archiving takes it off the board and out of
/// the default list (`is:archived` finds it), deleting takes it out of everything (board, list,
/// queries, export). Both are events like any other, so they merge, undo and keep the timeline;
/// a deleted issue's text stays in the log.
///
/// One case of `EventKind` and of `Change` carries the step, so each of their switches gains
/// one line. The raw value is the event's kind in the log and in JSON.
public enum LifecycleStep: String, CaseIterable, Hashable, Sendable {
    case archived, unarchived, deleted, restored

    /// The verb a person types for it (`lanes archive`), for messages.
    public var verb: String {
        switch self {
        case .archived: "archive"
        case .unarchived: "unarchive"
        case .deleted: "delete"
        case .restored: "restore"
        }
    }

    /// The step that puts back what this one did: undo writes it as a new event.
    public var opposite: LifecycleStep {
        switch self {
        case .archived: .unarchived
        case .unarchived: .archived
        case .deleted: .restored
        case .restored: .deleted
        }
    }

    /// Whether this step deletes or restores (else it archives or unarchives).
    var isAboutDeletion: Bool { self == .deleted || self == .restored }
    /// Whether the flag it sets ends up true (archived, deleted).
    var sets: Bool { self == .archived || self == .deleted }
}

/// Whether an issue is archived and whether it is deleted, each with the stamp of the event that
/// last set it: two flags, not one state, so that an archived issue deleted by mistake comes
/// back archived; and each the last writer's, so concurrent archive/unarchive in two clones
/// end the same everywhere (as the single-valued fields do, see `Issue.fold`).
///
/// The two stamps sit behind one reference, nil while no event has set either (most issues are
/// never archived or deleted): 10 bytes an issue instead of 34.
public struct Lifecycle: Hashable, Sendable {
    private var stamps: LifecycleStamps?
    // The flags after the stamps: an issue's next fields fill the word they leave.
    public internal(set) var isArchived = false
    public internal(set) var isDeleted = false
    /// The stamp of a flag no event has set: older than any event.
    package static let unset = Stamp(at: Timestamp(milliseconds: 0), id: EventID(0))

    public init() {}

    package init(isArchived: Bool, isDeleted: Bool, archivedStamp: Stamp, deletedStamp: Stamp) {
        self.isArchived = isArchived
        self.isDeleted = isDeleted
        setStamps(archived: archivedStamp, deleted: deletedStamp)
    }

    package var archivedStamp: Stamp { stamps?.archived ?? Lifecycle.unset }
    package var deletedStamp: Stamp { stamps?.deleted ?? Lifecycle.unset }

    /// A new record (records are shared between copies, so never changed), or none if both are unset.
    private mutating func setStamps(archived: Stamp, deleted: Stamp) {
        stamps = archived == Lifecycle.unset && deleted == Lifecycle.unset ? nil : LifecycleStamps(archived: archived, deleted: deleted)
    }

    /// Applies `step` if `stamp` is newer than the one that last set its flag.
    mutating func apply(_ step: LifecycleStep, stamp: Stamp) {
        if step.isAboutDeletion {
            guard deletedStamp < stamp else { return }
            setStamps(archived: archivedStamp, deleted: stamp)
            isDeleted = step.sets
        } else {
            guard archivedStamp < stamp else { return }
            setStamps(archived: stamp, deleted: deletedStamp)
            isArchived = step.sets
        }
    }
}

/// The stamps of the events that last archived and deleted an issue (`Lifecycle`). Immutable.
final class LifecycleStamps: Hashable, Sendable {
    let archived: Stamp
    let deleted: Stamp

    init(archived: Stamp, deleted: Stamp) {
        self.archived = archived
        self.deleted = deleted
    }

    static func == (a: LifecycleStamps, b: LifecycleStamps) -> Bool { a.archived == b.archived && a.deleted == b.deleted }
    func hash(into hasher: inout Hasher) {
        hasher.combine(archived)
        hasher.combine(deleted)
    }
}

extension Issue {
    public var isArchived: Bool { lifecycle.isArchived }
    public var isDeleted: Bool { lifecycle.isDeleted }

    /// Whether the board, the default list and a query that does not ask for archived issues
    /// show this issue: the one predicate for "shown by default".
    public var isShownByDefault: Bool { !lifecycle.isArchived && !lifecycle.isDeleted }
}

extension BoardState {
    /// Issues the board and the default list show: the header's count, equal to `lanes list`'s.
    public var shownByDefaultCount: Int { issues.count - hiddenCount }

    /// The event kinds for archiving, unarchiving, deleting or restoring `number`; none if the
    /// issue is already so. A deleted issue can be restored (and undone), nothing else.
    func lifecycleKinds(_ number: Int, _ step: LifecycleStep) throws(BoardError) -> [EventKind] {
        guard let issue = issues[number] else { throw .noSuchIssue(number) }
        if issue.isDeleted, !step.isAboutDeletion { throw .deletedIssue(number) }
        let current = step.isAboutDeletion ? issue.isDeleted : issue.isArchived
        return current == step.sets ? [] : [.lifecycle(step)]
    }

    /// What undoes `step` on `number`, seen before it is applied: nothing if it changes nothing.
    func lifecycleInverse(_ number: Int, _ step: LifecycleStep) -> [Change]? {
        guard let issue = issues[number] else { return nil }
        let current = step.isAboutDeletion ? issue.isDeleted : issue.isArchived
        return current == step.sets ? [] : [.lifecycle(number, step.opposite)]
    }
}

extension IssueField {
    /// The field a lifecycle step sets.
    static func lifecycle(_ step: LifecycleStep) -> IssueField { step.isAboutDeletion ? .deleted : .archived }
}

extension LifecycleStep {
    /// The step every change of `changes` takes, if they all take the same one.
    static func common(to changes: [Change]) -> LifecycleStep? {
        let steps = changes.map { change -> LifecycleStep? in if case .lifecycle(_, let step) = change { step } else { nil } }
        guard let first = steps.first ?? nil, steps.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    /// How a report says that an issue needed no such step: "1 was already archived".
    var alreadyDone: String {
        switch self {
        case .archived: "already archived"
        case .unarchived: "not archived"
        case .deleted: "already deleted"
        case .restored: "not deleted"
        }
    }
}

/// The flags and stamps as read, whichever way they are kept (tests compare issues by their text).
extension Lifecycle: CustomStringConvertible {
    public var description: String {
        "Lifecycle(isArchived: \(isArchived), isDeleted: \(isDeleted), archivedStamp: \(archivedStamp), deletedStamp: \(deletedStamp))"
    }
}
