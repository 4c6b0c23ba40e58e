import ArgumentParser

/// The commands scripts run most (`list`, `show`, `add`, `comment`, `move`, `assign`, `close`)
/// made from a plain command line (`PlainCommandLine`) without ArgumentParser.
///
/// Why: ArgumentParser builds every command's argument set by reflection (`Mirror`, generic
/// metadata from mangled names, protocol conformance scans through the whole binary) and parses
/// the line twice more to look for a completion-script request: about 5 ms of CPU on every
/// start, a fifth of a selective `lanes list` at 100,000 issues (#20, docs/performance.md,
/// "The process floor"). A line it would read differently, and every line with a problem,
/// is left to it (nil), so flags, messages and exit codes are its own. Each command's values
/// are set whole here, defaults included: `PlainCommandsTests` compares every one with what
/// ArgumentParser makes of the same line.
enum PlainCommands {
    /// The command `arguments` (without the program's name) ask for, or nil for ArgumentParser.
    static func parse(_ arguments: [String]) -> ParsableCommand? {
        // `lanes --board DIR list …`: ArgumentParser gives `BoardOptions`' options to the
        // subcommand wherever they stand, before its name or after; so does this.
        var leading: [String] = [], words = arguments[...]
        while let word = words.first, word.hasPrefix("--"), boardOptions.contains(String(word.dropFirst(2).prefix { $0 != "=" })) {
            leading.append(words.removeFirst())
            if !word.contains("="), let value = words.popFirst() { leading.append(value) }
        }
        guard let name = words.popFirst() else { return nil }
        let rest = (leading + words)[...]
        let command: ParsableCommand?
        switch name {
        case "list": command = List(plain: rest)
        case "show": command = Show(plain: rest)
        case "add": command = Add(plain: rest)
        case "comment": command = CommentCommand(plain: rest)
        case "move": command = Move(plain: rest)
        case "assign": command = Assign(plain: rest)
        case "close": command = Close(plain: rest)
        default: command = nil
        }
        // ArgumentParser validates each command after parsing it; a refusal is its to word.
        guard var command, (try? command.validate()) != nil else { return nil }
        return command
    }

    /// The options of `BoardOptions`, which every one of these commands takes.
    private static let boardOptions: Set<String> = ["board", "as", "now"]

    /// The line, if it is plain, with `BoardOptions`' options besides the command's own.
    fileprivate static func line(_ arguments: ArraySlice<String>, options: Set<String> = [], repeatable: Set<String> = [],
                                 flags: Set<String> = []) -> (PlainCommandLine, BoardOptions)? {
        guard let line = PlainCommandLine(arguments, options: options.union(boardOptions), repeatable: repeatable, flags: flags)
        else { return nil }
        var board = BoardOptions()
        board.board = line.value("board")
        board.actor = line.value("as")
        board.now = line.value("now")
        guard (try? board.validate()) != nil else { return nil }
        return (line, board)
    }

    /// An argument's value, as ArgumentParser converts it; nil if it would refuse it.
    fileprivate static func convert<Value: ExpressibleByArgument>(_ text: String?, default value: Value) -> Value? {
        guard let text else { return value }
        return Value(argument: text)
    }
}

private extension List {
    init?(plain arguments: ArraySlice<String>) {
        guard let (line, options) = PlainCommands.line(arguments, options: ["format"]),
              let format = PlainCommands.convert(line.value("format"), default: ListFormat.table) else { return nil }
        self.init()
        (self.options, self.query, self.format) = (options, line.words, format)
    }
}

private extension Show {
    init?(plain arguments: ArraySlice<String>) {
        guard let (line, options) = PlainCommands.line(arguments, options: ["format"]), line.words.count == 1,
              let number = IssueNumber(argument: line.words[0]),
              let format = PlainCommands.convert(line.value("format"), default: Format.text) else { return nil }
        self.init()
        (self.options, self.number, self.format) = (options, number, format)
    }
}

private extension Add {
    init?(plain arguments: ArraySlice<String>) {
        guard let (line, options) = PlainCommands.line(arguments, options: ["body", "priority", "column"], repeatable: ["label", "assign"]),
              line.words.count == 1 else { return nil }
        self.init()
        (self.options, title, body, labels, assignees) = (options, line.words[0], line.value("body") ?? "", line.values("label"), line.values("assign"))
        (priority, column) = (line.value("priority") ?? "none", line.value("column"))
    }
}

private extension CommentCommand {
    init?(plain arguments: ArraySlice<String>) {
        guard let (line, options) = PlainCommands.line(arguments, options: ["edit", "delete"]), (1...2).contains(line.words.count),
              let number = IssueNumber(argument: line.words[0]) else { return nil }
        let ids = (line.value("edit").map(CommentID.init(argument:)), line.value("delete").map(CommentID.init(argument:)))
        if case .some(nil) = ids.0 { return nil }
        if case .some(nil) = ids.1 { return nil }
        self.init()
        (self.options, self.number, text, editID, deleteID) = (options, number, line.words.dropFirst().first, ids.0 ?? nil, ids.1 ?? nil)
    }
}

private extension Move {
    init?(plain arguments: ArraySlice<String>) {
        guard let (line, options) = PlainCommands.line(arguments), line.words.count == 2,
              let number = IssueNumber(argument: line.words[0]) else { return nil }
        self.init()
        (self.options, self.number, column) = (options, number, line.words[1])
    }
}

private extension Assign {
    init?(plain arguments: ArraySlice<String>) {
        guard let (line, options) = PlainCommands.line(arguments, flags: ["remove"]), line.words.count >= 2,
              let number = IssueNumber(argument: line.words[0]) else { return nil }
        self.init()
        (self.options, self.number, users, remove) = (options, number, Array(line.words.dropFirst()), line.flag("remove"))
    }
}

private extension Close {
    init?(plain arguments: ArraySlice<String>) {
        guard let (line, options) = PlainCommands.line(arguments), line.words.count == 1,
              let number = IssueNumber(argument: line.words[0]) else { return nil }
        self.init()
        (self.options, self.number) = (options, number)
    }
}
