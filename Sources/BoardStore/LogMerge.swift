import BoardModel

/// The three-way merge of two clones' event logs (git's merge driver for `.lanes/events`).
///
/// The result is the union of the events by id, in an order that keeps each version's own
/// order: a line never moves before a line it followed in the base, ours or theirs. Where the
/// versions leave a choice (events new on both sides), the one with the earlier (time, id) goes
/// first. The fold depends on order (an issue's `created` before its labels), so this order is
/// what keeps every event applicable; the choice depends only on the events, never on which
/// side runs the merge, so two clones that merge the same versions write the same bytes.
///
/// When both sides created the same issue number, the issue that was already there keeps it:
/// the one in the base, else theirs (what `git pull` brings in: already published and seen by
/// others). Ours, the newcomer, gets the next free number; its events (found by the clone that
/// wrote them: an event is about the issue its clone had created under that number) move with
/// it, and a `renumbered` event records the old number. Events of the other side are never
/// rewritten, so every clone that already has them keeps them byte for byte.
public enum LogMerge {
    public struct Result {
        public var bytes: [UInt8]
        /// Lines neither side could read, kept at the end so nothing is dropped.
        public var unreadable: Int
        /// Ours' issues given new numbers, with their titles.
        public var renumbered: [(old: Int, new: Int, title: String)]
        /// Events new to the base dated more than `Timestamp.skew` after `now`: kept in the log,
        /// set aside by the fold (and reported by `lanes check`) until the clock reaches them.
        public var future: [Event]
    }

    public static func merge(base: [UInt8], ours: [UInt8], theirs: [UInt8], now: Timestamp = .now) -> Result {
        let baseLog = read(base), ourLog = read(ours), theirLog = read(theirs)
        let versions = [baseLog.events, ourLog.events, theirLog.events]
        let order = CausalOrder.merge(versions)
        let chosen = chooseVersions(base: baseLog.events, ours: ourLog.events, theirs: theirLog.events)

        // Which issue each event is about, by its `created` event's id, as each version saw it.
        var issueOf: [EventID: EventID] = [:]
        var linkTargetOf: [EventID: EventID] = [:] // a link event → its other issue's creation
        var numberClaims: [EventID: (number: Int, rank: Int)] = [:] // creation → number, and how firmly (0 firmest)
        for (rank, events) in [(2, ourLog.events), (0, baseLog.events), (1, theirLog.events)] {
            var creator: [Int: EventID] = [:]
            for event in events {
                if case .created = event.kind {
                    guard creator[event.issue] == nil else { continue }
                    creator[event.issue] = event.id
                    if numberClaims[event.id].map({ rank < $0.rank }) ?? true { numberClaims[event.id] = (chosen[event.id]!.issue, rank) }
                } else if let creation = creator[event.issue] {
                    issueOf[event.id] = creation
                    if let target = event.kind.linkTarget, let creation = creator[target] { linkTargetOf[event.id] = creation }
                }
            }
        }

        // The firmest claim on each number keeps it; the others get new numbers, in log order.
        var keeper: [Int: (id: EventID, rank: Int)] = [:]
        for id in order {
            guard let claim = numberClaims[id] else { continue }
            if let held = keeper[claim.number], held.rank <= claim.rank { continue }
            keeper[claim.number] = (id, claim.rank)
        }
        var highest = chosen.values.map(\.issue).max() ?? 0
        var newNumber: [EventID: Int] = [:]
        var renumbered: [(old: Int, new: Int, title: String)] = []
        var events: [Event] = []
        events.reserveCapacity(order.count)
        for id in order {
            var event = chosen[id]!
            if case let .created(title, _, _, _, _) = event.kind, let claim = numberClaims[id], keeper[claim.number]?.id != id {
                highest += 1
                newNumber[id] = highest
                renumbered.append((event.issue, highest, title))
                event.issue = highest
                events.append(event)
                events.append(Event(id: EventID(id.value ^ 0x5EED_0000_0000_0001), at: event.at, actor: event.actor,
                                    issue: highest, kind: .renumbered(from: claim.number)))
                continue
            }
            if let creation = issueOf[id] { event.issue = newNumber[creation] ?? chosen[creation]!.issue }
            if let creation = linkTargetOf[id], let number = newNumber[creation] { event.kind = event.kind.linking(to: number) }
            events.append(event)
        }

        var bytes = Array((LineCodec.header + "\n").utf8)
        for event in events { LineCodec.encode(event, into: &bytes) }
        var unreadable = Set<[UInt8]>()
        for lines in [baseLog.bad, ourLog.bad, theirLog.bad] { unreadable.formUnion(lines) }
        for line in unreadable.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            bytes += line
            bytes.append(10)
        }
        let known = Set(baseLog.events.map(\.id))
        let future = events.filter { !known.contains($0.id) && $0.at.milliseconds > now.milliseconds + Timestamp.skew }
        return Result(bytes: bytes, unreadable: unreadable.count, renumbered: renumbered, future: future)
    }

    /// Each event's line as the merge writes it: the side that changed it from the base wins
    /// (a line is only ever changed by an earlier merge's renumbering), theirs if both did.
    static func chooseVersions(base: [Event], ours: [Event], theirs: [Event]) -> [EventID: Event] {
        var inBase: [EventID: Event] = [:]
        for event in base { inBase[event.id] = event }
        var chosen = inBase
        for event in theirs { chosen[event.id] = event }
        for event in ours where chosen[event.id] == nil || chosen[event.id] == inBase[event.id] { chosen[event.id] = event }
        return chosen
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
