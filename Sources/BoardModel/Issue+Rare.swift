/// The fields most issues never set: the people mentioned, links to other issues, the mail
/// reporters and the waiting state (snooze and wake), kept behind one reference that is nil
/// while all are empty, so that they cost an issue 8 bytes instead of 32 (a big board holds a
/// million issues in one array; `IssueLayoutTests`). Immutable: a change makes a new record
/// (records are shared between copies of an issue), so issues stay values.
@usableFromInline final class RareFields: Hashable, Sendable {
    @usableFromInline let waiting: WaitingRecord?
    @usableFromInline let mentions: [Mention]
    @usableFromInline let links: [IssueLink]
    @usableFromInline let reporters: [String]

    /// The record, or nil when every field is empty.
    static func make(waiting: WaitingRecord?, mentions: [Mention], links: [IssueLink], reporters: [String]) -> RareFields? {
        guard waiting != nil || !mentions.isEmpty || !links.isEmpty || !reporters.isEmpty else { return nil }
        return RareFields(waiting: waiting, mentions: mentions, links: links, reporters: reporters)
    }

    private init(waiting: WaitingRecord?, mentions: [Mention], links: [IssueLink], reporters: [String]) {
        self.waiting = waiting
        self.mentions = mentions
        self.links = links
        self.reporters = reporters
    }

    @usableFromInline static func == (a: RareFields, b: RareFields) -> Bool {
        a.waiting == b.waiting && a.mentions == b.mentions && a.links == b.links && a.reporters == b.reporters
    }

    @usableFromInline func hash(into hasher: inout Hasher) {
        hasher.combine(waiting)
        hasher.combine(mentions)
        hasher.combine(links)
        hasher.combine(reporters)
    }
}

/// The fields as read, whichever way they are kept (tests compare issues by their text).
extension RareFields: CustomStringConvertible {
    @usableFromInline var description: String {
        "RareFields(snooze: \(String(describing: waiting?.snooze)), woken: \(String(describing: waiting?.woken)), "
            + "mentions: \(mentions), links: \(links), reporters: \(reporters))"
    }
}

extension Issue {
    /// The snooze and the last early wake (see `Waiting.swift`).
    package var waiting: WaitingRecord? {
        @inlinable get { rare?.waiting }
        set { rare = .make(waiting: newValue, mentions: mentions, links: links, reporters: reporters) }
    }

    /// Everyone named with `@` in its description or comments.
    public var mentions: [Mention] {
        @inlinable get { rare?.mentions ?? [] }
        set { rare = .make(waiting: waiting, mentions: newValue, links: links, reporters: reporters) }
    }

    /// Links to other issues from this side (`#7 blocked-by #3` here is `#3 blocks #7` there).
    public var links: [IssueLink] {
        @inlinable get { rare?.links ?? [] }
        set { rare = .make(waiting: waiting, mentions: mentions, links: newValue, reporters: reporters) }
    }

    /// Who reported it by mail (`Name <address>`), first reporter first (see `Issue+Reporters.swift`).
    public var reporters: [String] {
        @inlinable get { rare?.reporters ?? [] }
        set { rare = .make(waiting: waiting, mentions: mentions, links: links, reporters: newValue) }
    }
}
