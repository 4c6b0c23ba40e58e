import Observation

/// The one owner of the board's current state, its version, where the last change came from
/// and which issues recent versions changed.
///
/// The store writes through it (`update`, `apply`, `replace`); derived structures (projections,
/// sorted orders, search text, swimlane bands) key off `version`; the run loop observes
/// `version` to know when to redraw, whoever changed the board. Folding happens on the plain
/// `BoardState` in place (no observation overhead per event, and never a copy of 100,000
/// issues); each batch is published once.
@Observable
public final class ObservableBoard {
    /// Where the newest version came from.
    public enum Origin: Sendable {
        /// A commit of this process.
        case thisProcess
        /// Lines other writers appended, read from the log's tail.
        case otherWriters
        /// The whole board read again (opening, a replaced file, a failed write).
        case reload
    }

    @ObservationIgnored private var current: BoardState
    /// The board now. A tracked read: mutation goes through `update`, in place, never a get and
    /// a set (that would copy every issue).
    public var state: BoardState {
        access(keyPath: \.state)
        return current
    }
    /// Increases with every batch of events and every `replace`, so derived structures can
    /// tell whether they are still current, and observers hear of each batch once.
    public private(set) var version = 0
    /// Who made the newest version: this process, other writers, or a reload.
    public private(set) var lastOrigin = Origin.reload
    /// Which issues recent versions changed (see `changedIssues(since:)`), oldest first.
    @ObservationIgnored private var changeLog: [(version: Int, issues: [Int])] = []
    /// The version of the last `replace`: nothing before it can be updated incrementally.
    @ObservationIgnored private var replacedAt = 0
    /// How many versions `changeLog` keeps.
    private static let changeLogLimit = 64

    public init(state: BoardState) {
        current = state
    }

    /// Folds `events` into the board as one batch.
    public func apply(_ events: [Event], origin: Origin = .thisProcess) {
        guard !events.isEmpty else { return }
        update(origin: origin) { state in
            state.apply(events)
            return events
        }
    }

    /// Changes the board in place: `build` applies events to the state it is given and returns
    /// them. If it returns any, they make a new version from `origin`. Whatever `build` did is
    /// kept even if it throws (the caller decides whether to read the board back).
    @discardableResult
    public func update<Failure: Error>(origin: Origin, _ build: (inout BoardState) throws(Failure) -> [Event]) throws(Failure) -> [Event] {
        // The macro's `withMutation` is untyped `rethrows`: carry the typed error through a Result.
        let result: Result<[Event], Failure> = withMutation(keyPath: \.state) {
            do throws(Failure) {
                return .success(try build(&current))
            } catch {
                return .failure(error)
            }
        }
        let events = try result.get()
        guard !events.isEmpty else { return events }
        version += 1
        lastOrigin = origin
        changeLog.append((version, events.flatMap(\.touchedIssues)))
        if changeLog.count > ObservableBoard.changeLogLimit { changeLog.removeFirst() }
        return events
    }

    /// Puts a board read again in place of the current one. What changed before is forgotten:
    /// derived structures rebuild from it.
    public func replace(with state: consuming BoardState) {
        withMutation(keyPath: \.state) {
            swap(&current, &state) // a move: the caller's copy is gone, the old board is freed on return
        }
        version += 1
        lastOrigin = .reload
        changeLog = []
        replacedAt = version
    }

    /// The issues changed between `version` and now, if still known (nil across a `replace`,
    /// a change of columns, or when `version` is older than the versions kept or not reached
    /// yet): what derived views need to update instead of recomputing from every issue.
    public func changedIssues(since version: Int) -> Set<Int>? {
        guard version >= replacedAt, version <= self.version else { return nil }
        if version == self.version { return [] }
        guard let first = changeLog.first, first.version <= version + 1 else { return nil }
        var issues = Set<Int>()
        for entry in changeLog where entry.version > version {
            if entry.issues.contains(0) { return nil } // board-wide: the columns changed
            issues.formUnion(entry.issues)
        }
        return issues
    }
}
