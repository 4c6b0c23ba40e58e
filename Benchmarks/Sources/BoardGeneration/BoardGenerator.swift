import BoardModel
import BoardStore
import Foundation

/// Writes realistic boards of any size: five columns, 5–50 users, 30 labels, titles and bodies
/// of realistic length with some CJK and emoji, 0–30 events per issue including comments.
/// The benchmarks cache boards under /tmp by size, so each is generated once per machine;
/// `generate-board` writes one anywhere (docs/performance.md, #20's table).
public enum BoardGenerator {
    static let words = ["login", "page", "crash", "export", "sync", "board", "timeline", "filter", "button", "cache",
                        "日本語", "翻訳", "한국어", "emoji 🎉", "dark mode", "settings", "API", "latency", "flaky", "test"]

    /// The board for `issues` issues and about `events` events; generated on first use.
    public static func board(issues: Int, events: Int) throws -> BoardLocation {
        let location = BoardLocation(root: "/tmp/lanes-bench-\(issues)-\(events)")
        if location.exists { return location }
        try? FileManager.default.removeItem(atPath: location.root)
        try write(issues: issues, events: events, to: location)
        return location
    }

    /// Writes a new board at `location` (its directory must not hold a board yet). The same
    /// sizes always give the same issues and events (a seeded generator); only times and the
    /// header's columns event differ, since they are taken from the clock.
    public static func write(issues: Int, events: Int, to location: BoardLocation) throws {
        try FileManager.default.createDirectory(atPath: location.root, withIntermediateDirectories: true)
        try EventLog.create(location)
        var random = SeededGenerator(seed: UInt64(issues * 31 + events))
        let users = (0..<(5 + issues % 46)).map { "user\($0)" }
        let labels = (0..<30).map { "label-\($0)" }
        let columns = ["backlog", "todo", "doing", "review", "done"]
        let perIssue = max(1, events / issues)
        let handle = FileHandle(forWritingAtPath: location.eventsPath)!
        handle.seekToEndOfFile()
        // Written in parts, so that a 10M-event board (1.2 GB) is not held in memory twice.
        let part = 64 << 20
        var lines = [UInt8]()
        lines.reserveCapacity(part + 4096)
        // One event a second, ending before now: from as many seconds back as there can be
        // events (an issue gets up to 2 × perIssue of them, so `events` alone is too few, and
        // lines more than a day ahead of the clock are set aside by every reader).
        let most = issues * (1 + min(30, 2 * perIssue - 1))
        var time = Timestamp.now.milliseconds - Int64(most) * 1000
        func sentence(_ count: Int) -> String {
            (0..<count).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
        }
        for number in 1...issues {
            let actor = users[Int(random.next() % UInt64(users.count))]
            func event(_ kind: EventKind) {
                time += 1000
                LineCodec.encode(Event(id: EventID(random.next()), at: Timestamp(milliseconds: time), actor: actor, issue: number, kind: kind), into: &lines)
            }
            event(.created(title: sentence(3 + Int(random.next() % 6)), body: sentence(Int(random.next() % 30)), column: "backlog",
                           rank: Double(number), priority: Priority.allCases[Int(random.next() % 5)]))
            let extra = Int(random.next() % UInt64(2 * perIssue - 1 + 1))
            for _ in 0..<min(30, extra) {
                switch random.next() % 5 {
                case 0: event(.commented(sentence(5 + Int(random.next() % 20))))
                case 1: event(.moved(from: "backlog", to: columns[Int(random.next() % 5)], rank: Double(number)))
                case 2: event(.labelled(labels[Int(random.next() % 30)]))
                case 3: event(.assigned(users[Int(random.next() % UInt64(users.count))]))
                default: event(.prioritised(Priority.allCases[Int(random.next() % 5)]))
                }
            }
            if lines.count >= part {
                handle.write(Data(lines))
                lines.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(lines))
        try handle.close()
    }
}
