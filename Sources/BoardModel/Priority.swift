/// How urgent an issue is. Ordered from most to least urgent.
public enum Priority: String, CaseIterable, Sendable, Comparable {
    case urgent, high, medium, low, none

    /// Sort position: urgent first.
    public var order: Int {
        switch self {
        case .urgent: 0
        case .high: 1
        case .medium: 2
        case .low: 3
        case .none: 4
        }
    }

    public static func < (a: Priority, b: Priority) -> Bool { a.order < b.order }

    /// Accepts the full name or its first letter (`u h m l n`), case-insensitively.
    public init?(name: String) {
        let lower = name.lowercased()
        if let exact = Priority(rawValue: lower) { self = exact; return }
        guard let match = Priority.allCases.first(where: { lower.count == 1 && $0.rawValue.hasPrefix(lower) }) else {
            return nil
        }
        self = match
    }

    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
