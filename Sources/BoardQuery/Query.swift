import Foundation
import BoardModel

/// A parsed search, shared by `lanes list` and the board's `/` filter.
///
/// GitHub-style words: `is:open assignee:me label:bug -label:wontfix column:doing priority:high
/// author:ann updated:<7d created:>2026-01-31 sort:updated-desc "free text"`. Terms are ANDed; a
/// leading `-` negates a term. A word the language does not know is an error, not an empty result.
public struct Query: Hashable, Sendable {
    public var terms: [QueryTerm]
    public var sort: QuerySort
    /// The text the query was parsed from, for the status line.
    public var source: String
    /// The zone whose days decide whether an issue still waits (see `showsWaiting`).
    public var zone: TimeZone

    public init(terms: [QueryTerm] = [], sort: QuerySort = QuerySort(), source: String = "", zone: TimeZone = .current) {
        self.terms = terms
        self.sort = sort
        self.source = source
        self.zone = zone
    }

    public static let everything = Query()

    public var isEmpty: Bool { terms.isEmpty }

    /// Whether every issue this query matches also matches `other`: it keeps other's terms and
    /// only adds terms, or lengthens its last free-text word. (Typing forward in the filter.)
    public func narrows(_ other: Query) -> Bool {
        guard revealsArchived == other.revealsArchived else { return false }
        guard sort == other.sort, terms.count >= other.terms.count, !other.terms.isEmpty else { return other.terms.isEmpty && sort == other.sort }
        for index in other.terms.indices where terms[index] != other.terms[index] {
            guard index == other.terms.count - 1,
                  case .text(let longer) = terms[index].condition, case .text(let shorter) = other.terms[index].condition,
                  !terms[index].negated, !other.terms[index].negated, longer.contains(shorter) else { return false }
        }
        return true
    }
}

/// One condition of a query.
public struct QueryTerm: Hashable, Sendable {
    public enum Condition: Hashable, Sendable {
        case open, closed, stale
        /// Open with no assignee or no label: what a lead still has to triage.
        case untriaged
        /// `nil` matches issues with no assignee.
        case assignee(String?)
        case label(String)
        case column(String)
        case priority(Priority)
        case author(String)
        /// `reporter:ana@example.com` or `reporter:@example.com` (see `Reporter.matches`).
        case reporter(String)
        case text(String)
        case created(DateBound)
        case updated(DateBound)
        /// `is:archived`: asking for it is what shows archived issues (`Query+Hidden.swift`).
        case archived
        /// Open and due before the clock's day.
        case overdue(DayClock)
        /// Waiting until a day after the clock's day.
        case snoozed(DayClock)
        /// Back from waiting and not touched since.
        case resurfaced(DayClock)
        case due(DueBound)
        /// Named with `@` in the description or a comment.
        case mentions(String)
        /// Needs this person now: what their digest lists (`Digest.Rules`).
        case attention(Digest.Rules)
        /// `is:blocked`: an open issue blocks it. `is:parent`, `has:duplicates`.
        case blocked, parent, hasDuplicates
        /// `blocks:N`, `blocked-by:N`, `parent:N`: the issue has this link (from its side).
        case link(LinkType, Int)
    }

    public var condition: Condition
    public var negated: Bool

    public init(_ condition: Condition, negated: Bool = false) {
        self.condition = condition
        self.negated = negated
    }
}

/// A bound on a time: before/after an absolute date, or younger/older than an age.
public struct DateBound: Hashable, Sendable {
    public enum Relation: Hashable, Sendable { case before, after, on }
    public var relation: Relation
    /// For an absolute date, the start of that UTC day; for an age, `now - age`.
    public var moment: Timestamp

    public init(relation: Relation, moment: Timestamp) {
        self.relation = relation
        self.moment = moment
    }

    public func contains(_ time: Timestamp) -> Bool {
        switch relation {
        case .before: time < moment
        case .after: time >= moment
        case .on: time >= moment && time.milliseconds < moment.milliseconds + Timestamp.day
        }
    }
}

/// The order of query results.
public struct QuerySort: Hashable, Sendable {
    public enum Key: String, Hashable, Sendable, CaseIterable { case id, created, updated, priority, due, duplicates, reporters }
    public var key: Key
    public var descending: Bool
    public init(key: Key = .id, descending: Bool = false) {
        self.key = key
        self.descending = descending
    }

    /// The query word that gives this sort, as a user types it: `sort:updated-desc`.
    public var term: String { "sort:" + key.rawValue + (descending ? "-desc" : "") }
}
