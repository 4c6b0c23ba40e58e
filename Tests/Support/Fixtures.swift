import BoardModel

/// Builds events with predictable ids and times for tests.
public struct EventFactory {
    public var next = 0
    public var start: Int64 = 1_780_000_000_000

    public init() {}

    public mutating func make(_ issue: Int, _ kind: EventKind, by actor: String = "ann", minute: Int? = nil) -> Event {
        next += 1
        let time = Timestamp(milliseconds: start + Int64(minute ?? next) * 60_000)
        return Event(id: EventID(UInt64(next)), at: time, actor: actor, issue: issue, kind: kind)
    }
}

/// A board state after applying changes as `actor`, failing the test on an error.
public func board(_ changes: [Change], actor: String = "ann", now: Timestamp = Timestamp(milliseconds: 1_780_000_000_000)) throws -> BoardState {
    var state = BoardState()
    var counter = 0
    for change in changes {
        let events = try state.events(for: change, actor: actor, at: now) {
            counter += 1
            return EventID(UInt64(counter))
        }
        state.apply(events)
    }
    return state
}
