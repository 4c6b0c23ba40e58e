import BoardExchange
import BoardModel
import BoardQuery
import BoardStore
import Foundation
import LanesApp
import Screen

// Times the parts of two benchmark rows one at a time, for profiling (`perf record -g`):
//   profile-driver json BOARD RUNS [OUT]       EventLog.open, Query.everything.run, IssueJSON.list
//                                              (the last run's JSON written to OUT, to compare)
//   profile-driver keys BOARD RUNS             RUNS cursor moves down the first column (`j`, past the
//                                              screen's end), as many back up (`k`), then RUNS opens of
//                                              the issue under the cursor (Enter; `q` back, untimed)
//   profile-driver filter BOARD RUNS [TEXT [PAUSE [KEYPAUSE]]]
//                                              `/` then TEXT (default "timeline") key by key, then
//                                              RUNS first characters (a–z, 0–9, each taken back);
//                                              PAUSE: milliseconds between `/` and the first key,
//                                              as a person takes (default 0: typed at once);
//                                              TEXT may be several words split by commas, each
//                                              typed then rubbed out (to profile many passes);
//                                              KEYPAUSE: milliseconds between typed keys (default
//                                              0: back to back; a person takes 100–250)
//   profile-driver searchtext BOARD RUNS       SearchText(state:), the `/` filter's build (wall ms,
//                                              and the CPU ms of the whole process: it uses both cores;
//                                              resident MB before and at the peak while building)
// With PROFILE_DRIVER_PERF_CONTROL set to a `perf record --control fifo:…` file, only the typed
// words are recorded (`perf record -D -1 --control fifo:CTL …`).
// at 200×50 in a MemoryScreen; times are wall milliseconds per step.
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 3, let runs = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: profile-driver json|filter BOARD RUNS [TEXT]\n".utf8))
    exit(2)
}
let location = BoardLocation(root: arguments[1])

/// This thread's CPU time in milliseconds (the machine is shared: wall time says little).
func threadCPU() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
}

/// Wall milliseconds of `body`; its CPU milliseconds on this thread are added to `cpu`.
func milliseconds(cpu: inout [Double], _ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds, startCPU = threadCPU()
    try body()
    cpu.append(threadCPU() - startCPU)
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func summary(_ name: String, _ times: [Double]) {
    let sorted = times.sorted()
    let p99 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.up)) - 1)]
    print(String(format: "%@: median %.2f ms, p99 %.2f, max %.2f, n %d", name, sorted[sorted.count / 2], p99, sorted.last!, sorted.count))
}

nonisolated(unsafe) var cpu: [String: [Double]] = [:]
func summaryCPU() {
    for (name, times) in cpu.sorted(by: { $0.key < $1.key }) { summary("CPU " + name, times) }
}
func timed(_ name: String, _ body: () throws -> Void) rethrows -> Double {
    try milliseconds(cpu: &cpu[name, default: []], body)
}

switch arguments[0] {
case "json":
    var open: [Double] = [], query: [Double] = [], json: [Double] = []
    for _ in 0..<runs {
        var log: EventLog!
        var issues: [Issue] = []
        open.append(try timed("open (this thread)") { log = try EventLog.open(location) })
        query.append(timed("Query.everything.run") { issues = Query.everything.run(on: log.state) })
        var bytes: [UInt8] = []
        json.append(timed("IssueJSON.list") { bytes = IssueJSON.list(issues) })
        if arguments.count > 3 { FileManager.default.createFile(atPath: arguments[3], contents: Data(bytes)) }
    }
    summary("open", open)
    summary("Query.everything.run", query)
    summary("IssueJSON.list", json)
    summaryCPU()
case "keys":
    // The cursor-move and open-issue rows, key by key (the suite's keystroke benchmarks run at
    // 100k; at a million issues a headless run's difference was noise of ±1 s a run).
    let log = try EventLog.open(location)
    let configuration = Configuration(rcFiles: [], environment: ["LANG": "C.UTF-8"])
    let session = BoardSession(log: log, screen: MemoryScreen(width: 200, height: 50), configuration: configuration, actor: "user1")
    _ = session.frame()
    var moves: [Double] = [], opens: [Double] = []
    // Down a long column past the screen's end (it scrolls), then back up.
    for key in [Character("j"), Character("k")] {
        for _ in 0..<runs {
            moves.append(timed("cursor move") {
                session.handle(.character(key))
                _ = session.frame()
            })
        }
    }
    for _ in 0..<runs {
        opens.append(timed("open issue") {
            session.handle(.enter)
            _ = session.frame()
        })
        session.handle(.character("q"))
        _ = session.frame()
    }
    summary("cursor move", moves)
    summary("open issue", opens)
    summaryCPU()
case "filter":
    let log = try EventLog.open(location)
    let configuration = Configuration(rcFiles: [], environment: ["LANG": "C.UTF-8"])
    let session = BoardSession(log: log, screen: MemoryScreen(width: 200, height: 50), configuration: configuration, actor: "user1")
    _ = session.frame()
    session.handle(.character("/"))
    _ = session.frame()
    if arguments.count > 4, let pause = UInt32(arguments[4]) { usleep(pause * 1000) }
    let keyPause = arguments.count > 5 ? UInt32(arguments[5]) ?? 0 : 0
    var typed: [Double] = []
    let perf = ProcessInfo.processInfo.environment["PROFILE_DRIVER_PERF_CONTROL"].flatMap { FileHandle(forWritingAtPath: $0) }
    perf?.write(Data("enable\n".utf8))
    for word in (arguments.count > 3 ? arguments[3] : "timeline").split(separator: ",") {
        for character in word {
            if keyPause > 0 { usleep(keyPause * 1000) }
            let time = timed("typed") {
                session.handle(.character(character))
                _ = session.frame()
            }
            print(String(format: "  %@: %.2f ms, %.2f ms CPU", String(character), time, cpu["typed"]!.last!))
            // What the run loop does once a frame is drawn, before it waits for the next key.
            session.useIdleTime()
            typed.append(time)
        }
        for _ in word { session.handle(.backspace); _ = session.frame() }
    }
    perf?.write(Data("disable\n".utf8))
    summary("typed", typed)
    let keys = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    var first: [Double] = []
    for run in 0..<runs {
        // A key not typed lately (the projection cache keeps 8).
        let key = keys[run % keys.count]
        first.append(timed("first character") {
            session.handle(.character(key))
            _ = session.frame()
        })
        session.handle(.backspace)
        _ = session.frame()
    }
    summary("first character", first)
    summaryCPU()
case "searchtext":
    let log = try EventLog.open(location)
    /// This process's CPU time in milliseconds, every thread's.
    func processCPU() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3
    }
    /// A line of /proc/self/status in MB ("VmRSS", "VmHWM").
    func resident(_ name: String) -> String {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") } ?? ""
        return String((Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024)
    }
    // The peak from here on: the open's is not the build's.
    FileManager.default.createFile(atPath: "/proc/self/clear_refs", contents: Data("5".utf8))
    print("resident before: \(resident("VmRSS")) MB")
    var wall: [Double] = [], used: [Double] = []
    for _ in 0..<runs {
        let start = processCPU()
        wall.append(milliseconds(cpu: &cpu["SearchText(state:), this thread", default: []]) { _ = SearchText(state: log.state) })
        used.append(processCPU() - start)
    }
    print("resident at the peak while building: \(resident("VmHWM")) MB")
    summary("SearchText(state:)", wall)
    summary("CPU SearchText(state:), process", used)
    summaryCPU()
default:
    FileHandle.standardError.write(Data("profile-driver: no mode \(arguments[0])\n".utf8))
    exit(2)
}
