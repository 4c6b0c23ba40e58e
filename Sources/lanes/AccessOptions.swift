#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import BoardAccess
import BoardModel
import BoardStore

/// The board and the key file every `lanes access` subcommand works on.
struct AccessOptions: ParsableArguments {
    @OptionGroup var options: BoardOptions

    @Option(name: .customLong("authorized-keys"),
            help: ArgumentHelp("The key file sshd reads for this account (default: ~/.ssh/authorized_keys).", valueName: "file"))
    var authorizedKeys: String?

    /// The board, which must exist: access is given to a board, not to a directory.
    func location() throws -> BoardLocation {
        let location = options.location
        guard location.exists else { throw BoardError.invalid("no board at \(location.root) (create one first with lanes init)") }
        return location
    }

    /// `--authorized-keys`, else the file this board's access was last managed in, else
    /// `~/.ssh/authorized_keys`. Through the gateway the option is refused: an admin manages
    /// access, not the account's files.
    func keysPath(_ roles: RoleTable) throws -> String {
        if let authorizedKeys {
            if GatewaySession.current != nil { throw BoardError.invalid("--authorized-keys is not allowed over SSH") }
            return URL(fileURLWithPath: authorizedKeys).standardizedFileURL.path
        }
        return roles.keysFile ?? AccessOptions.home + "/.ssh/authorized_keys"
    }

    /// The account's home: `$HOME` unless it is unset, then the password database's.
    static var home: String {
        if let home = Environment.variables["HOME"], !home.isEmpty { return home }
        if let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir { return String(cString: dir) }
        return "/"
    }

    /// The roles of `location`'s board.
    static func roles(_ location: BoardLocation) throws -> RoleTable {
        try PrivateFile.read(location.rolesPath).map { text throws(BoardError) in try RoleTable(text: text) } ?? RoleTable()
    }

    /// Reads the key file and the roles under the key file's lock, lets `change` edit them and
    /// writes back what changed: the key file first, so a crash in between leaves a key without
    /// a role (the gateway refuses it) rather than a role that grants more than its key should.
    func edit(_ change: (inout AuthorizedKeys, inout RoleTable, BoardLocation) throws -> Void) throws {
        let location = try location()
        let path = try keysPath(AccessOptions.roles(location))
        try PrivateFile.makeDirectory(URL(fileURLWithPath: path).deletingLastPathComponent().path)
        try PrivateFile.makePrivate(location.directory)
        try PrivateFile.whileLocked(path + ".lanes-lock") {
            let oldText = try PrivateFile.read(path) ?? ""
            var keys = try AuthorizedKeys(text: oldText)
            var roles = try AccessOptions.roles(location)
            let oldRoles = roles
            roles.keysFile = path == AccessOptions.home + "/.ssh/authorized_keys" ? nil : path
            try change(&keys, &roles, location)
            if keys.text != oldText { try PrivateFile.write(keys.text, to: path, layer: AccessOptions.fileLayer) }
            if roles != oldRoles { try PrivateFile.write(roles.text, to: location.rolesPath) }
        }
    }

    /// The system calls for writing the key file. For tests only: `LANES_TEST_PAUSE_BEFORE_RENAME=SECONDS`
    /// sleeps after the new file is written and synced and before it is renamed into place,
    /// saying `paused` on stderr, so a test can `kill -9` the process at the worst moment.
    static var fileLayer: FileLayer {
        var layer = FileLayer.system
        if let seconds = Environment.variables["LANES_TEST_PAUSE_BEFORE_RENAME"].flatMap(UInt32.init) {
            let rename = layer.rename
            layer.rename = { from, to in
                Output.error("paused")
                sleep(seconds)
                return rename(from, to)
            }
        }
        return layer
    }
}
