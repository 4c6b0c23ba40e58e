import BoardModel

/// The three-way merge of two clones' event logs (git's merge driver for `.lanes/events`).
///
/// The result is the union of both sides' events by event id, sorted by (time, id): the same
/// bytes whichever side runs the merge, so two clones that sync end with identical boards. When
/// both clones created the same issue number offline, the later creation (by time, then id)
/// gets the next free number; the events of that issue that came from its side move with it,
/// and a `renumbered` event records the old number.
public enum LogMerge {
    public struct Result {
        public var bytes: [UInt8]
        /// Lines neither side could read, kept at the end so nothing is dropped.
        public var unreadable: Int
        public var renumbered: [(old: Int, new: Int)]
    }

    public static func merge(base: [UInt8], ours: [UInt8], theirs: [UInt8]) -> Result {
        let baseLog = read(base), ourLog = read(ours), theirLog = read(theirs)
        let baseIDs = Set(baseLog.events.map(\.id))
        let ourIDs = Set(ourLog.events.map(\.id))
        var byID: [EventID: Event] = [:]
        for event in baseLog.events + ourLog.events + theirLog.events { byID[event.id] = event }
        var events = byID.values.sorted { ($0.at, $0.id) < ($1.at, $1.id) }

        // Which side brought each new event, to tell apart two issues created with one number.
        func side(_ event: Event) -> Int { baseIDs.contains(event.id) ? 0 : (ourIDs.contains(event.id) ? 1 : 2) }
        var highest = events.map(\.issue).max() ?? 0
        var creator: [Int: Int] = [:]          // issue number → side of the creation that keeps it
        var moved: [Int: [Int: Int]] = [:]     // side → old number → new number
        var renumbered: [(old: Int, new: Int)] = []
        var result: [Event] = []
        for var event in events {
            let eventSide = side(event)
            if case .created = event.kind {
                if creator[event.issue] != nil {
                    highest += 1
                    moved[eventSide, default: [:]][event.issue] = highest
                    renumbered.append((event.issue, highest))
                    let old = event.issue
                    event.issue = highest
                    result.append(event)
                    result.append(Event(id: EventID(event.id.value ^ 0x5EED_0000_0000_0001), at: event.at, actor: event.actor,
                                        issue: highest, kind: .renumbered(from: old)))
                    continue
                }
                creator[event.issue] = eventSide
            } else if eventSide != 0, let new = moved[eventSide]?[event.issue] {
                event.issue = new
            }
            result.append(event)
        }
        events = result

        var bytes = Array((LineCodec.header + "\n").utf8)
        for event in events { LineCodec.encode(event, into: &bytes) }
        var unreadable = Set<[UInt8]>()
        for lines in [baseLog.bad, ourLog.bad, theirLog.bad] { unreadable.formUnion(lines) }
        for line in unreadable.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            bytes += line
            bytes.append(10)
        }
        return Result(bytes: bytes, unreadable: unreadable.count, renumbered: renumbered)
    }

    /// Events and unreadable lines of one version of the log (a torn last line counts as unreadable).
    static func read(_ bytes: [UInt8]) -> (events: [Event], bad: [[UInt8]]) {
        var events: [Event] = []
        var bad: [[UInt8]] = []
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            var first = true
            while start < buffer.count {
                var end = start
                while end < buffer.count, buffer[end] != 10 { end += 1 }
                var lineEnd = end
                if lineEnd > start, buffer[lineEnd - 1] == 13 { lineEnd -= 1 }
                let line = UnsafeBufferPointer(rebasing: buffer[start..<lineEnd])
                defer { start = end + 1 }
                if first {
                    first = false
                    if LineCodec.version(ofHeader: line) != nil { continue }
                }
                if line.isEmpty || line[0] == UInt8(ascii: "#") { continue }
                do {
                    events.append(try LineCodec.decode(line))
                } catch {
                    bad.append(Array(line))
                }
            }
        }
        return (events, bad)
    }
}
