import Testing
@testable import BoardModel
@testable import BoardStore
import LanesTestSupport

/// The git merge of two logs, driven the way `lanes sync` drives it: clones that change the
/// board offline and sync through one remote in a random order.
@Suite struct LogMergeTests {
    /// One clone: its log, and the remote's log as it was when it last synced (git's merge base).
    struct Clone {
        var log: [UInt8]
        var synced: [UInt8]
        /// How far this clone's clock is behind (milliseconds).
        var lag: Int64
        var name: String
    }

    /// What a change wrote, and on which issue, named by the id of that issue's `created` event
    /// in the clone that made it (numbers may change when duplicates meet; issues do not).
    struct Written {
        var event: Event
        var issue: EventID
    }

    /// What `git pull` then `git push` does to a clone and the remote: fast-forward when one
    /// side has nothing new, otherwise a three-way merge with the clone's last sync as base.
    static func sync(_ clone: inout Clone, remote: inout [UInt8]) {
        if remote == clone.synced {
            remote = clone.log
        } else if clone.log != clone.synced {
            let merged = LogMerge.merge(base: clone.synced, ours: clone.log, theirs: remote)
            if merged.renumbered.isEmpty {
                #expect(LogMerge.merge(base: clone.synced, ours: remote, theirs: clone.log).bytes == merged.bytes,
                        "the same bytes whichever side merges")
            }
            remote = merged.bytes
        }
        clone.log = remote
        clone.synced = remote
    }

    static func fold(_ bytes: [UInt8]) -> BoardState {
        var state = BoardState()
        state.apply(LogMerge.read(bytes).events)
        return state
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func clonesSyncingInAnyOrderKeepEveryChangeOnItsIssueAndEndIdentical(_ seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
        let start: Int64 = 1_780_000_000_000
        var initial = Array((LineCodec.header + "\n").utf8)
        LineCodec.encode(Event(id: EventID(random.next()), at: Timestamp(milliseconds: start), actor: "lanes", issue: 0,
                               kind: .columns(Column.defaults)), into: &initial)
        var remote = initial
        var clones = (0..<5).map { Clone(log: initial, synced: initial, lag: Int64($0) * 40_000, name: "dev\($0)") }
        var written: [Written] = []
        var counter = 0

        for step in 1...160 {
            let who = pick(clones.count)
            if random.next() % 4 == 0 {
                Self.sync(&clones[who], remote: &remote)
                continue
            }
            var state = Self.fold(clones[who].log)
            counter += 1
            let numbers = state.issues.keys.sorted()
            let change: Change
            if numbers.isEmpty || random.next() % 3 == 0 {
                change = .create(title: "issue \(counter)", labels: (0..<pick(3)).map { "L\(counter)-\($0)" },
                                 assignees: (0..<pick(3)).map { "u\(counter)-\($0)" })
            } else {
                let number = numbers[pick(numbers.count)]
                switch pick(5) {
                case 0: change = .label(number, add: ["L\(counter)", "M\(counter)"], remove: [])
                case 1: change = .assign(number, ["u\(counter)"])
                case 2: change = .comment(number, "comment \(counter) by \(clones[who].name)")
                case 3: change = .retitle(number, "title \(counter)")
                default: change = .move(number, to: ["todo", "doing", "review"][pick(3)])
                }
            }
            // Whole seconds, so that clones and batches often share a time.
            let now = Timestamp(milliseconds: start + Int64(step) * 1000 - clones[who].lag)
            let events = try state.events(for: change, actor: clones[who].name, at: now) { EventID(random.next()) }
            for event in events {
                state.apply(event)
                written.append(Written(event: event, issue: state.timelines[event.issue]!.first!.id))
                LineCodec.encode(event, into: &clones[who].log)
            }
        }
        // Everyone syncs until nobody has anything new: two rounds.
        for _ in 0..<2 {
            for index in clones.indices { Self.sync(&clones[index], remote: &remote) }
        }

        for clone in clones { #expect(clone.log == remote, "\(clone.name) ends identical to the others") }
        let final = Self.fold(remote)
        var numberOf: [EventID: Int] = [:]
        for number in final.issues.keys { numberOf[final.timelines[number]!.first!.id] = number }
        #expect(numberOf.count == written.filter { if case .created = $0.event.kind { true } else { false } }.count,
                "every created issue is on the board once")
        for change in written {
            guard let number = numberOf[change.issue] else {
                Testing.Issue.record("the issue of \(change.event.kind.name) \(change.event.id) is missing")
                continue
            }
            let timeline = final.timelines[number]!
            #expect(timeline.contains { $0.id == change.event.id && $0.kind == change.event.kind },
                    "\(change.event.kind.name) by \(change.event.actor) is on the issue it was made on (#\(number))")
            let issue = final.issues[number]!
            switch change.event.kind {
            case .labelled(let label): #expect(issue.labels.contains(label), "#\(number) keeps label \(label)")
            case .assigned(let user): #expect(issue.assignees.contains(user), "#\(number) keeps assignee \(user)")
            default: break
            }
        }
        let logged = LogMerge.read(remote).events.count
        #expect(final.events.count == logged - 1, "the fold applies every event but the columns")
    }

    /// A log from its header and `events`.
    static func log(_ events: [Event]) -> [UInt8] {
        var bytes = Array((LineCodec.header + "\n").utf8)
        for event in events { LineCodec.encode(event, into: &bytes) }
        return bytes
    }

    static func event(_ id: UInt64, second: Int64, _ issue: Int, _ kind: EventKind, by actor: String = "ann") -> Event {
        Event(id: EventID(id), at: Timestamp(milliseconds: 1_780_000_000_000 + second * 1000), actor: actor, issue: issue, kind: kind)
    }

    static func created(_ title: String) -> EventKind { .created(title: title, body: "", column: "backlog", rank: 1, priority: .none) }

    /// A clone that was offline since before #2 existed made its own #2 earlier; everyone else
    /// has discussed the published #2 since. The published one keeps its number.
    @Test func aLateCloneWithAnEarlierOfflineNumberIsTheOneRenumbered() {
        let base = [Self.event(1, second: 0, 1, Self.created("shared"))]
        let theirs = base + [Self.event(10, second: 100, 2, Self.created("published"), by: "ann"),
                             Self.event(11, second: 200, 2, .commented("seen it"), by: "cy")]
        let ours = base + [Self.event(20, second: 50, 2, Self.created("offline"), by: "bob"),
                           Self.event(21, second: 50, 2, .labelled("late"), by: "bob")]
        let result = LogMerge.merge(base: Self.log(base), ours: Self.log(ours), theirs: Self.log(theirs))
        #expect(result.renumbered.map { [$0.old, $0.new] } == [[2, 3]] && result.renumbered.first?.title == "offline")
        let state = Self.fold(result.bytes)
        #expect(state.issues[2]?.title == "published")
        #expect(state.timelines[2]!.contains { $0.kind == .commented("seen it") })
        #expect(state.issues[3]?.title == "offline" && state.issues[3]?.labels == ["late"])
        #expect(state.timelines[3]!.contains { $0.kind == .renumbered(from: 2) })
        // Their lines are untouched: every clone that has them keeps them byte for byte.
        let lines = Set(String(decoding: result.bytes, as: UTF8.self).split(separator: "\n"))
        for event in theirs { #expect(lines.contains(Substring(String(decoding: LineCodec.encode(event).dropLast(), as: UTF8.self)))) }
    }

    /// Events dated past the skew are kept, reported, and set aside by the fold; they cannot
    /// capture the issue's title.
    @Test func eventsFromAFarAheadCloneAreKeptReportedAndSetAside() {
        let now = Timestamp.now
        let base = [Event(id: EventID(1), at: now, actor: "ann", issue: 1, kind: Self.created("shared"))]
        let ahead = Event(id: EventID(2), at: Timestamp(milliseconds: now.milliseconds + 3650 * Timestamp.day), actor: "skewed",
                          issue: 1, kind: .retitled("from 2036"))
        let mine = Event(id: EventID(3), at: Timestamp(milliseconds: now.milliseconds + 1000), actor: "ann", issue: 1, kind: .retitled("mine"))
        let result = LogMerge.merge(base: Self.log(base), ours: Self.log(base + [mine]), theirs: Self.log(base + [ahead]), now: now)
        #expect(result.future == [ahead])
        #expect(LogMerge.read(result.bytes).events.contains(ahead), "nothing is dropped")
        var state = BoardState(now: now)
        let reasons = LogMerge.read(result.bytes).events.compactMap { state.apply($0) }
        #expect(reasons.count == 1 && state.issues[1]?.title == "mine")
    }
}

extension LogMergeTests {
    /// A comment edited on two clones offline, and deleted then restored on one: after the merge
    /// both clones read the same text, whichever side merges, and every text stays a version.
    @Test func commentEditsOnTwoClonesMergeToOneText() throws {
        var factory = EventFactory()
        let created = factory.make(1, .created(title: "t", body: "", column: "backlog", rank: 1, priority: .none))
        let comment = factory.make(1, .commented("one"))
        let base = LogMergeTests.log([created, comment])
        let ours = LogMergeTests.log([created, comment, factory.make(1, .commentEdited(comment.id, text: "ours"), minute: 10),
                                      factory.make(1, .commentDeleted(comment.id), minute: 11)])
        let theirs = LogMergeTests.log([created, comment, factory.make(1, .commentEdited(comment.id, text: "theirs"), minute: 12)])
        let merged = LogMerge.merge(base: base, ours: ours, theirs: theirs).bytes
        #expect(LogMerge.merge(base: base, ours: theirs, theirs: ours).bytes == merged)
        let comments = LogMergeTests.fold(merged).comments(of: 1)
        #expect(comments.map(\.text) == ["theirs"])
        #expect(!comments[0].isDeleted, "the later edit brings the deleted comment back")
        #expect(comments[0].versions.map(\.text) == ["one", "ours"])
    }
}
