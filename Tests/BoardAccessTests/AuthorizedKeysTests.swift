import BoardAccess
import BoardModel
import Testing

struct AuthorizedKeysTests {
    // Public keys made with ssh-keygen -t ed25519 for these tests only.
    static let ann = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDlwP5V7v6kzqfMRrCUPtCcNG2nTx1iLbPWpYI3TpTY1 ann@laptop"
    static let bob = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA75/fz3HPv/dsJrYiYpAR08yiD9UAf2if07B5s9CAut"

    func entry(_ name: String, _ key: String, board: String = "/srv/web") throws -> AuthorizedKeys.Entry {
        AuthorizedKeys.Entry(name: name, board: board, key: try SSHKey(text: key), program: "/usr/local/bin/lanes")
    }

    @Test func fingerprintIsTheOneSSHKeygenPrints() throws {
        // ssh-keygen -lf ann.pub: 256 SHA256:G+Xiwry8jqxYkcMbci4GqbkG8mij+ilBlVtOoBL/hSw ann@laptop (ED25519)
        #expect(try SSHKey(text: Self.ann).fingerprint == "SHA256:G+Xiwry8jqxYkcMbci4GqbkG8mij+ilBlVtOoBL/hSw")
    }

    @Test func badKeyTextIsRefusedWithTheReason() {
        func reason(_ text: String) -> String {
            do { _ = try SSHKey(text: text); return "accepted" } catch { return error.description }
        }
        #expect(reason("") .contains("no key"))
        #expect(reason("-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----").contains("private key"))
        #expect(reason("ssh-foo AAAA").contains("unknown key type"))
        #expect(reason("ssh-ed25519 not*base64").contains("not valid base64"))
        #expect(reason("ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIDlwP5V7v6kzqfMRrCUPtCcNG2nTx1iLbPWpYI3TpTY1").contains("its data is a ssh-ed25519 key"))
        #expect(reason("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5").contains("cut short"))
        #expect(reason(Self.ann + "\n" + Self.bob).contains("one key at a time"))
    }

    @Test func linesOutsideTheBlockKeepEveryByte() throws {
        let outside = "ssh-rsa AAAAkeep me  \r\n\n# a comment\nno-pty ssh-ed25519 AAAAother"
        var keys = try AuthorizedKeys(text: outside)
        #expect(try keys.add(entry("ann", Self.ann)))
        let written = keys.text
        #expect(written.hasPrefix(outside + "\n" + AuthorizedKeys.beginMarker + "\n"))
        #expect(written.contains("command=\"/usr/local/bin/lanes ssh-gateway --user ann --board /srv/web\",restrict,pty ssh-ed25519 AAAAC3"))
        // Lines after the block too, and a second round trip changes nothing.
        let withAfter = written + "from=\"10.0.0.1\" ssh-ed25519 AAAAlater\n"
        var again = try AuthorizedKeys(text: withAfter)
        #expect(again.text == withAfter)
        again.entries.removeAll()
        #expect(again.text == outside + "\n" + AuthorizedKeys.beginMarker + "\n" + AuthorizedKeys.endMarker + "\nfrom=\"10.0.0.1\" ssh-ed25519 AAAAlater\n")
    }

    @Test func aKeyIsOnePerson() throws {
        var keys = try AuthorizedKeys(text: Self.bob + " bob-by-hand\n")
        #expect(try keys.add(entry("ann", Self.ann)))
        #expect(try !keys.add(entry("ann", Self.ann)), "the same key for the same person changes nothing")
        #expect(throws: BoardError.self) { try keys.add(entry("carl", Self.ann)) }
        #expect(throws: BoardError.self) { try keys.add(entry("ann", Self.ann, board: "/srv/other")) }
        #expect(throws: BoardError.self) { try keys.add(entry("bob", Self.bob)) } // already outside the block
    }

    @Test func aHandEditInsideTheBlockIsRefusedNotLost() throws {
        let text = "\(AuthorizedKeys.beginMarker)\n\(Self.bob)\n\(AuthorizedKeys.endMarker)\n"
        #expect(throws: BoardError.self) { try AuthorizedKeys(text: text) }
        #expect(throws: BoardError.self) { try AuthorizedKeys(text: "\(AuthorizedKeys.beginMarker)\n") }
    }

    @Test func rolesRoundTripAndRefuseDamage() throws {
        var roles = RoleTable()
        roles["ann"] = .admin
        roles["bob"] = .viewer
        roles["bob"] = .member
        let read = try RoleTable(text: roles.text)
        #expect(read["ann"] == .admin && read["bob"] == .member && read["carl"] == nil)
        #expect(throws: BoardError.self) { try RoleTable(text: "ann superuser\n") }
    }

    @Test func theGatewayGatesAdminAndHostCommands() {
        #expect(GatewayPolicy.refusal(command: "columns", role: .member) != nil)
        #expect(GatewayPolicy.refusal(command: "access", role: .viewer) != nil)
        #expect(GatewayPolicy.refusal(command: "access", role: .admin) == nil)
        #expect(GatewayPolicy.refusal(command: "sync", role: .admin) != nil)
        #expect(GatewayPolicy.refusal(command: "list", role: .viewer) == nil)
        #expect(GatewayPolicy.refusal(command: nil, role: .viewer) == nil)
        #expect(GatewayPolicy.identityRefusal(["add", "--as=bob", "x"]) != nil)
        #expect(GatewayPolicy.identityRefusal(["list", "--board", "/x"]) != nil)
        #expect(GatewayPolicy.identityRefusal(["add", "--", "--as"]) == nil, "after -- it is a title")
    }
}
