import BoardModel

/// Random work on a board by several people, and the queries to ask of it: for tests that a
/// query gives the same issues however it is answered (the fold in memory, the on-disk index).
///
/// The text is chosen to catch a search that folds case differently from the matcher: ASCII
/// in every case, CJK, `ß`, `İ` (lowercases to two scalars), the Kelvin sign (equals `K`),
/// decomposed accents; names and labels that differ only in case or by a Kelvin sign.
public enum QueryWorkload {
    /// One change by one person at one time.
    public struct Step: Sendable {
        public var actor: String
        public var at: Timestamp
        public var change: Change
    }

    public static let people = ["ann", "Bob", "cy", "Ünal", "\u{212A}im", "kim"]
    public static let labels = ["bug", "Bug", "BUG", "ui", "k8s", "\u{212A}8s", "wontfix", "Ärger", "ärger"]
    static let words = ["login", "Login", "CRASH", "crash", "dark mode", "日本語", "翻訳テスト", "straße", "STRASSE", "İstanbul",
                        "ÄRGER", "\u{212A}elvin", "kelvin", "naïve", "e\u{301}mile", "émile", "page", "sync", "x", "@ann", "@bob"]

    /// `steps` random changes, `now` at the end of them, spread over the two months before.
    public static func steps(seed: UInt64, count: Int, now: Timestamp) -> [Step] {
        var random = SeededGenerator(seed: seed)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        func text(_ words: Int) -> String { (0..<words).map { _ in pick(Self.words) }.joined(separator: " ") }
        var issues = 0
        var time = now.milliseconds - 60 * Timestamp.day
        let today = CalendarDate(daysSinceEpoch: now.milliseconds / Timestamp.day)
        var steps: [Step] = []
        for index in 0..<count {
            time += Int64(random.next() % UInt64(Timestamp.day))
            if index == count / 2 {
                // Halfway, a column goes: its issues move on, and the query words still name it.
                steps.append(Step(actor: "ann", at: Timestamp(milliseconds: time), change: .column(.remove("review"))))
            }
            let number = issues == 0 ? 1 : 1 + Int(random.next() % UInt64(issues))
            let day = today.adding(days: Int64(random.next() % 21) - 10)
            let change: Change
            switch issues < 3 ? 0 : random.next() % 22 {
            case 0, 1, 2, 20, 21:
                issues += 1
                change = .create(title: text(3), body: text(Int(random.next() % 6)), column: pick([nil, "todo", "doing", "done"]),
                                 labels: random.next() % 2 == 0 ? [pick(labels)] : [],
                                 assignees: random.next() % 2 == 0 ? [pick(people)] : [], priority: pick(Priority.allCases))
            case 3: change = .retitle(number, text(2))
            case 4: change = .editBody(number, text(4))
            case 5: change = .move(number, to: pick(["backlog", "todo", "doing", "review", "done"]))
            case 6: change = .assign(number, [pick(people)])
            case 7: change = .unassign(number, [pick(people)])
            case 8: change = .label(number, add: [pick(labels)], remove: [])
            case 9: change = .label(number, add: [], remove: [pick(labels)])
            case 10: change = .prioritise(number, pick(Priority.allCases))
            case 11: change = .comment(number, text(3))
            case 12: change = random.next() % 2 == 0 ? .close(number) : .reopen(number)
            case 13: change = .lifecycle(number, pick(LifecycleStep.allCases))
            case 14: change = .setDue(number, random.next() % 4 == 0 ? nil : day)
            case 15: change = .snooze(number, random.next() % 4 == 0 ? nil : day)
            case 16, 17: change = .link(number, pick(LinkType.allCases), 1 + Int(random.next() % UInt64(issues)))
            default: change = .move(number, to: pick(["todo", "doing"]))
            }
            steps.append(Step(actor: pick(people), at: Timestamp(milliseconds: min(time, now.milliseconds)), change: change))
        }
        return steps
    }

    /// The board after `steps`; a step the board refuses (an issue that cannot be changed so)
    /// is skipped, as a person would see it refused.
    public static func board(_ steps: [Step], now: Timestamp) -> BoardState {
        var state = BoardState(now: now)
        var counter: UInt64 = 0
        for step in steps {
            guard let events = try? state.events(for: step.change, actor: step.actor, at: step.at, newID: {
                counter += 1
                return EventID(counter)
            }) else { continue }
            state.apply(events)
        }
        return state
    }

    /// Every query word, negated too, and combinations: what `list` must answer identically
    /// through the index. `me` is "ann".
    public static let queries: [String] = {
        let single = [
            "", "is:open", "is:closed", "is:stale", "is:untriaged", "is:archived", "is:overdue", "is:snoozed", "is:resurfaced",
            "is:attention", "is:blocked", "is:parent", "has:duplicates", "blocks:3", "blocked-by:2", "parent:1",
            "assignee:ann", "assignee:me", "assignee:none", "assignee:bob", "assignee:BOB", "assignee:kim", "assignee:\u{212A}IM",
            "assignee:ünal", "assignee:ÜNAL", "label:bug", "label:k8s", "label:K8S", "label:ärger", "label:ÄRGER", "label:wontfix",
            "column:todo", "column:doing", "column:Done", "column:\"In progress\"", "priority:high", "priority:none", "priority:u",
            "author:me", "author:bob", "author:ünal", "author:KIM", "reporter:@example.com", "created:<30d", "created:>7d",
            "updated:<7d", "updated:>14d", "updated:<=2w", "mentions:me", "mentions:bob", "due:<7d", "due:none", "due:>3d", "due:today",
            "login", "LOGIN", "crash", "dark", "\"dark mode\"", "日本語", "翻訳テスト", "翻訳", "straße", "strasse", "i̇st", "ist",
            "kel", "kelvin", "\u{212A}elvin", "ärger", "ärg", "émile", "e\u{301}mi", "naïve", "na", "x", "@ann",
        ]
        let sorts = ["sort:updated", "sort:created-desc", "sort:priority", "sort:due", "sort:id-desc", "sort:duplicates", "sort:reporters"]
        var queries = single + single.filter { !$0.isEmpty }.map { "-" + $0 } + sorts
        var random = SeededGenerator(seed: 20)
        for _ in 0..<150 {
            let count = 2 + Int(random.next() % 3)
            queries.append((0..<count).map { _ in
                let word = single[1 + Int(random.next() % UInt64(single.count - 1))]
                return (random.next() % 3 == 0 ? "-" : "") + word
            }.joined(separator: " ") + (random.next() % 4 == 0 ? " " + sorts[Int(random.next() % UInt64(sorts.count))] : ""))
        }
        return queries
    }()
}
