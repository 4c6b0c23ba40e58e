import Foundation
import Testing

/// Many writers on one board, as on a shared host: nothing acknowledged is lost.
@Suite struct ConcurrencyTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    /// 8 processes × 200 appends each: 1,600 issues, every line valid, every number unique.
    @Test func eightWritersTwoHundredAppendsEach() async throws {
        #expect(try lanes.run(["init"]).status == 0)
        let home = scratch.path
        let acknowledged = await withTaskGroup(of: [String].self) { group in
            for writer in 0..<8 {
                group.addTask {
                    var lanes = LanesProcess(home: home)
                    lanes.user = "w\(writer)"
                    var numbers: [String] = []
                    for n in 0..<200 {
                        if let result = try? lanes.run(["add", "w\(writer) n\(n)"]), result.status == 0 {
                            numbers.append(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
                        }
                    }
                    return numbers
                }
            }
            var all: [String] = []
            for await numbers in group { all += numbers }
            return all
        }
        #expect(acknowledged.count == 1600)
        #expect(Set(acknowledged).count == 1600, "every acknowledged number is unique")
        let list = try json(lanes.run(["list", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(list.count == 1600)
        #expect(Set(list.map { $0["id"] as! Int }) == Set(1...1600))
        #expect(Set(list.map { $0["title"] as! String }).count == 1600, "no change lost")
        let check = try lanes.run(["check"])
        #expect(check.status == 0, "every line valid: \(check.stdout)")
    }
}

extension ConcurrencyTests {
    /// A writer blocked on the lock says who holds it instead of hanging silently. The lock is
    /// held until the writer has said so (before, for a fixed two seconds from a holder given
    /// 0.3 s to take it: a loaded machine could start the writer before the lock was taken or
    /// after it was let go, and then nothing was waited for).
    @Test func aWaitingWriterSaysWhoHoldsTheLock() throws {
        #expect(try lanes.run(["init"]).status == 0)
        let holder = try HeldLock(scratch.path + "/.lanes/lock", releaseIn: scratch.path)
        let stderr = scratch.path + "/add.err"
        let writer = Spawn.start(lanes.shellCommand(["add", "patient"]) + " </dev/null >/dev/null 2>\(Tmux.quote(stderr))")
        #expect(eventually { scratch.contents("add.err").contains("waiting for the board lock held by pid \(holder.pid) (flock)") },
                "\(scratch.contents("add.err"))")
        holder.release()
        var status: Int32 = 0
        while waitpid(writer, &status, 0) < 0, errno == EINTR {}
        #expect(status == 0, "\(scratch.contents("add.err"))")
        #expect(try lanes.run(["list"]).stdout.contains("patient"))
    }
}
