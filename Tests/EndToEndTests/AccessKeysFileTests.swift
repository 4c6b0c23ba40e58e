import Foundation
import Testing

/// `lanes access` rewriting `authorized_keys`: never a half-written file, whatever kills it.
struct AccessKeysFileTests {
    @Test func killNineInTheMiddleLeavesTheOldFileWhole() throws {
        let scratch = Scratch()
        let lanes = LanesProcess(home: scratch.path)
        #expect(try lanes.run(["init"]).status == 0)
        for name in ["ann", "dan"] { try SSHServer.makeKey(scratch.path + "/" + name) }
        let keys = scratch.path + "/authorized_keys"
        try "# by hand\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA75/fz3HPv/dsJrYiYpAR08yiD9UAf2if07B5s9CAut root@box\n"
            .write(toFile: keys, atomically: true, encoding: .utf8)
        #expect(try lanes.run(["access", "add", "ann", "--key", scratch.path + "/ann.pub", "--authorized-keys", keys]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: keys))

        // The pause point (LANES_TEST_PAUSE_BEFORE_RENAME, for tests only) holds the writer after
        // the new file is written and synced, just before the rename: the worst moment to die.
        // Longer than any wait for it (before, 20 s against a 15 s wait: a writer that reached
        // it late on a loaded machine could rename before the kill).
        let stderr = scratch.path + "/stderr"
        let pid = Spawn.start(lanes.shellCommand(["access", "add", "dan", "--key", scratch.path + "/dan.pub", "--authorized-keys", keys],
                                                 extraEnvironment: ["LANES_TEST_PAUSE_BEFORE_RENAME": "3600"])
                              + " </dev/null >/dev/null 2>\(Tmux.quote(stderr))")
        #expect(eventually { scratch.contents("stderr").contains("paused") }, "\(scratch.contents("stderr"))")
        kill(pid, SIGKILL)
        Spawn.stop(pid)
        #expect(try Data(contentsOf: URL(fileURLWithPath: keys)) == before, "the old file, whole")

        // The next run takes the lock the dead one held and finishes; the hand-written lines stay.
        let again = try lanes.run(["access", "add", "dan", "--key", scratch.path + "/dan.pub", "--authorized-keys", keys])
        #expect(again.status == 0, "\(again.stderr)")
        let after = scratch.contents("authorized_keys")
        #expect(after.hasPrefix(String(decoding: before, as: UTF8.self).replacingOccurrences(of: "# <<< lanes access <<<\n", with: "")))
        #expect(after.contains("--user dan --board") && after.hasSuffix("# <<< lanes access <<<\n"))
    }
}
