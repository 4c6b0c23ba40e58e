/// How two issues are linked, as seen from one of them: `#3 blocks #7` is `#7 blocked-by #3`.
///
/// The log records a link once, in its forward form (`blocks`, `duplicates`, `parent-of`,
/// `relates-to`), on the issue it starts from; each issue's `links` hold it from both sides.
public enum LinkType: String, CaseIterable, Hashable, Sendable {
    case blocks
    case duplicates
    case parentOf = "parent-of"
    case relatesTo = "relates-to"
    case blockedBy = "blocked-by"
    case duplicatedBy = "duplicated-by"
    case childOf = "child-of"

    /// The same link seen from the other issue (`relates-to` is its own inverse).
    public var inverse: LinkType {
        switch self {
        case .blocks: .blockedBy
        case .blockedBy: .blocks
        case .duplicates: .duplicatedBy
        case .duplicatedBy: .duplicates
        case .parentOf: .childOf
        case .childOf: .parentOf
        case .relatesTo: .relatesTo
        }
    }

    /// Whether this is the form the log writes (the four types `lanes link` names first).
    public var isForward: Bool {
        switch self {
        case .blocks, .duplicates, .parentOf, .relatesTo: true
        case .blockedBy, .duplicatedBy, .childOf: false
        }
    }

    /// The forward types, as `lanes link --help` and completion list them first.
    public static let forward: [LinkType] = allCases.filter(\.isForward)

    /// Whether a chain of these links must never come back to where it started: an issue
    /// cannot wait on itself, nor be its own ancestor.
    public var refusesCycles: Bool { self == .blocks || self == .parentOf }

    /// The type named `name` (any case), or an error listing the types.
    public static func named(_ name: String) throws(BoardError) -> LinkType {
        guard let type = LinkType(rawValue: name.lowercased()) else {
            throw .invalid("no link type \"\(name)\"; use \(Plural.choice(allCases.map(\.rawValue)))")
        }
        return type
    }

    /// Words for "#3 TYPE #7" in messages and the issue view: "blocks", "is blocked by".
    public var phrase: String {
        switch self {
        case .blocks: "blocks"
        case .blockedBy: "is blocked by"
        case .duplicates: "duplicates"
        case .duplicatedBy: "is duplicated by"
        case .parentOf: "is the parent of"
        case .childOf: "is a child of"
        case .relatesTo: "relates to"
        }
    }
}

/// One link of an issue to another, from this issue's side.
public struct IssueLink: Hashable, Sendable {
    public var type: LinkType
    /// The other issue's number.
    public var issue: Int

    public init(_ type: LinkType, _ issue: Int) {
        self.type = type
        self.issue = issue
    }
}
