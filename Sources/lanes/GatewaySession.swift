import BoardAccess

/// Who is on the other end of `lanes ssh-gateway`, for the commands it runs in this process:
/// nil when Lanes runs as itself (the service account, or anyone on their own board).
struct GatewaySession {
    var name: String
    var role: AccessRole
    /// The key that connected, as `SHA256:…`, or why it is not known.
    var fingerprint: String

    nonisolated(unsafe) static var current: GatewaySession?

    /// Why the full-screen board refuses this person's column changes (`:column`, the column
    /// menu): the same rule, and words, as `lanes columns …` on the command line.
    var columnsRefusal: String? { GatewayPolicy.refusal(command: "columns", role: role) }

    /// What a viewer's writes are refused with, on the command line and in the full-screen board.
    static let viewerReason = "read-only: viewer"
}
