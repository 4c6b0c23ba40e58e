import Foundation
import BoardModel

extension Query {
    /// The longest query parsed, in bytes: hundreds of words, and short enough that parsing
    /// (linear) takes no noticeable time on every keystroke of the live filter.
    public static let maximumLength = 16_384

    /// Every word of the language, for `lanes list --help` and docs: kept beside the parser so
    /// that a word added here cannot be missing there.
    public static let words = """
        is:open is:closed is:stale is:untriaged is:archived is:overdue is:snoozed is:resurfaced is:attention is:blocked is:parent \
        has:duplicates blocks:N blocked-by:N parent:N assignee:NAME|me|none label:X column:ID|NAME \
        priority:urgent|high|medium|low|none author:NAME|me reporter:ADDRESS|@DOMAIN created:>2026-01-31 updated:<7d (dates or ages in h d w m y, \
        after <, <=, >, >= or nothing) due:<7d|>2026-12-31|fri|none mentions:NAME|me \
        sort:id|created|updated|priority|due|duplicates|reporters[-desc] "free text"
        """

    /// The qualifiers the language knows, for error messages and completion.
    public static let qualifiers = ["is", "assignee", "label", "column", "priority", "author", "reporter", "created", "updated", "due", "mentions", "sort",
                                    "has", "blocks", "blocked-by", "parent"]

    /// Parses `text` and checks its column terms against `state`: the one way a query typed
    /// by a person becomes a filter (the live `/` filter, saved views, `lanes list`).
    public static func parse(_ text: String, on state: BoardState, me: String, now: Timestamp = .now,
                             staleAfterDays: Int = 14, zone: TimeZone = .current) throws(BoardError) -> Query {
        try parse(text, me: me, now: now, staleAfterDays: staleAfterDays, zone: zone).resolvingColumns(in: state)
    }

    /// Parses `text`. `me` names the current actor; `now` anchors ages like `7d`.
    public static func parse(_ text: String, me: String, now: Timestamp = .now,
                             staleAfterDays: Int = 14, zone: TimeZone = .current) throws(BoardError) -> Query {
        guard text.utf8.count <= maximumLength else {
            throw .badQuery("the query is \(text.utf8.count) bytes long; a query is at most \(maximumLength)")
        }
        var query = Query(source: text.trimmingSpaces, zone: zone)
        let clock = DayClock(now: now, zone: zone).startOfToday
        for token in try tokenize(text) {
            var word = Substring(token)
            var negated = false
            if word.hasPrefix("-"), word.count > 1 {
                negated = true
                word = word.dropFirst()
            }
            let firstQuote = word.firstIndex(of: "\"") ?? word.endIndex
            guard let colon = word[..<firstQuote].firstIndex(of: ":"), colon != word.startIndex else {
                query.terms.append(QueryTerm(.text(unquote(word).lowercased()), negated: negated))
                continue
            }
            let key = word[..<colon].lowercased()
            let value = unquote(word[word.index(after: colon)...])
            if key == "sort" {
                query.sort = try parseSort(value)
                continue
            }
            let condition = try condition(key: key, value: value, me: me, now: now, staleAfterDays: staleAfterDays, clock: clock)
            query.terms.append(QueryTerm(condition, negated: negated))
        }
        return query
    }

    private static func condition(key: String, value: String, me: String, now: Timestamp,
                                  staleAfterDays: Int, clock: DayClock) throws(BoardError) -> QueryTerm.Condition {
        guard !value.isEmpty else { throw .badQuery("\"\(key):\" needs a value") }
        switch key {
        case "is":
            switch value.lowercased() {
            case "open": return .open
            case "closed": return .closed
            case "stale": return .stale
            case "untriaged": return .untriaged
            case "archived": return .archived
            case "overdue": return .overdue(clock)
            case "snoozed": return .snoozed(clock)
            case "resurfaced": return .resurfaced(clock)
            case "attention":
                // New issues and mentions count from the start of yesterday: a day's news.
                return .attention(Digest.Rules(person: me, since: clock.start(of: clock.today.adding(days: -1)), clock: clock,
                                               staleAfterDays: staleAfterDays))
            case "blocked": return .blocked
            case "parent": return .parent
            default: throw .badQuery("unknown \"is:\(value)\"; use is:open, is:closed, is:stale, is:untriaged, is:archived, is:overdue, is:snoozed, is:resurfaced, is:attention, is:blocked or is:parent")
            }
        case "assignee":
            let lower = value.lowercased()
            return .assignee(lower == "none" ? nil : BoardState.resolveMe(value, as: me) ?? value)
        case "label":
            return .label(value)
        case "column":
            return .column(value)
        case "priority":
            guard let priority = Priority(name: value) else {
                throw .badQuery("\(key):\(value): no priority \"\(value)\"; use \(Plural.choice(Priority.allCases.map(\.rawValue)))")
            }
            return .priority(priority)
        case "author":
            return .author(BoardState.resolveMe(value, as: me) ?? value)
        case "mentions":
            return .mentions(BoardState.resolveMe(value, as: me) ?? String(value.drop { $0 == "@" }))
        case "due":
            return .due(try parseDueBound(value, today: clock.today))
        case "reporter":
            return .reporter(value)
        case "created", "updated":
            let bound = try parseDateBound(value, key: key, now: now)
            return key == "created" ? .created(bound) : .updated(bound)
        case "has", "blocks", "blocked-by", "parent":
            return try linkCondition(key: key, value: value)
        default:
            throw .badQuery("unknown search term \"\(key):\"; terms are: \(qualifiers.map { $0 + ":" }.joined(separator: " "))")
        }
    }

    private static func parseSort(_ value: String) throws(BoardError) -> QuerySort {
        var name = value.lowercased()
        var descending = false
        if name.hasSuffix("-desc") {
            descending = true
            name.removeLast(5)
        } else if name.hasSuffix("-asc") {
            name.removeLast(4)
        }
        guard let key = QuerySort.Key(rawValue: name) else {
            throw .badQuery("unknown sort \"\(value)\"; use sort:id, sort:created, sort:updated, sort:priority, sort:due, sort:duplicates or sort:reporters, with -desc to reverse")
        }
        return QuerySort(key: key, descending: descending)
    }

    /// `<7d`, `>30d`, `>2026-01-31`, `<=2w`, `2026-02-01`. For ages, `<` means younger than.
    private static func parseDateBound(_ value: String, key: String, now: Timestamp) throws(BoardError) -> DateBound {
        var rest = Substring(value)
        var op = ""
        while let first = rest.first, first == "<" || first == ">" || first == "=" {
            op.append(first)
            rest.removeFirst()
        }
        let bad = BoardError.badQuery("bad date in \"\(key):\(value)\"; use a date (2026-01-31) or an age (7d, 3w, 12h) after <, > or nothing")
        let amountText = rest.dropLast()
        if let unit = rest.last, let scale = ageUnits[unit], amountText.contains(where: \.isNumber),
           amountText.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "+" }) {
            // At most 10,000 years in any unit, so `amount * scale` and `now - age` cannot overflow.
            let most = Int(maximumAge / scale)
            let amount: Int
            do {
                amount = try BoundedNumber.parse(amountText, in: 0...most, what: "the age in \"\(key):\(value)\"")
            } catch {
                throw .badQuery(error.description)
            }
            let moment = Timestamp(milliseconds: now.milliseconds - Int64(amount) * scale)
            switch op {
            case "", "<", "<=": return DateBound(relation: .after, moment: moment)
            case ">", ">=": return DateBound(relation: .before, moment: moment)
            default: throw bad
            }
        }
        guard rest.utf8.count == 10, let day = Timestamp.parse(Array(rest.utf8)) else { throw bad }
        let nextDay = Timestamp(milliseconds: day.milliseconds + Timestamp.day)
        switch op {
        case "", "=": return DateBound(relation: .on, moment: day)
        case "<": return DateBound(relation: .before, moment: day)
        case "<=": return DateBound(relation: .before, moment: nextDay)
        case ">": return DateBound(relation: .after, moment: nextDay)
        case ">=": return DateBound(relation: .after, moment: day)
        default: throw bad
        }
    }

    /// Milliseconds per unit of an age (`12h`, `7d`, `3w`, `2m`, `1y`).
    private static let ageUnits: [Character: Int64] = [
        "h": 3_600_000, "d": Timestamp.day, "w": 7 * Timestamp.day, "m": 30 * Timestamp.day, "y": 365 * Timestamp.day,
    ]

    /// The oldest age a query may name: 10,000 years, far beyond any board, far below overflow.
    private static let maximumAge: Int64 = 10_000 * 365 * Timestamp.day

    private static func unquote(_ text: Substring) -> String {
        String(text.filter { $0 != "\"" })
    }

    /// Splits on spaces outside `"…"`, keeping the quotes (so `label:"needs review"` is one word).
    static func tokenize(_ text: String) throws(BoardError) -> [String] {
        var words: [String] = []
        var current = ""
        var inQuotes = false
        for character in text {
            if character == "\"" { inQuotes.toggle() }
            if !inQuotes, character == " " || character == "\t" || character == "\n" {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if inQuotes { throw .badQuery("unclosed quote in \"\(text)\"") }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Checks column terms against the board's columns and maps names to ids.
    public func resolvingColumns(in state: BoardState) throws(BoardError) -> Query {
        var resolved = self
        for index in resolved.terms.indices {
            if case .column(let name) = resolved.terms[index].condition {
                resolved.terms[index].condition = .column(try state.resolveColumn(name).id)
            }
        }
        return resolved
    }
}
