import BoardModel

/// Who has which role on a board: `.lanes/roles`, one `NAME ROLE` line each, private to the
/// service account (0600). Kept beside the board rather than in `authorized_keys` because the
/// gateway knows its board but not which keys file sshd read, and because one key file can
/// serve several boards with different roles.
///
/// It also remembers the key file `lanes access --authorized-keys FILE` last managed
/// (`authorized-keys=FILE`), so that an admin's `ssh HOST access add …` edits the file sshd
/// reads even where that is not `~/.ssh/authorized_keys`.
public struct RoleTable: Equatable, Sendable {
    public private(set) var roles: [(name: String, role: AccessRole)] = []
    public var keysFile: String?
    static let keysFilePrefix = "authorized-keys="

    public init() {}

    /// Parses the file's text; a line it cannot read is refused rather than skipped, so that a
    /// damaged file never silently turns an admin into nobody or a viewer into a member.
    public init(text: String) throws(BoardError) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = line.split(separator: " ")
            if words.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix(RoleTable.keysFilePrefix) {
                keysFile = String(line.dropFirst(RoleTable.keysFilePrefix.count))
                continue
            }
            guard words.count == 2, let role = AccessRole(rawValue: String(words[1])), AccessName.isValid(String(words[0])) else {
                throw .invalid("roles line \(index + 1) is not NAME ROLE: \(line)")
            }
            self[String(words[0])] = role
        }
    }

    public subscript(name: String) -> AccessRole? {
        get { roles.first { $0.name == name }?.role }
        set {
            roles.removeAll { $0.name == name }
            if let newValue { roles.append((name, newValue)) }
        }
    }

    public var text: String {
        "# lanes access roles: NAME ROLE (written by `lanes access`)\n" + (keysFile.map { RoleTable.keysFilePrefix + $0 + "\n" } ?? "")
            + roles.map { "\($0.name) \($0.role.rawValue)\n" }.joined()
    }

    public static func == (a: RoleTable, b: RoleTable) -> Bool { a.text == b.text }
}

/// Names people get through `lanes access`: they end up inside a forced command that sshd runs
/// through the account's shell, so only characters no shell treats specially are allowed.
public enum AccessName {
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 64, first != "-", first != "." else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
    }

    public static func check(_ name: String) throws(BoardError) {
        guard isValid(name) else {
            throw .invalid("bad name \"\(name)\": use letters, digits, . _ and - (not first), at most 64")
        }
    }
}
