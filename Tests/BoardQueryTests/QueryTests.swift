import Testing
@testable import BoardModel
@testable import BoardQuery
import LanesTestSupport

@Suite struct QueryTests {
    let now = Timestamp(milliseconds: 1_780_000_000_000)

    func sample() throws -> BoardState {
        var state = BoardState()
        var f = EventFactory()
        f.start = now.milliseconds - 40 * Timestamp.day
        // #1 old, #2 ten days old, #3 fresh; minutes scaled to days via explicit times below.
        func at(_ daysAgo: Int64) -> Timestamp { Timestamp(milliseconds: now.milliseconds - daysAgo * Timestamp.day) }
        let make: [(Int, EventKind, String, Int64)] = [
            (1, .created(title: "Login fails", body: "Steps to reproduce", column: "todo", rank: 1, priority: .high), "ann", 40),
            (1, .labelled("bug"), "ann", 40),
            (1, .assigned("bob"), "ann", 40),
            (2, .created(title: "Dark mode", body: "users want it", column: "backlog", rank: 1, priority: .low), "bob", 10),
            (2, .labelled("ui"), "bob", 10),
            (3, .created(title: "Crash on start", body: "", column: "doing", rank: 1, priority: .urgent), "cy", 1),
            (3, .labelled("bug"), "cy", 1),
            (3, .assigned("ann"), "cy", 1),
            (4, .created(title: "Old thing", body: "", column: "done", rank: 1, priority: .none), "ann", 30),
        ]
        for (issue, kind, actor, days) in make {
            state.apply(Event(id: EventID(UInt64(f.next)), at: at(days), actor: actor, issue: issue, kind: kind))
            f.next += 1
        }
        return state
    }

    func numbers(_ text: String, me: String = "ann") throws -> [Int] {
        let state = try sample()
        let query = try Query.parse(text, me: me, now: now).resolvingColumns(in: state)
        return query.run(on: state, now: now).map(\.number)
    }

    @Test func emptyQueryMatchesEverythingById() throws {
        #expect(try numbers("") == [1, 2, 3, 4])
    }

    @Test func stateTerms() throws {
        #expect(try numbers("is:open") == [1, 2, 3])
        #expect(try numbers("is:closed") == [4])
        #expect(try numbers("-is:open") == [4])
        #expect(try numbers("is:stale") == [1])
    }

    @Test func assigneeTerms() throws {
        #expect(try numbers("assignee:bob") == [1])
        #expect(try numbers("assignee:me") == [3])
        #expect(try numbers("assignee:none") == [2, 4])
        #expect(try numbers("-assignee:none") == [1, 3])
    }

    @Test func labelColumnPriorityAuthor() throws {
        #expect(try numbers("label:bug") == [1, 3])
        #expect(try numbers("label:bug -label:ui is:open") == [1, 3])
        #expect(try numbers("-label:bug") == [2, 4])
        #expect(try numbers("column:doing") == [3])
        #expect(try numbers("column:\"In progress\"") == [3])
        #expect(try numbers("priority:urgent") == [3])
        #expect(try numbers("priority:h") == [1])
        #expect(try numbers("author:bob") == [2])
        #expect(try numbers("author:me") == [1, 4])
    }

    @Test func freeTextAndPhrasesMatchTitleAndBodyCaseInsensitively() throws {
        #expect(try numbers("login") == [1])
        #expect(try numbers("REPRODUCE") == [1])
        #expect(try numbers("\"dark mode\"") == [2])
        #expect(try numbers("\"mode dark\"") == [])
        #expect(try numbers("-crash") == [1, 2, 4])
    }

    @Test func datesAndAges() throws {
        #expect(try numbers("updated:<7d") == [3])
        #expect(try numbers("updated:>30d") == [1])
        #expect(try numbers("created:<15d") == [2, 3])
        let day = now.milliseconds - 10 * Timestamp.day
        let date = Timestamp(milliseconds: day).date
        #expect(try numbers("created:\(date)") == [2])
        #expect(try numbers("created:>\(date)") == [3])
        #expect(try numbers("created:<\(date)") == [1, 4])
        #expect(try numbers("created:>=\(date)") == [2, 3])
    }

    @Test func sorting() throws {
        #expect(try numbers("sort:priority") == [3, 1, 2, 4])
        #expect(try numbers("sort:updated-desc") == [3, 2, 4, 1])
        #expect(try numbers("sort:created") == [1, 4, 2, 3])
        #expect(try numbers("sort:id-desc") == [4, 3, 2, 1])
    }

    @Test(arguments: ["foo:bar", "is:nonsense", "priority:huge", "sort:colour", "updated:<7x", "created:>2026-13-01",
                      "\"unclosed", "label:"])
    func badTermsAreErrors(_ text: String) {
        #expect(throws: BoardError.self) { try Query.parse(text, me: "ann", now: now) }
    }

    @Test func unknownColumnIsAnError() throws {
        let state = try sample()
        #expect(throws: BoardError.self) {
            try Query.parse("column:doign", me: "ann").resolvingColumns(in: state)
        }
    }

    @Test func badTermMessageNamesTheTerm() {
        do {
            _ = try Query.parse("colour:red", me: "ann")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("colour:"))
        }
    }
}

@Suite struct NarrowingTests {
    /// Typing a filter forward may reuse the previous result only when that gives exactly
    /// what a full pass would.
    @Test func narrowingGivesTheSameResultAsAFullPass() throws {
        let state = try board((1...60).map { n in
            .create(title: ["Login page", "Logout button", "log rotation", "Dialog", "Catalog"][n % 5] + " \(n)",
                    body: n % 3 == 0 ? "mentions login" : "", column: ["backlog", "todo", "doing"][n % 3],
                    labels: n % 4 == 0 ? ["bug"] : [], priority: Priority.allCases[n % 5])
        })
        let now = Timestamp(milliseconds: 1_780_000_000_000)
        for typed in ["login", "label:bug log", "-dialog lo", "priority:high log", "\"log"] {
            var previous: Query?
            var previousProjection: BoardProjection?
            for length in 1...typed.count {
                guard let query = try? Query.parse(String(typed.prefix(length)), me: "ann", now: now) else { continue }
                let full = BoardProjection(state: state, query: query, now: now)
                if let previous, let previousProjection, query.narrows(previous) {
                    let narrowed = BoardProjection(state: state, query: query, now: now, candidates: Array(previousProjection.list))
                    #expect(narrowed.list == full.list, "\(String(typed.prefix(length)))")
                    #expect(narrowed.lanes.map(\.issues) == full.lanes.map(\.issues))
                }
                previous = query
                previousProjection = full
            }
        }
    }

    /// The block-wise search against a byte-by-byte reference, with needles straddling every
    /// 16-byte boundary, capitals in the text, multi-byte characters and texts shorter than a block.
    @Test func textSearchAgreesWithAPlainSearch() {
        var random = SeededGenerator(seed: 7)
        let pieces = ["a", "b", "A", "B", "ab", "Ba", " ", "é", "日本", "🎉", "x", "-"]
        func reference(_ hay: String, _ needle: String) -> Bool {
            let hay = Array(hay.utf8).map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
            let pin = Array(needle.utf8)
            guard !pin.isEmpty else { return true }
            guard hay.count >= pin.count else { return false }
            return (0...(hay.count - pin.count)).contains { Array(hay[$0..<($0 + pin.count)]) == pin }
        }
        for _ in 0..<3_000 {
            let hay = (0..<Int(random.next() % 40)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let needle = (0..<(1 + Int(random.next() % 3))).map { _ in ["a", "b", "ab", " ", "x", "-"][Int(random.next() % 6)] }.joined()
            #expect(hay.containsLowercased(needle) == reference(hay, needle), "\(hay) / \(needle)")
        }
        #expect("Crash in the 日本語 dialog".containsLowercased("日本"))
        #expect(String(repeating: "x", count: 31).appending("LOGIN").containsLowercased("login"))
        #expect(!String(repeating: "logi", count: 20).containsLowercased("login"))
    }

    @Test func whatNarrows() throws {
        func q(_ text: String) throws -> Query { try Query.parse(text, me: "ann") }
        #expect(try q("logi").narrows(q("log")))
        #expect(try q("log label:bug").narrows(q("log")))
        #expect(try q("anything").narrows(q("")))
        #expect(try !q("lo").narrows(q("log")), "backspace widens")
        #expect(try !q("-logi").narrows(q("-log")), "a longer negated word matches more")
        #expect(try !q("log sort:updated").narrows(q("log")), "another order")
        #expect(try !q("label:bugs").narrows(q("label:bug")), "only free text grows by typing")
    }
}

/// The sorted order and search text a session keeps across board versions must equal what a
/// fresh computation gives after any changes.
@Suite struct IncrementalOrderTests {
    @Test func updatedOrderAndSearchTextEqualFreshOnes() throws {
        var random = SeededGenerator(seed: 11)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        var state = try board((1...80).map { n in
            .create(title: pick(["Login", "logout", "Dialog", "CATALOG"]) + " \(n)", body: pick(["", "see LOGIN"]),
                    column: pick(["backlog", "todo", "doing"]), labels: n % 3 == 0 ? [] : [pick(["bug", "ui"])],
                    assignees: n % 4 == 0 ? [] : [pick(["ann", "bob"])], priority: pick(Priority.allCases))
        })
        let sorts = QuerySort.Key.allCases.flatMap { key in [false, true].map { QuerySort(key: key, descending: $0) } }
        var orders = sorts.map { IssueOrder(state: state, sort: $0) }
        var text = SearchText(state: state)
        var bandIndexes = Swimlanes.allCases.map { BandIndex(state: state, swimlanes: $0) }
        let at = Timestamp(milliseconds: 1_780_000_000_000)
        for round in 0..<60 {
            let number = 1 + Int(random.next() % UInt64(state.highestNumber))
            let change: Change = pick([.move(number, to: pick(["todo", "review", "doing"])), .move(number, to: "todo", rank: 0.5),
                                       .prioritise(number, pick(Priority.allCases)), .retitle(number, pick(["LOGIN now", "plain"])),
                                       .editBody(number, pick(["", "login here"])), .create(title: "new login \(round)"),
                                       .close(number), .reopen(number), .assign(number, [pick(["cy", "ann"])]),
                                       .unassign(number, ["ann", "bob"]), .label(number, add: [pick(["p1", "bug"])], remove: ["ui"]),
                                       .lifecycle(number, pick(LifecycleStep.allCases)),
                                       .snooze(number, pick([nil, CalendarDate(daysSinceEpoch: 30_000)]))])
            guard let events = try? state.events(for: change, actor: "ann", at: Timestamp(milliseconds: at.milliseconds + Int64(round))) else { continue }
            state.apply(events)
            let changed = Set(events.map(\.issue))
            orders = orders.map { $0.updating(changed, in: state) }
            text = text.updating(changed, in: state)
            bandIndexes = bandIndexes.map { $0.updating(changed, in: state) }
            for index in bandIndexes {
                let fresh = BoardProjection(state: state, query: .everything, swimlanes: index.swimlanes)
                let kept = BoardProjection(state: state, query: .everything, swimlanes: index.swimlanes, bands: index)
                #expect(kept.bands == fresh.bands, "round \(round), \(index.swimlanes)")
                #expect(kept.lanes.map(\.byBand) == fresh.lanes.map(\.byBand), "round \(round), \(index.swimlanes)")
            }
            for order in orders {
                let fresh = IssueOrder(state: state, sort: order.sort)
                #expect(order.lanes == fresh.lanes, "round \(round), \(order.sort)")
                #expect(order.list == fresh.list, "round \(round), \(order.sort)")
                #expect(order.facts == fresh.facts, "round \(round), \(order.sort)")
            }
            // `run` (slots sorted, the board's own array when all of it is listed in order) equals filtering then sorting.
            for sort in sorts {
                let query = Query(sort: sort)
                #expect(query.run(on: state, now: at).map(\.number)
                        == sort.apply(state.issues.values.filter { query.matches($0, now: at) }).map(\.number), "round \(round), \(sort)")
            }
            // Hidden, waiting and stale issues are judged from the kept order's facts.
            for query in [Query.everything, try Query.parse("is:archived", me: "ann", now: at), try Query.parse("is:snoozed", me: "ann", now: at)] {
                let kept = BoardProjection(state: state, query: query, now: at, order: orders[0])
                let fresh = BoardProjection(state: state, query: query, now: at)
                #expect(kept.list == fresh.list && kept.lanes.map(\.issues) == fresh.lanes.map(\.issues), "round \(round)")
                #expect(kept.lanes.map(\.waitingCount) == fresh.lanes.map(\.waitingCount), "round \(round)")
                #expect(kept.lanes.map(\.staleCount) == fresh.lanes.map(\.staleCount), "round \(round)")
            }
            for needle in ["login", "log", "plain", "zzz"] {
                #expect(text.matches(needle, in: state) == SearchText(state: state).matches(needle, in: state), "round \(round), \(needle)")
            }
        }
    }
}

/// Numbers in queries are whatever a person types: huge, negative, at the edges of Int64.
@Suite struct QueryNumberTests {
    let now = Timestamp(milliseconds: 1_780_000_000_000)

    @Test func aHugeAgeIsAClearErrorNotACrash() {
        #expect(throws: BoardError.badQuery("the age in \"updated:<9999999999999y\" must be a whole number from 0 to 10000, not \"9999999999999\"")) {
            try Query.parse("updated:<9999999999999y", me: "ann", now: now)
        }
        #expect(throws: BoardError.self) { try Query.parse("created:>99999999999999999999999d", me: "ann", now: now) }
        let oldest = try? Query.parse("updated:>10000y", me: "ann", now: now)
        #expect(oldest?.terms.first?.condition == .updated(DateBound(relation: .before, moment: Timestamp(milliseconds: now.milliseconds - 10_000 * 365 * Timestamp.day))))
    }

    /// Seeded property test: every generated date term either parses to a bound within 10,000
    /// years of now or is refused with `badQuery`; matching never traps.
    @Test func generatedNumbersAreRangeCheckedOrRefused() throws {
        var random = SeededGenerator(seed: 10)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        let edges: [String] = ["0", "1", "-1", "+3", "10000", "10001", "3650000", "3650001", "87600000", "87600001", "9223372036854775807",
                               "9223372036854775808", "-9223372036854775808", "99999999999999999999999", "00000000000000000007"]
        var state = BoardState()
        state.apply(Event(id: EventID(1), at: now, actor: "ann", issue: 1,
                          kind: .created(title: "t", body: "", column: "todo", rank: 1, priority: .none)))
        for round in 0..<2_000 {
            let number = round % 3 == 0 ? pick(edges) : String(Int64(bitPattern: random.next()) >> (random.next() % 64))
            let text = pick(["updated", "created", "-updated"]) + ":" + pick(["", "<", ">", "<=", ">=", "="]) + number + pick(["h", "d", "w", "m", "y"])
            do {
                let query = try Query.parse(text, me: "ann", now: now)
                switch query.terms.first?.condition {
                case .updated(let bound)?, .created(let bound)?:
                    #expect(abs(now.milliseconds - bound.moment.milliseconds) <= 10_000 * 365 * Timestamp.day, "\(text)")
                default:
                    Testing.Issue.record("\(text) parsed to \(query.terms)")
                }
                _ = query.run(on: state, now: now, staleAfterDays: 36_500)
            } catch {
                guard case .badQuery = error else { Testing.Issue.record("\(text): \(error)"); continue }
            }
        }
    }
}

@Suite struct ReporterQueryTests {
    func state() throws -> BoardState {
        var state = try board([.create(title: "one"), .create(title: "two"), .create(title: "three")])
        var factory = EventFactory()
        state.apply(factory.make(1, .reported("Ana <Ana@Example.com>")))
        state.apply(factory.make(2, .reported("Bob <bob@example.net>")))
        state.apply(factory.make(2, .reported("Cy <cy@example.com>")))
        return state
    }

    @Test func reporterMatchesAnAddressOrADomainIgnoringCase() throws {
        let state = try state()
        func numbers(_ text: String) throws -> [Int] { try Query.parse(text, me: "ann").run(on: state).map(\.number) }
        #expect(try numbers("reporter:ana@example.com") == [1])
        #expect(try numbers("reporter:@EXAMPLE.com") == [1, 2])
        #expect(try numbers("reporter:@example.net") == [2])
        #expect(try numbers("-reporter:@example.com") == [3])
        #expect(try numbers("reporter:example.com").isEmpty, "a domain starts with @")
    }

    @Test func reporterCompletesAddressesAndDomains() throws {
        #expect(try state().knownReporters == ["@example.com", "@example.net", "ana@example.com", "bob@example.net", "cy@example.com"])
    }

    @Test func sortReportersPutsTheMostReportedFirst() throws {
        let state = try state()
        #expect(try Query.parse("sort:reporters", me: "ann").run(on: state).map(\.number) == [2, 1, 3])
        #expect(try Query.parse("sort:reporters-desc", me: "ann").run(on: state).map(\.number) == [3, 1, 2])
    }
}
