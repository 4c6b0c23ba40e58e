/// The files of access over SSH (`lanes access`, `lanes ssh-gateway`), private to the account
/// that owns the board.
extension BoardLocation {
    /// Who has which role: `NAME ROLE` lines (see `RoleTable`).
    public var rolesPath: String { Path.join(directory, "roles") }
    /// What the gateway refused: one line per attempt (see `AccessLog`).
    public var accessLogPath: String { Path.join(directory, "access.log") }
}
