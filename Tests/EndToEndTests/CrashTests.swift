import Foundation
import Testing

/// A writer killed with SIGKILL at random moments loses nothing it acknowledged.
@Suite struct CrashTests {
    let scratch = Scratch()
    var lanes: LanesProcess { LanesProcess(home: scratch.path) }

    @Test func killedWritersLoseNothingAcknowledged() throws {
        #expect(try lanes.run(["init"]).status == 0)
        let acks = scratch.path + "/acks"
        _ = FileManager.default.createFile(atPath: acks, contents: nil)
        // Each change is recorded as acknowledged only after `lanes add` reported success.
        let loop = "cd \(Tmux.quote(scratch.path)); i=$1; while :; do LANES_USER=crash \(Tmux.quote(LanesProcess.binary)) add \"crash $i\" >/dev/null && echo \"crash $i\" >> \(Tmux.quote(acks)); i=$((i+1)); done"
        // Kill points spread over the time an add takes here (a debug build on a loaded machine
        // takes 50–150 ms, a release build on an idle one 10): a fixed window can end before any
        // add does, and then nothing is acknowledged and the test proves nothing.
        #expect(try lanes.run(["add", "first"]).status == 0)
        let started = DispatchTime.now().uptimeNanoseconds
        #expect(try lanes.run(["add", "timed"]).status == 0)
        let oneAdd = UInt32(min(max((DispatchTime.now().uptimeNanoseconds - started) / 1_000, 10_000), 400_000))
        let trials = Int(min(150, max(40, 3_000_000 / oneAdd)))
        var generator = SystemRandomNumberGenerator()
        var tornSeen = 0
        for trial in 0..<trials {
            let pid = Spawn.start("exec /bin/sh -c \(Tmux.quote(loop)) sh \(trial * 1000)")
            usleep(UInt32.random(in: 2_000...(2 * oneAdd + 2_000), using: &generator))
            // SIGKILL the loop and whatever lanes process it is running, mid-write or not.
            _ = Spawn.run("pkill -KILL -P \(pid)")
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)

            let check = try lanes.run(["check"])
            if check.status != 0 {
                // Only a torn last line may be reported, and only as set aside / incomplete.
                let lines = check.stdout.split(separator: "\n")
                #expect(lines.count == 1 && lines[0].contains("incomplete last line"), "trial \(trial): \(check.stdout)")
                tornSeen += 1
            }
        }
        let titles = Set((try json(lanes.run(["list", "--format", "json"]).stdout) as! [[String: Any]]).map { $0["title"] as! String })
        let acknowledged = (try String(contentsOfFile: acks, encoding: .utf8)).split(separator: "\n").map(String.init)
        #expect(!acknowledged.isEmpty)
        let lost = acknowledged.filter { !titles.contains($0) }
        #expect(lost.isEmpty, "acknowledged but lost: \(lost)")
        // The board still takes writes, and is clean afterwards.
        #expect(try lanes.run(["add", "after the crashes"]).status == 0)
        #expect(try lanes.run(["check"]).status == 0)
        print("crash trials: \(trials), acknowledged changes: \(acknowledged.count), torn tails seen: \(tornSeen)")
    }
}
