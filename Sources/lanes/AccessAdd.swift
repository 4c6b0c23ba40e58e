#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import BoardAccess
import BoardModel
import BoardStore
import Foundation

/// `lanes access add NAME --key FILE|- [--role ROLE]`.
struct AccessAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Let NAME in with a public key (FILE, or - for stdin).")

    @OptionGroup var access: AccessOptions
    @Argument(help: "The person's name on the board (letters, digits, . _ -).") var name: String
    @Option(help: ArgumentHelp("Their public key: a .pub file, or - to read it from stdin.", valueName: "file")) var key: String
    @Option(help: "viewer, member or admin.") var role: AccessRole = .member

    func run() throws {
        try AccessName.check(name)
        let parsed = try SSHKey(text: try readKey())
        let program = try AccessAdd.program()
        try access.edit { keys, roles, location in
            try AuthorizedKeys.checkPath(location.root, what: "the board")
            let entry = AuthorizedKeys.Entry(name: name, board: location.root, key: parsed, program: program)
            let added = try keys.add(entry)
            let before = roles[name]
            roles[name] = role
            if !added, before == role { Output.print("\(name) already has this key (\(parsed.fingerprint)) as \(role.rawValue)"); return }
            Output.print("\(name) (\(role.rawValue)) can now connect with \(parsed.fingerprint)")
        }
    }

    func readKey() throws -> String {
        if key == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        guard let data = FileManager.default.contents(atPath: key) else {
            throw BoardError.io("cannot read the key file \(key)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The running `lanes`, by absolute path: sshd runs forced commands with its own short
    /// `PATH` (no `~/.local/bin`), and an absolute path cannot be redirected by what is on it.
    static func program() throws -> String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        try AuthorizedKeys.checkPath(resolved, what: "the lanes binary")
        return resolved
    }
}

extension AccessRole: ExpressibleByArgument {}
