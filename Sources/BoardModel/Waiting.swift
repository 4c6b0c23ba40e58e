/// An issue set aside until a date: "waiting on the customer until Friday".
///
/// While its date has not begun (in the reader's zone, `DayClock`) the issue is *snoozed*:
/// off the board and the default list. From that day on it is *resurfaced* (back, marked)
/// until someone touches it. The fold keeps only facts from the log (who snoozed it, when,
/// and the last later change by that same person), so every clone agrees; which of the two
/// it is now is read against a clock.
public struct Snooze: Hashable, Sendable {
    public var until: CalendarDate
    /// Who set it aside: their own later changes do not wake it.
    public var by: String
    public var at: Timestamp
    /// The latest change by `by` since the snooze: after the date has begun, it means the
    /// issue was seen and is no longer "back from waiting".
    public var touched: Timestamp?

    public init(until: CalendarDate, by: String, at: Timestamp, touched: Timestamp? = nil) {
        self.until = until
        self.by = by
        self.at = at
        self.touched = touched
    }
}

/// A snooze ended early by someone else's change: what the activity view and the writer's
/// status line say ("woken by bob's comment").
public struct Wake: Hashable, Sendable {
    public var by: String
    public var at: Timestamp
    /// The date it was waiting for.
    public var until: CalendarDate
    /// What woke it, in the event's words ("commented").
    public var kind: String

    public init(by: String, at: Timestamp, until: CalendarDate, kind: String) {
        self.by = by
        self.at = at
        self.until = until
        self.kind = kind
    }
}

/// An issue's snooze and last wake, kept behind one reference (`Issue.waiting`). Immutable:
/// a change makes a new record, so issues stay values.
@usableFromInline package final class WaitingRecord: Hashable, Sendable {
    let snooze: Snooze?
    let woken: Wake?

    init?(snooze: Snooze?, woken: Wake?) {
        guard snooze != nil || woken != nil else { return nil }
        self.snooze = snooze
        self.woken = woken
    }

    @usableFromInline package static func == (a: WaitingRecord, b: WaitingRecord) -> Bool { a.snooze == b.snooze && a.woken == b.woken }
    @usableFromInline package func hash(into hasher: inout Hasher) {
        hasher.combine(snooze)
        hasher.combine(woken)
    }
}

extension Issue {
    /// Set aside until a date (see `Snooze`); nil once woken or cleared.
    public var snooze: Snooze? {
        get { waiting?.snooze }
        set { waiting = WaitingRecord(snooze: newValue, woken: woken) }
    }

    /// The last time someone else's change woke it early.
    public var woken: Wake? {
        get { waiting?.woken }
        set { waiting = WaitingRecord(snooze: snooze, woken: newValue) }
    }
}

extension Snooze {
    /// The day a `DATE|none` answer (`lanes snooze`, the `s` prompt) snoozes until, or nil to
    /// wake: a snooze must end after today, or it would be back before it left.
    public static func parseUntil(_ text: String, today: CalendarDate) throws(BoardError) -> CalendarDate? {
        let day = try DateExpression.parseOrNone(text, today: today)
        if let day, day <= today {
            throw .invalid("\(text.trimmingSpaces) is not after today (\(today)); snooze until a later day, or none")
        }
        return day
    }
}

extension Issue {
    /// Waiting until a day that has not begun yet.
    public func isSnoozed(_ clock: DayClock) -> Bool {
        guard let snooze else { return false }
        return clock.today < snooze.until
    }

    /// Back from waiting by itself and not touched since its day began.
    public func isResurfaced(_ clock: DayClock) -> Bool {
        guard let snooze, snooze.until <= clock.today else { return false }
        return snooze.touched.map { clock.day(of: $0) < snooze.until } ?? true
    }

    /// Open, with a due date before today.
    public func isOverdue(_ clock: DayClock) -> Bool {
        guard let due, isOpen else { return false }
        return due < clock.today
    }

    /// Shown on the board and in the default list: anything not waiting.
    public func isShownByDefault(_ clock: DayClock) -> Bool { !isSnoozed(clock) }

    /// The one rule of waiting, applied to every event by the fold (so any writer, the CLI, the
    /// board, an import or a mail reply, gets it for free): **a change by someone else wakes a
    /// waiting issue at once**; a change by the person who snoozed it only counts as touching it.
    /// (A `snoozed` event itself sets or clears the snooze in the fold's switch.)
    mutating func foldWaiting(_ event: Event) {
        // Most issues wait for nothing: asked first, before the event's kind is looked at.
        guard let current = snooze, event.at >= current.at else { return }
        if case .snoozed = event.kind { return }
        if event.actor == current.by {
            var touched = current
            touched.touched = max(current.touched ?? event.at, event.at)
            snooze = touched
        } else {
            waiting = WaitingRecord(snooze: nil, woken: Wake(by: event.actor, at: event.at, until: current.until, kind: event.kind.name))
        }
    }
}

extension Wake {
    /// "#4 is back from waiting (bob commented; it waited until 2026-12-04)": said to whoever
    /// wrote the change (the CLI, the board's status line) and to the person who snoozed it.
    public func describe(issue number: Int) -> String {
        "#\(number) is back from waiting (\(by) \(kind); it waited until \(until))"
    }

    /// The wakes that `events` (just written or just read) caused, in words.
    public static func reports(for events: [Event], in state: BoardState) -> [String] {
        var seen = Set<Int>()
        return events.compactMap { event in
            guard let issue = state.issues[event.issue], let wake = issue.woken, wake.at == event.at,
                  wake.by == event.actor, seen.insert(event.issue).inserted else { return nil }
            return wake.describe(issue: event.issue)
        }
    }
}
