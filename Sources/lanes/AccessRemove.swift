import ArgumentParser
import BoardAccess
import BoardModel

/// `lanes access remove NAME`: NAME's keys stop opening this board at their next connection.
struct AccessRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Take NAME's access to this board away (all their keys).")

    @OptionGroup var access: AccessOptions
    @Argument(help: "The person's name.") var name: String

    func run() throws {
        try access.edit { keys, roles, location in
            let count = keys.entries.count
            keys.entries.removeAll { $0.name == name && $0.board == location.root }
            guard keys.entries.count < count || roles[name] != nil else {
                throw BoardError.invalid("nobody called \(name) has access to this board")
            }
            roles[name] = nil
            Output.print("\(name) can no longer connect (\(Plural.count(count - keys.entries.count, "key")) removed)")
        }
    }
}
