import BoardModel

/// `:column ACTION …` on the command line: the same actions and options as `lanes columns`
/// (`add NAME [--id ID] [--after ID | --before ID] [--closing] [--wip N]`, `rename ID NAME`,
/// `move ID (--after ID | --before ID | --first | --last)`, `remove ID [--to ID]`,
/// `wip ID N|none`, `closing ID on|off`). A name with spaces is quoted: `"In progress"`.
public enum ColumnCommandLine {
    public static let actions = ["add", "rename", "move", "remove", "wip", "closing"]

    /// The change `text` asks for, checked for its form (the board checks the columns it names).
    public static func parse(_ text: String, board: BoardState) throws(BoardError) -> ColumnChange {
        var words = Words.split(text)
        guard let action = words.first else { throw usage }
        words.removeFirst()
        var options = try Options(words, flags: ["--closing", "--first", "--last"])
        switch action {
        case "add":
            let name = options.rest.joined(separator: " ")
            guard !name.isEmpty else { throw .invalid("usage: :column add NAME [--id ID] [--after ID | --before ID] [--closing] [--wip N]") }
            let column = Column(id: options.values["--id"] ?? board.newColumnID(for: name), name: name,
                                isClosing: options.flags.contains("--closing"),
                                wip: try options.values["--wip"].map { v throws(BoardError) in try ColumnLimits.parseWIP(v) } ?? nil)
            return .add(column, at: try position(options, default: .last))
        case "rename":
            guard options.rest.count >= 2 else { throw .invalid("usage: :column rename COLUMN NEW NAME") }
            return .rename(options.rest[0], to: options.rest.dropFirst().joined(separator: " "))
        case "move":
            guard options.rest.count == 1 else { throw .invalid("usage: :column move COLUMN (--after COLUMN | --before COLUMN | --first | --last)") }
            return .move(options.rest[0], to: try position(options, default: nil))
        case "remove":
            guard options.rest.count == 1 else { throw .invalid("usage: :column remove COLUMN [--to COLUMN]") }
            return .remove(options.rest[0], to: options.values["--to"])
        case "wip":
            guard options.rest.count == 2 else { throw .invalid("usage: :column wip COLUMN N|none") }
            return .limit(options.rest[0], wip: try ColumnLimits.parseWIP(options.rest[1]))
        case "closing":
            guard options.rest.count == 2 else { throw .invalid("usage: :column closing COLUMN on|off") }
            return .setClosing(options.rest[0], try ColumnLimits.parseSwitch(options.rest[1]))
        default:
            throw usage
        }
        func position(_ options: Options, default fallback: ColumnPosition?) throws(BoardError) -> ColumnPosition {
            var chosen: [ColumnPosition] = []
            if let after = options.values["--after"] { chosen.append(.after(after)) }
            if let before = options.values["--before"] { chosen.append(.before(before)) }
            if options.flags.contains("--first") { chosen.append(.first) }
            if options.flags.contains("--last") { chosen.append(.last) }
            guard chosen.count <= 1 else { throw .invalid("give one of --after, --before, --first, --last") }
            guard let position = chosen.first ?? fallback else { throw .invalid("move needs --after COLUMN, --before COLUMN, --first or --last") }
            return position
        }
    }

    static var usage: BoardError { .invalid("usage: :column " + actions.joined(separator: "|") + " …") }

    /// What <Tab> offers after `arguments` (the words typed so far after `column`).
    public static func candidates(after arguments: [String], board: BoardState) -> [String] {
        let ids = board.columns.map(\.id)
        guard let action = arguments.first else { return actions }
        if let last = arguments.last, ["--after", "--before", "--to"].contains(last) { return ids }
        let position = arguments.count
        switch action {
        case "add": return position == 1 ? [] : ["--id", "--after", "--before", "--closing", "--wip"]
        case "rename": return position == 1 ? ids : []
        case "move": return position == 1 ? ids : ["--after", "--before", "--first", "--last"]
        case "remove": return position == 1 ? ids : ["--to"]
        case "wip": return position == 1 ? ids : position == 2 ? ["none"] : []
        case "closing": return position == 1 ? ids : position == 2 ? ["on", "off"] : []
        default: return []
        }
    }

    /// The words of a command line, where `"two words"` is one.
    enum Words {
        static func split(_ text: String) -> [String] {
            var words: [String] = [], current = "", quoted = false, started = false
            for character in text {
                if character == "\"" { quoted.toggle(); started = true }
                else if character == " ", !quoted {
                    if started { words.append(current) }
                    current = ""; started = false
                } else { current.append(character); started = true }
            }
            if started { words.append(current) }
            return words
        }
    }

    /// `--name VALUE` options and `--flag`s pulled out of the words; the rest in order.
    struct Options {
        var values: [String: String] = [:]
        var flags: Set<String> = []
        var rest: [String] = []

        init(_ words: [String], flags known: Set<String>) throws(BoardError) {
            var index = 0
            while index < words.count {
                let word = words[index]
                index += 1
                if known.contains(word) { flags.insert(word); continue }
                guard word.hasPrefix("--"), word.count > 2 else { rest.append(word); continue }
                guard ["--id", "--after", "--before", "--to", "--wip"].contains(word) else { throw .invalid("unknown option \(word)") }
                guard index < words.count else { throw .invalid("\(word) needs a value") }
                values[word] = words[index]
                index += 1
            }
        }
    }
}
