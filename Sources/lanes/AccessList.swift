import ArgumentParser
import BoardAccess
import BoardExchange
import BoardStore

/// `lanes access list [--format json]`: who can connect to this board, with which role and keys.
struct AccessList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List who has access, their role and key fingerprints.")

    enum Format: String, ExpressibleByArgument { case table, json }

    @OptionGroup var access: AccessOptions
    @Option(help: "table or json.") var format: Format = .table

    func run() throws {
        let location = try access.location()
        let roles = try AccessOptions.roles(location)
        let keys = try AuthorizedKeys(text: PrivateFile.read(try access.keysPath(roles)) ?? "")
        let entries = keys.entries(board: location.root)
        var names: [String] = []
        for entry in entries where !names.contains(entry.name) { names.append(entry.name) }
        let people = names.map { name in
            (name: name, role: roles[name], keys: entries.filter { $0.name == name }.map(\.key))
        }
        switch format {
        case .json:
            var json = JSONWriter()
            json.beginArray()
            for person in people {
                json.beginObject()
                json.field("name", person.name)
                json.key("role")
                if let role = person.role { json.string(role.rawValue) } else { json.null() }
                json.key("keys")
                json.beginArray()
                for key in person.keys {
                    json.beginObject()
                    json.field("type", key.type)
                    json.field("fingerprint", key.fingerprint)
                    json.endObject()
                }
                json.endArray()
                json.endObject()
            }
            json.endArray()
            Output.print(utf8: json.bytes)
        case .table:
            if people.isEmpty { Output.print("nobody has access yet (lanes access add NAME --key FILE)"); return }
            for person in people {
                for key in person.keys {
                    Output.print("\(person.name)  \(person.role?.rawValue ?? "(no role: refused)")  \(key.type) \(key.fingerprint)")
                }
            }
        }
    }
}
