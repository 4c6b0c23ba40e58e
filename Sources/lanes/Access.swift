import ArgumentParser

/// `lanes access …`: who reaches this board over SSH through the service account, and how.
struct Access: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Give people access to this board over SSH by key (run as the account that owns the board).",
        discussion: "Each person is a key in a managed block of ~/.ssh/authorized_keys whose forced command is lanes ssh-gateway; see docs/sharing.md.",
        subcommands: [AccessAdd.self, AccessList.self, AccessRemove.self, AccessRoleCommand.self, AccessLogCommand.self]
    )
}
