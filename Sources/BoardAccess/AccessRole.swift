/// What a person reaching the board through `lanes ssh-gateway` may do.
public enum AccessRole: String, CaseIterable, Sendable {
    /// Sees everything, changes nothing.
    case viewer
    /// Does everything on issues.
    case member
    /// Also changes columns and who has access.
    case admin

    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
