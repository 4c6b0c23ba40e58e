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
    /// A writer blocked on the lock says who holds it instead of hanging silently.
    @Test func aWaitingWriterSaysWhoHoldsTheLock() throws {
        #expect(try lanes.run(["init"]).status == 0)
        let lock = scratch.path + "/.lanes/lock"
        // Hold the board lock from another process for two seconds.
        let holder = Spawn.start("exec flock \(Tmux.quote(lock)) sleep 2")
        defer { Spawn.stop(holder) }
        Thread.sleep(forTimeInterval: 0.3)
        let result = try lanes.run(["add", "patient"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("waiting for the board lock"))
        #expect(try lanes.run(["list"]).stdout.contains("patient"))
    }
}
