import BoardAccess

/// The role of whoever is on the other end of `lanes ssh-gateway`, for the commands it runs in
/// this process (their name and board are fixed through `LANES_USER` and `LANES_BOARD`): nil
/// when Lanes runs as itself (the service account, or anyone on their own board).
struct GatewaySession {
    var role: AccessRole

    nonisolated(unsafe) static var current: GatewaySession?

    /// Why the full-screen board refuses this person's column changes (`:column`, the column
    /// menu): the same rule, and words, as `lanes columns …` on the command line.
    var columnsRefusal: String? { GatewayPolicy.refusal(command: "columns", role: role) }

    /// What a viewer's writes are refused with, on the command line and in the full-screen board.
    static let viewerReason = "read-only: viewer"
}
