import ArgumentParser
import BoardAccess
import BoardModel

/// `lanes access role NAME ROLE`: takes effect at NAME's next connection.
struct AccessRoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "role", abstract: "Change NAME's role: viewer, member or admin.")

    @OptionGroup var access: AccessOptions
    @Argument(help: "The person's name.") var name: String
    @Argument(help: "viewer, member or admin.") var role: AccessRole

    func run() throws {
        try access.edit { keys, roles, location in
            guard keys.entries(board: location.root).contains(where: { $0.name == name }) else {
                throw BoardError.invalid("nobody called \(name) has access to this board (lanes access add \(name) --key FILE)")
            }
            roles[name] = role
            Output.print("\(name) is now \(role == .admin ? "an" : "a") \(role.rawValue)")
        }
    }
}
