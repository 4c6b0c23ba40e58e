import Foundation
import Testing

/// A board a team shares on one host: group-writable, modes kept, clear read-only otherwise.
@Suite struct SharedBoardTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
    }

    func group(_ path: String) throws -> String {
        try FileManager.default.attributesOfItem(atPath: path)[.groupOwnerAccountName] as! String
    }

    @Test func initSharedMakesAGroupWritableSetgidStickyBoardAndWritesKeepIt() throws {
        #expect(chown(scratch.path, getuid(), 100) == 0) // group "users": the board takes it
        let created = try lanes.run(["init", "--shared"])
        #expect(created.status == 0 && created.stdout.contains("shared board"))
        let dir = scratch.path + "/.lanes"
        #expect(try mode(dir) & 0o7777 == 0o3770)
        #expect(try group(dir) == "users")
        #expect(try mode(dir + "/events") & 0o777 == 0o660)
        #expect(try mode(dir + "/lock") & 0o777 == 0o660)
        // Files created later (a torn tail set aside) get the directory's group and 0660.
        let handle = FileHandle(forWritingAtPath: dir + "/events")!
        handle.seekToEndOfFile()
        handle.write(Data("0000000000000001\t2026-01-01T00:00".utf8)) // a torn line
        try handle.close()
        #expect(try lanes.run(["add", "after a crash"]).status == 0)
        #expect(try mode(dir + "/torn") & 0o777 == 0o660)
        #expect(try group(dir + "/torn") == "users")
        #expect(try mode(dir + "/events") & 0o777 == 0o660, "appends keep the mode")
    }

    /// `sudo lanes init --shared` in a directory nobody gave the team's group would make a
    /// board only root can use.
    @Test func initSharedRefusesADirectoryOfTheGroupRoot() throws {
        #expect(chown(scratch.path, getuid(), 0) == 0)
        let created = try lanes.run(["init", "--shared"])
        #expect(created.status == 1)
        #expect(created.stderr.contains("group root") && created.stderr.contains("chgrp"), "\(created.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/.lanes"))
    }

    @Test func worldWritableBoardsGetAWarning() throws {
        #expect(try lanes.run(["init"]).status == 0)
        chmod(scratch.path + "/.lanes/events", 0o666)
        let result = try lanes.run(["list"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning:") && result.stderr.contains("writable by everyone"))
    }

    /// Someone without write permission gets a read-only board and a clear message.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser"), "needs root and runuser"))
    func aReaderWithoutWritePermissionGetsAReadOnlyBoard() throws {
        #expect(try lanes.run(["init"]).status == 0)
        #expect(try lanes.run(["add", "visible"]).status == 0)
        chmod(scratch.path, 0o755)
        chmod(scratch.path + "/.lanes", 0o755)
        chmod(scratch.path + "/.lanes/events", 0o644)
        let list = try lanes.run(["/usr/sbin/runuser", "-u", "nobody", "--", LanesProcess.binary, "list", "--board", scratch.path], direct: true)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("visible"))
        let add = try lanes.run(["/usr/sbin/runuser", "-u", "nobody", "--", LanesProcess.binary, "add", "nope", "--board", scratch.path], direct: true)
        #expect(add.status == 1)
        #expect(add.stderr.contains("opened read-only"), "\(add.stderr)")
    }
}
